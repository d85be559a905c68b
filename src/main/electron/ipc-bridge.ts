/** Registers every request channel on `ipcMain`, accepting calls only from the console's own top-level frames. */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { dispatchRequest } from '../ipc/dispatch'
import type { RequestHandlers } from '../ipc/request-handlers'
import type { Disposer, Logger } from '../core/ports'
import { fail } from '../../shared/ipc/result'
import { REQUEST_CHANNELS } from '../../shared/ipc/contract'

/**
 * The frame must be the main frame of one of our windows showing the console itself: the built renderer from a file,
 * or the dev server on loopback. Navigation elsewhere is blocked, so anything else is an iframe or a foreign page.
 */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  if (!BrowserWindow.fromWebContents(event.sender)) return false
  const frame = event.senderFrame
  if (!frame || frame.parent) return false
  try {
    const url = new URL(frame.url)
    return url.protocol === 'file:' || LOOPBACK.has(url.hostname)
  } catch {
    return false
  }
}

const LOOPBACK: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function registerIpcHandlers(handlers: RequestHandlers, logger: Logger): Disposer {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, argument: unknown) => {
      if (!isTrustedSender(event)) {
        logger.warn('refused IPC from an untrusted frame', { channel, url: event.senderFrame?.url })
        return fail('forbidden', 'This frame may not call the console')
      }
      return dispatchRequest(handlers, channel, argument, logger)
    })
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel)
  }
}
