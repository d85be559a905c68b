/** Composition root of the Electron main process: wiring only. */
import { join } from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import { startConsoleApp } from './electron/console-app'
import { createLineLogger } from './core/logger'
import { createSecretRegistry } from './core/log-redaction'
import { createLogFiles } from './desktop/log-files'
import { createMainLifecycle } from './desktop/main-lifecycle'
import { APP_ID } from './desktop/app-identity'
import { installSystemCaTrust } from './core/dinky/trusted-cas'

const knownSecrets = createSecretRegistry()
const logFiles = createLogFiles(app.getPath('logs'))
const logger = createLineLogger(
  (line, level) => {
    process.stdout.write(line + '\n')
    logFiles.write(line, level)
  },
  {
    level: process.env['DINKY_LOG_LEVEL'] === 'debug' ? 'debug' : 'info',
    knownSecrets: () => knownSecrets.values()
  }
)
const resourcesDir = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(import.meta.dirname, '../../resources')

// Trust the OS certificate store (a company CA) as well as Node's bundled one, for every connection.
logger.info('certificate trust', { ...installSystemCaTrust() })

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Windows attributes toasts to this id; it must be the installer's appId.
  app.setAppUserModelId(APP_ID)
  const lifecycle = createMainLifecycle({
    start: () => startConsoleApp(logger, resourcesDir, { logFiles, knownSecrets }),
    logger,
    showError: (title, text) => dialog.showErrorBox(title, text),
    quit: () => app.quit()
  })
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window?.isMinimized()) window.restore()
    window?.show()
    window?.focus()
  })
  app
    .whenReady()
    // The console sets its own application menu (electron/app-menu.ts) once it starts.
    .then(() => lifecycle.start())
    .catch((error: unknown) => logger.error('start-up failed', { why: String(error) }))
  app.on('window-all-closed', () => app.quit())
  // Flush the cache and close every stream before the process ends, also when quitting during start-up.
  app.on('before-quit', (event) => {
    if (lifecycle.beforeQuit()) event.preventDefault()
  })
}
