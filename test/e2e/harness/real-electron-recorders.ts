/**
 * Installed in a real Electron main process (DINKY_E2E_REAL_ELECTRON=1) through `electronApp.evaluate`: wraps
 * Notification, shell, dialog and Tray so the same records as the stand-in's exist there. Self-contained: Playwright
 * sends this function's source to the main process.
 */
import type * as Electron from 'electron'

export interface RealElectronRecords {
  notifications: Array<{ title: string; body: string; closed: boolean }>
  shown: Electron.Notification[]
  externalUrls: string[]
  dialogs: Array<{ method: string; options: unknown; answer: unknown }>
  answers: Record<string, unknown[]>
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
  const { Notification, Tray, dialog, shell } = electron
  const records: RealElectronRecords = {
    notifications: [],
    shown: [],
    externalUrls: [],
    dialogs: [],
    answers: {},
    tray: null
  }
  Object.assign(globalThis, { __dinkyE2e: records })

  const show = Notification.prototype.show
  Notification.prototype.show = function (this: Electron.Notification) {
    records.notifications.push({ title: this.title, body: this.body, closed: false })
    records.shown.push(this)
    return show.call(this)
  }
  shell.openExternal = async (url: string) => void records.externalUrls.push(url)

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

  const trayState = (tray: Electron.Tray) =>
    (records.tray ??= { instance: tray, image: '', tooltip: '', title: '', menu: null })
  const { setImage, setToolTip, setTitle, setContextMenu } = Tray.prototype
  Tray.prototype.setImage = function (this: Electron.Tray, image) {
    trayState(this).image = typeof image === 'string' ? image : ''
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
