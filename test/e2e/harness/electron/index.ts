/**
 * The `electron` module as the app's main process sees it under the e2e harness: the part of Electron's main-process
 * API the app uses, recorded and driven from the test process. Named exports and a default export, like Electron's
 * CommonJS module seen from ESM.
 */
import { EventEmitter } from 'node:events'
import { app } from './app'
import { StandInBrowserWindow } from './browser-window'
import { dialog } from './dialog'
import { ipcMain } from './ipc-main'
import { StandInMenu, StandInMenuItem } from './menu'
import { nativeImage } from './native-image'
import { nativeTheme } from './native-theme'
import { StandInNotification } from './notification'
import { net, powerMonitor, screen } from './power-and-network'
import { safeStorage } from './safe-storage'
import { session } from './session'
import { shell } from './shell'
import { StandInTray } from './tray'

let clipboardText = ''
const clipboard = {
  readText: () => clipboardText,
  writeText: (text: string) => void (clipboardText = text),
  clear: () => void (clipboardText = '')
}
const globalShortcut = {
  register: (_accelerator: string, _callback: () => void) => true,
  unregister: (_accelerator: string) => undefined,
  unregisterAll: () => undefined,
  isRegistered: (_accelerator: string) => false
}
const crashReporter = { start: (_options: unknown) => undefined }
const autoUpdater = new EventEmitter()
const webContents = {
  getAllWebContents: () => StandInBrowserWindow.getAllWindows().map((w) => w.webContents),
  getFocusedWebContents: () => StandInBrowserWindow.getFocusedWindow()?.webContents ?? null,
  fromId: (id: number) =>
    StandInBrowserWindow.getAllWindows().find((w) => w.webContents.id === id)?.webContents ?? null
}

export {
  app,
  autoUpdater,
  clipboard,
  crashReporter,
  dialog,
  globalShortcut,
  ipcMain,
  nativeImage,
  nativeTheme,
  net,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
  webContents,
  StandInBrowserWindow as BrowserWindow,
  StandInMenu as Menu,
  StandInMenuItem as MenuItem,
  StandInNotification as Notification,
  StandInTray as Tray
}

export default {
  app,
  autoUpdater,
  clipboard,
  crashReporter,
  dialog,
  globalShortcut,
  ipcMain,
  nativeImage,
  nativeTheme,
  net,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
  webContents,
  BrowserWindow: StandInBrowserWindow,
  Menu: StandInMenu,
  MenuItem: StandInMenuItem,
  Notification: StandInNotification,
  Tray: StandInTray
}
