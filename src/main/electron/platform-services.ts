/** The platform services request handlers need, on Electron: app facts, dialogs, the browser session, the shell. */
import { writeFile } from 'node:fs/promises'
import { app, dialog, nativeTheme, session, shell, type BrowserWindow } from 'electron'
import { secretsBackend } from './secret-store'
import type { PlatformServices } from '../ipc/request-handlers'
import type { LogFiles } from '../desktop/log-files'

export function createPlatformServices(
  window: () => BrowserWindow | undefined,
  logFiles: LogFiles
): PlatformServices {
  return {
    appInfo: () => ({
      version: app.getVersion(),
      platform: process.platform,
      locale: app.getLocale(),
      darkMode: nativeTheme.shouldUseDarkColors,
      secretsBackend: secretsBackend()
    }),
    async clearBrowsingData() {
      const browser = session.defaultSession
      const before = await browser.getCacheSize()
      await browser.clearCache()
      await browser.clearStorageData()
      return before
    },
    async saveFile(suggestedName, text) {
      const parent = window()
      const options = { defaultPath: suggestedName }
      const choice = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return null
      await writeFile(choice.filePath, text, 'utf8')
      return choice.filePath
    },
    openExternal: (url) => shell.openExternal(url),
    async openLogsFolder() {
      const failure = await shell.openPath(logFiles.dir)
      if (failure) throw new Error(failure)
      return logFiles.dir
    },
    logTail: async (lines) => logFiles.tail(lines)
  }
}
