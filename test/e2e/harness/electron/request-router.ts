/**
 * Answers what the test process asks the app process: a page's IPC and events, and the test's controls (records,
 * power events, tray and notification clicks, dialog answers, theme, online state, closing and quitting).
 */
import type { AppRecords, ControlOp, TestRequest } from '../protocol'
import { app } from './app'
import { StandInBrowserWindow } from './browser-window'
import { ipcMain } from './ipc-main'
import { clickMenuItem, describeMenu, StandInMenu } from './menu'
import { nativeTheme } from './native-theme'
import { processUsage } from './process-usage'
import { clickNotification, clickNotificationAction } from './notification'
import { powerMonitor, setOnline } from './power-and-network'
import { PreventableEvent } from './preventable-event'
import { queueDialogAnswer, records } from './records'
import { currentStandInTray } from './tray'

function windowById(id: number): StandInBrowserWindow {
  const window = StandInBrowserWindow.fromId(id)
  if (!window) throw new Error(`No window #${id}`)
  return window
}

function snapshotRecords(): AppRecords {
  return {
    ...records,
    tray: currentStandInTray()?._describe() ?? null,
    applicationMenu: describeMenu(StandInMenu.getApplicationMenu())
  }
}

function runControl(op: ControlOp): unknown {
  switch (op.op) {
    case 'records':
      return snapshotRecords()
    case 'power-monitor':
      return void powerMonitor.emit(op.event, new PreventableEvent())
    case 'app-event':
      return void app.emit(op.event, new PreventableEvent(), ...op.args)
    case 'tray-click': {
      const tray = currentStandInTray()
      if (!tray) throw new Error('The app has no tray')
      return void tray.emit(op.event, new PreventableEvent(), { x: 0, y: 0, width: 22, height: 22 })
    }
    case 'tray-menu-click':
      return clickMenuItem(
        currentStandInTray()?._menu() ?? null,
        op.label,
        StandInBrowserWindow.getFocusedWindow()
      )
    case 'app-menu-click':
      return clickMenuItem(
        StandInMenu.getApplicationMenu(),
        op.label,
        StandInBrowserWindow.getFocusedWindow()
      )
    case 'notification-click':
      return clickNotification(op.index)
    case 'notification-action':
      return clickNotificationAction(op.index, op.actionIndex)
    case 'dialog-answer':
      return queueDialogAnswer(op.method, op.answer)
    case 'native-theme':
      return nativeTheme._setSystemDark(op.dark)
    case 'online':
      return setOnline(op.online)
    case 'close-window':
      return windowById(op.id).close()
    case 'process-usage':
      return processUsage(op.gc)
    case 'quit':
      return app.quit()
  }
}

/** Routes one request from the test process; the returned value (or thrown error) is the answer. */
export function routeTestRequest(request: TestRequest): unknown {
  switch (request.kind) {
    case 'ipc:invoke': {
      const contents = windowById(request.id).webContents
      return ipcMain._invoke(contents, request.frameUrl, request.channel, request.args)
    }
    case 'ipc:send':
      return ipcMain._send(
        windowById(request.id).webContents,
        request.frameUrl,
        request.channel,
        request.args
      )
    case 'page:will-navigate':
      return (
        StandInBrowserWindow.fromId(request.id)?.webContents._willNavigate(request.url) ?? false
      )
    case 'page:window-open':
      return windowById(request.id).webContents._windowOpen(
        request.url,
        request.frameName,
        request.features
      )
    case 'page:event': {
      const window = StandInBrowserWindow.fromId(request.id)
      if (request.event === 'closed') window?.destroy()
      else window?.webContents._pageEvent(request.event, request.url)
      return null
    }
    case 'control':
      return runControl(request.op)
  }
}
