/**
 * The shape of `window.api` as the renderer uses it, written from the IPC contract alone so the renderer never
 * depends on the preload's code; the preload's `RendererApi` satisfies it, and so do the test and preview fakes.
 */
import type {
  PushChannel,
  PushMessage,
  RequestChannel,
  RequestChannels
} from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/ipc/result'

export type RequestArgs<C extends RequestChannel> = RequestChannels[C]['req'] extends void
  ? []
  : [RequestChannels[C]['req']]

export interface ConsoleApi {
  invoke<C extends RequestChannel>(
    channel: C,
    ...req: RequestArgs<C>
  ): Promise<Result<RequestChannels[C]['res']>>
  on<C extends PushChannel>(channel: C, listener: (message: PushMessage<C>) => void): () => void
}
