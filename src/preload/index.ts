/**
 * The narrow bridge the renderer gets as `window.api`: typed invoke and subscribe over the contract's channels only.
 * `ipcRenderer` itself never reaches the page, and neither does any `IpcRendererEvent`.
 */
import { contextBridge, ipcRenderer } from 'electron'
import {
  PUSH_CHANNELS,
  REQUEST_CHANNELS,
  type PushChannel,
  type PushMessage,
  type RequestChannel,
  type RequestChannels
} from '../shared/ipc/contract'
import type { Result } from '../shared/ipc/result'

const requestChannels: ReadonlySet<string> = new Set(REQUEST_CHANNELS)
const pushChannels: ReadonlySet<string> = new Set(PUSH_CHANNELS)

const api = {
  invoke<C extends RequestChannel>(
    channel: C,
    ...req: RequestChannels[C]['req'] extends void ? [] : [RequestChannels[C]['req']]
  ): Promise<Result<RequestChannels[C]['res']>> {
    if (!requestChannels.has(channel))
      return Promise.reject(new Error(`Unknown channel ${channel}`))
    return ipcRenderer.invoke(channel, ...req)
  },
  on<C extends PushChannel>(channel: C, listener: (message: PushMessage<C>) => void): () => void {
    if (!pushChannels.has(channel)) throw new Error(`Unknown channel ${channel}`)
    const wrapped = (_event: unknown, message: PushMessage<C>) => listener(message)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  }
}

contextBridge.exposeInMainWorld('api', api)

export type RendererApi = typeof api
