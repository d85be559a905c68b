/** Composition root of the Electron main process: wiring only. */
import { join } from 'node:path'
import { app, BrowserWindow, Menu } from 'electron'
import { startConsoleApp } from './electron/console-app'
import { createLineLogger } from './core/logger'
import type { Disposer } from './core/ports'

const logger = createLineLogger((line) => process.stdout.write(line + '\n'), {
  level: process.env['DINKY_LOG_LEVEL'] === 'debug' ? 'debug' : 'info'
})
const resourcesDir = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(import.meta.dirname, '../../resources')

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let stop: Disposer | undefined
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window?.isMinimized()) window.restore()
    window?.show()
    window?.focus()
  })
  void app.whenReady().then(async () => {
    if (process.platform !== 'darwin') Menu.setApplicationMenu(null)
    stop = await startConsoleApp(logger, resourcesDir)
  })
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', (event) => {
    if (!stop) return
    // Flush the cache and close every stream before the process ends.
    event.preventDefault()
    const dispose = stop
    stop = undefined
    void Promise.resolve(dispose())
      .catch((error: unknown) => logger.error('shutdown failed', { why: String(error) }))
      .finally(() => app.quit())
  })
}
