/** The main window: sandboxed, isolated, with navigation and new windows blocked. */
import { join } from 'node:path'
import { BrowserWindow, shell } from 'electron'

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
}

/** Creates the console window. The renderer comes from the dev server in `dev` and from `out/renderer` otherwise. */
export function createMainWindow(bounds: WindowBounds): BrowserWindow {
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Dinky Console',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    }
  })
  window.once('ready-to-show', () => window.show())

  // The console never navigates away from itself; links open in the user's browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== window.webContents.getURL()) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })

  const devServer = process.env['ELECTRON_RENDERER_URL']
  if (devServer) void window.loadURL(devServer)
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'))
  return window
}
