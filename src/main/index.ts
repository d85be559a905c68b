/** Composition root of the Electron main process: wiring only. */
import { app, BrowserWindow } from 'electron'
import { createMainWindow } from './electron/window'

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  void app.whenReady().then(() => {
    createMainWindow({ width: 1280, height: 800 })
  })
  app.on('window-all-closed', () => app.quit())
}
