/**
 * The messages between the test process (which owns Chromium) and the app process (which runs the built main with
 * the stand-in `electron`). They travel over Node's fork IPC channel with `serialization: 'advanced'`, so payloads
 * are structured clones, as Electron's IPC would carry them.
 */

export interface WindowSpec {
  id: number
  width: number
  height: number
  show: boolean
  title: string
  /** Absolute path of the preload script, run in the page before its own scripts. */
  preload: string | null
  contextIsolation: boolean
}

/** App process → test process: one-way notices. */
export type AppNotice =
  | { kind: 'window:create'; spec: WindowSpec }
  | { kind: 'window:send'; id: number; channel: string; args: unknown[] }
  | { kind: 'window:bounds'; id: number; width: number; height: number }
  | { kind: 'window:visibility'; id: number; visible: boolean }
  | { kind: 'window:focus'; id: number }
  | { kind: 'window:destroy'; id: number }
  | { kind: 'theme'; dark: boolean }
  /** The main script has run and `app` emitted 'ready'. */
  | { kind: 'ready' }
  | { kind: 'exiting'; code: number }

/** App process → test process: requests that wait for an answer. */
export type AppRequest =
  | { kind: 'window:load'; id: number; url: string }
  | { kind: 'window:reload'; id: number }
  | { kind: 'session:clear-storage'; origins: string[] }

/** Test process → app process: requests that wait for an answer (the test's controls and the page's traffic). */
export type TestRequest =
  | { kind: 'ipc:invoke'; id: number; frameUrl: string; channel: string; args: unknown[] }
  | { kind: 'ipc:send'; id: number; frameUrl: string; channel: string; args: unknown[] }
  | { kind: 'page:will-navigate'; id: number; url: string }
  | { kind: 'page:window-open'; id: number; url: string; frameName: string; features: string }
  | { kind: 'page:event'; id: number; event: PageEvent; url?: string }
  | { kind: 'control'; op: ControlOp }

export type PageEvent = 'dom-ready' | 'did-finish-load' | 'did-navigate' | 'closed' | 'crashed'

/** What a test can make happen in the app process. */
export type ControlOp =
  | { op: 'records' }
  | { op: 'power-monitor'; event: string }
  | { op: 'app-event'; event: string; args: unknown[] }
  | { op: 'tray-click'; event: 'click' | 'double-click' | 'right-click' }
  | { op: 'tray-menu-click'; label: string }
  | { op: 'app-menu-click'; label: string }
  | { op: 'notification-click'; index: number }
  | { op: 'notification-action'; index: number; actionIndex: number }
  | { op: 'dialog-answer'; method: DialogMethod; answer: unknown }
  | { op: 'native-theme'; dark: boolean }
  | { op: 'online'; online: boolean }
  | { op: 'close-window'; id: number }
  /** The app process's CPU so far and its heap (after full collections when `gc`): for the benchmarks. */
  | { op: 'process-usage'; gc: boolean }
  | { op: 'quit' }

/** What `process-usage` answers: `process.cpuUsage()` (µs) and `memoryUsage().heapUsed` (bytes). */
export interface ProcessUsage {
  userMicros: number
  systemMicros: number
  heapUsedBytes: number
}

export type DialogMethod =
  | 'showSaveDialog'
  | 'showOpenDialog'
  | 'showMessageBox'
  | 'showErrorBox'
  | 'showSaveDialogSync'
  | 'showOpenDialogSync'
  | 'showMessageBoxSync'

/** The answer to an ipc:invoke: Electron carries a thrown error as its string form, prefixed later in the page. */
export type InvokeOutcome = { ok: true; value: unknown } | { ok: false; message: string }

export interface RecordedNotification {
  title: string
  body: string
  subtitle?: string
  silent?: boolean
  urgency?: string
  icon?: string
  /** The labels of its buttons (Electron's `actions`), when it has any. */
  actions?: string[]
  closed: boolean
}

export interface RecordedMenuItem {
  label: string
  id?: string
  type: string
  enabled: boolean
  checked: boolean
  submenu?: RecordedMenuItem[]
}

export interface TrayState {
  image: string
  tooltip: string
  title: string
  menu: RecordedMenuItem[] | null
  destroyed: boolean
}

export interface RecordedDialog {
  method: DialogMethod
  options: unknown
  answer: unknown
}

/** Everything the stand-in recorded, as a test reads it. */
export interface AppRecords {
  notifications: RecordedNotification[]
  tray: TrayState | null
  externalUrls: string[]
  shellCalls: Array<{ method: string; arg: string }>
  dialogs: RecordedDialog[]
  applicationMenu: RecordedMenuItem[] | null
  menuPopups: RecordedMenuItem[][]
  clearedStorage: string[]
  /** Uncaught exceptions and unhandled rejections in the main process (Electron would show a dialog). */
  mainErrors: string[]
}
