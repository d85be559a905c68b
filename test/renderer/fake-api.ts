/**
 * A fake `window.api` for renderer tests: request handlers per channel (unhandled channels fail like main would
 * for an unknown request), a record of every call, and `push()` to play main's numbered push batches.
 */
import type {
  PushChannel,
  PushChannels,
  PushMessage,
  RequestChannel,
  RequestChannels
} from '../../src/shared/ipc/contract'
import { fail, ok, type IpcError, type Result } from '../../src/shared/ipc/result'
import type { ConsoleApi } from '../../src/renderer/src/ipc/console-api'

export type FakeHandlers = {
  [C in RequestChannel]?: (
    req: RequestChannels[C]['req']
  ) => RequestChannels[C]['res'] | Promise<RequestChannels[C]['res']>
}

/** Thrown by a fake handler to fail as main does, with a code of its own (and evidence). */
export class FakeFailure extends Error {
  constructor(readonly error: IpcError) {
    super(error.message)
  }
}

export interface FakeApi {
  api: ConsoleApi
  calls: Array<{ channel: RequestChannel; req: unknown }>
  callsTo: (channel: RequestChannel) => unknown[]
  /** Sends one batch; `seq` defaults to the channel's next number. */
  push: <C extends PushChannel>(channel: C, items: PushChannels[C], seq?: number) => void
  listenerCount: () => number
}

export function createFakeApi(handlers: FakeHandlers = {}): FakeApi {
  const calls: FakeApi['calls'] = []
  const listeners = new Map<PushChannel, Set<(message: PushMessage<PushChannel>) => void>>()
  const nextSeq = new Map<PushChannel, number>()

  const api: ConsoleApi = {
    async invoke(channel, ...req) {
      calls.push({ channel, req: req[0] })
      const handler = handlers[channel] as ((req: unknown) => unknown) | undefined
      if (!handler) return fail('not-implemented', `no fake for ${channel}`) as Result<never>
      try {
        return ok(await handler(req[0])) as Result<never>
      } catch (error) {
        if (error instanceof FakeFailure) return { ok: false, error: error.error }
        return fail('dinky-error', error instanceof Error ? error.message : String(error))
      }
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener as (message: PushMessage<PushChannel>) => void)
      listeners.set(channel, set)
      return () => set.delete(listener as (message: PushMessage<PushChannel>) => void)
    }
  }

  return {
    api,
    calls,
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.req),
    push: (channel, items, seq) => {
      const number = seq ?? nextSeq.get(channel) ?? 1
      nextSeq.set(channel, number + 1)
      for (const listener of listeners.get(channel) ?? []) listener({ seq: number, items })
    },
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0)
  }
}
