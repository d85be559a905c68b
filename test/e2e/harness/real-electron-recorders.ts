/**
 * Installed in a real Electron main process (DINKY_E2E_REAL_ELECTRON=1) before the app's own main runs (the launcher
 * starts a small wrapper app that calls this, then imports out/main/index.js): wraps Notification, shell, dialog, Tray
 * and `net.isOnline` so the same records and controls as the stand-in's exist there. Self-contained: its source is
 * written into the wrapper as text.
 */
import type * as Electron from 'electron'

export interface RealElectronRecords {
  notifications: Array<{ title: string; body: string; actions?: string[]; closed: boolean }>
  shown: Electron.Notification[]
  externalUrls: string[]
  shellCalls: Array<{ method: string; arg: string }>
  dialogs: Array<{ method: string; options: unknown; answer: unknown }>
  answers: Record<string, unknown[]>
  mainErrors: string[]
  /** null: the OS decides; a boolean: what `net.isOnline()` answers (the test's setOnline). */
  online: boolean | null
  tray: {
    instance: Electron.Tray
    image: string
    tooltip: string
    title: string
    menu: Electron.Menu | null
  } | null
}

/** Runs inside Electron's main process; reachable afterwards as globalThis.__dinkyE2e. */
export function installRecorders(electron: typeof Electron): void {
  const { Notification, Tray, dialog, nativeImage, net, shell } = electron
  const records: RealElectronRecords = {
    notifications: [],
    shown: [],
    externalUrls: [],
    shellCalls: [],
    dialogs: [],
    answers: {},
    mainErrors: [],
    online: null,
    tray: null
  }
  Object.assign(globalThis, { __dinkyE2e: records })
  const describeError = (error: unknown) =>
    error instanceof Error ? (error.stack ?? String(error)) : String(error)
  process.on('uncaughtException', (error) => records.mainErrors.push(describeError(error)))
  process.on('unhandledRejection', (error) => records.mainErrors.push(describeError(error)))

  const show = Notification.prototype.show
  Notification.prototype.show = function (this: Electron.Notification) {
    const actions = this.actions.map((action) => action.text ?? '')
    const record = {
      title: this.title,
      body: this.body,
      ...(actions.length > 0 ? { actions } : {}),
      closed: false
    }
    records.notifications.push(record)
    records.shown.push(this)
    this.once('close', () => (record.closed = true))
    return show.call(this)
  }
  shell.openExternal = async (url: string) => void records.externalUrls.push(url)
  shell.openPath = async (path: string) => {
    records.shellCalls.push({ method: 'openPath', arg: path })
    return ''
  }
  shell.showItemInFolder = (path: string) =>
    void records.shellCalls.push({ method: 'showItemInFolder', arg: path })

  const isOnline = net.isOnline.bind(net)
  net.isOnline = () => records.online ?? isOnline()

  const fallbacks: Record<string, (options: Record<string, unknown>) => unknown> = {
    showSaveDialog: () => ({ canceled: true, filePath: '' }),
    showOpenDialog: () => ({ canceled: true, filePaths: [] }),
    showMessageBox: (options) => ({ response: options['cancelId'] ?? 0, checkboxChecked: false })
  }
  for (const [method, fallback] of Object.entries(fallbacks)) {
    Object.assign(dialog, {
      [method]: async (windowOrOptions: unknown, maybeOptions?: unknown) => {
        const options = (maybeOptions ?? windowOrOptions ?? {}) as Record<string, unknown>
        const queue = records.answers[method] ?? []
        const answer = queue.length > 0 ? queue.shift() : fallback(options)
        records.dialogs.push({ method, options: JSON.parse(JSON.stringify(options)), answer })
        return answer
      }
    })
  }
  dialog.showErrorBox = (title: string, content: string) =>
    void records.dialogs.push({
      method: 'showErrorBox',
      options: { title, content },
      answer: undefined
    })

  // Which file an image came from, so the tray's records name it as the stand-in's do.
  const imageSources = new WeakMap<Electron.NativeImage, string>()
  const createFromPath = nativeImage.createFromPath.bind(nativeImage)
  nativeImage.createFromPath = (path: string) => {
    const image = createFromPath(path)
    imageSources.set(image, path)
    return image
  }
  const trayState = (tray: Electron.Tray) =>
    (records.tray ??= { instance: tray, image: '', tooltip: '', title: '', menu: null })
  const { setImage, setToolTip, setTitle, setContextMenu } = Tray.prototype
  Tray.prototype.setImage = function (this: Electron.Tray, image) {
    trayState(this).image = typeof image === 'string' ? image : (imageSources.get(image) ?? '')
    return setImage.call(this, image)
  }
  Tray.prototype.setToolTip = function (this: Electron.Tray, tooltip) {
    trayState(this).tooltip = tooltip
    return setToolTip.call(this, tooltip)
  }
  Tray.prototype.setTitle = function (this: Electron.Tray, title, options) {
    trayState(this).title = title
    return setTitle.call(this, title, options)
  }
  Tray.prototype.setContextMenu = function (this: Electron.Tray, menu) {
    trayState(this).menu = menu
    return setContextMenu.call(this, menu)
  }
}
