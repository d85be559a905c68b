/**
 * The stand-in `ipcMain`. Invocations from a page arrive through the test link; the event names its `sender`
 * (the window's webContents) and `senderFrame.url` (file:// for loadFile pages, as in Electron). Errors reach the
 * page as Electron sends them: the thrown error's string form, or "No handler registered for '<channel>'".
 */
import { EventEmitter } from 'node:events'
import type { InvokeOutcome } from '../protocol'
import { toMainUrl } from './static-server'
import { isCloneable } from './structured-clone'

type InvokeHandler = (event: IpcMainEvent, ...args: unknown[]) => unknown

export interface SenderContents {
  id: number
  send(channel: string, ...args: unknown[]): void
}

export interface IpcMainEvent {
  sender: SenderContents
  senderFrame: { url: string; origin: string; routingId: number; processId: number }
  processId: number
  frameId: number
  returnValue?: unknown
  reply(channel: string, ...args: unknown[]): void
}

function createEvent(sender: SenderContents, pageUrl: string): IpcMainEvent {
  const url = toMainUrl(pageUrl)
  const origin = url.startsWith('file:') ? 'file://' : new URL(url).origin
  return {
    sender,
    senderFrame: { url, origin, routingId: 1, processId: 1 },
    processId: 1,
    frameId: 1,
    reply: (channel, ...args) => sender.send(channel, ...args)
  }
}

export class StandInIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeHandler>()

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    this.handlers.set(channel, handler)
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel)
      return handler(event, ...args)
    })
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /** `ipcRenderer.invoke` from a page. */
  async _invoke(sender: SenderContents, pageUrl: string, channel: string, args: unknown[]) {
    const handler = this.handlers.get(channel)
    if (!handler) {
      return {
        ok: false,
        message: `Error: No handler registered for '${channel}'`
      } satisfies InvokeOutcome
    }
    try {
      const value = await handler(createEvent(sender, pageUrl), ...args)
      if (!isCloneable(value))
        return { ok: false, message: 'Error: An object could not be cloned.' }
      return { ok: true, value } satisfies InvokeOutcome
    } catch (error) {
      return { ok: false, message: String(error) } satisfies InvokeOutcome
    }
  }

  /** `ipcRenderer.send` from a page. */
  _send(sender: SenderContents, pageUrl: string, channel: string, args: unknown[]): void {
    this.emit(channel, createEvent(sender, pageUrl), ...args)
  }
}

export const ipcMain = new StandInIpcMain()
