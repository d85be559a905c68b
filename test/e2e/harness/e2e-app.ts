/**
 * What a scenario test holds after `launchApp`: the windows as Playwright pages, the records of what the app asked
 * the desktop to do, and the controls a person or the OS would use. Both the stand-in and a real Electron binary
 * provide it.
 */
import type { Locator, Page } from 'playwright-core'
import type {
  AppRecords,
  DialogMethod,
  RecordedDialog,
  RecordedNotification,
  TrayState
} from './protocol'

export interface LaunchOptions {
  /** The app's userData directory. Reuse it to restart the app over the same cache; default: a fresh temp dir. */
  userDataDir?: string
  /** Extra environment for the main process. */
  env?: Record<string, string>
  /** The main script; default `out/main/index.js` (run `npx electron-vite build` first). */
  main?: string
  /** Extra argv for the main script, after its path (as `electron main.js ...args`). */
  args?: string[]
  /** `app.getLocale()` and the pages' navigator.language; default en-US. */
  locale?: string
  /** The OS dark mode at start (nativeTheme, prefers-color-scheme). */
  darkMode?: boolean
  /** 'unavailable' makes safeStorage.isEncryptionAvailable() false (stand-in only). */
  safeStorage?: 'basic_text' | 'unavailable'
  /** How long to wait for the app to become ready; default 30 s. */
  timeoutMs?: number
}

export interface E2eApp {
  readonly mode: 'stand-in' | 'electron'
  readonly userDataDir: string
  /** The first window's page, once it has navigated to the app. */
  firstWindow(): Promise<Page>
  /** Pages of the open windows, oldest first. */
  windows(): Promise<Page[]>
  /** Waits until an element with this data-testid is visible (in the first window unless a page is given). */
  waitForTestId(testId: string, options?: { page?: Page; timeoutMs?: number }): Promise<Locator>
  /** Saves a PNG under test-output/e2e/<name>.png and returns its path. */
  screenshot(name: string, page?: Page): Promise<string>

  records(): Promise<AppRecords>
  notifications(): Promise<RecordedNotification[]>
  /** Polls until a recorded notification matches (default: any). */
  waitForNotification(
    match?: (notification: RecordedNotification) => boolean,
    timeoutMs?: number
  ): Promise<RecordedNotification>
  tray(): Promise<TrayState | null>
  dialogs(): Promise<RecordedDialog[]>
  externalUrls(): Promise<string[]>

  clickNotification(index: number): Promise<void>
  /** Presses the `actionIndex`-th button of the `index`-th shown notification. */
  clickNotificationAction(index: number, actionIndex: number): Promise<void>
  clickTray(event?: 'click' | 'double-click' | 'right-click'): Promise<void>
  clickTrayMenuItem(labelOrId: string): Promise<void>
  clickAppMenuItem(labelOrId: string): Promise<void>
  /** Scripts the answer of the next call of a dialog method (FIFO per method). */
  answerDialog(method: DialogMethod, answer: unknown): Promise<void>
  emitPowerMonitor(
    event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' | string
  ): Promise<void>
  emitAppEvent(event: string, ...args: unknown[]): Promise<void>
  setSystemDarkMode(dark: boolean): Promise<void>
  setOnline(online: boolean): Promise<void>
  /** Closes a window as a person would (main's 'close' listeners may prevent it). */
  closeWindow(page: Page): Promise<void>

  /** The main process's stdout and stderr so far. */
  output(): string
  /** Uncaught errors of the pages (pageerror events). */
  pageErrors(): string[]
  /** Resolves with the exit code once the app process has ended. */
  readonly exited: Promise<number | null>
  /** Quits the app (as app.quit()), kills it if it does not exit, closes Chromium. Idempotent. */
  close(): Promise<void>
}
