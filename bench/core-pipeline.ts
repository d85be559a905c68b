/**
 * Our whole main-side pipeline as the app assembles it, minus Electron: a real Session (REST client, SSE transport
 * under its supervisor, JSON parse, schema check, log deltas, session model, conf cache in a temp dir) feeding the
 * IPC push batcher, whose sender is a sink that counts what would cross to the renderer.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createConfCacheStore } from '../src/main/core/cache/conf-cache-store'
import { silentLogger } from '../src/main/core/logger'
import { systemClock } from '../src/main/core/ports'
import { Session } from '../src/main/core/session/session'
import { createPushBatcher } from '../src/main/ipc/push-batcher'
import type { PushChannel, PushMessage } from '../src/shared/ipc/contract'
import {
  createServerProfile,
  DEFAULT_APP_SETTINGS,
  type ServerProfile
} from '../src/shared/profiles'
import { EventCounter } from './sse-baselines'

export interface CorePipeline {
  session: Session
  /** One hit per console line handed to the sink. */
  lines: EventCounter
  /** Messages the batcher sent, on any channel. */
  messages: number
  /** Resolves once the topic stream is live. */
  live: Promise<void>
  stop(): Promise<void>
}

export function benchProfile(url: string, processes: string[]): ServerProfile {
  return createServerProfile({ id: 'bench', name: 'bench', url, transport: 'sse', processes })
}

/** Starts the pipeline following `processName`; why the real Session: that is what the app runs per server. */
export async function startCorePipeline(url: string, processName: string): Promise<CorePipeline> {
  const dir = await mkdtemp(join(tmpdir(), 'dinky-bench-cache-'))
  const store = createConfCacheStore({ dir, logger: silentLogger })
  const lines = new EventCounter()
  const pipeline = { lines, messages: 0 }
  const sink = <C extends PushChannel>(channel: C, message: PushMessage<C>) => {
    pipeline.messages++
    if (channel !== 'logs:append') return
    for (const item of message.items as PushMessage<'logs:append'>['items']) {
      for (let i = 0; i < item.lines.length; i++) lines.hit()
    }
  }
  const batcher = createPushBatcher(sink, systemClock)
  const session = new Session({
    profile: benchProfile(url, [processName]),
    settings: DEFAULT_APP_SETTINGS,
    cache: store.profile('bench'),
    secrets: { password: () => 'dinky123!@#' },
    logger: silentLogger
  })
  let markLive: () => void = () => undefined
  const live = new Promise<void>((resolve) => (markLive = resolve))
  session.subscribe((envelope) => {
    const { update } = envelope
    if (update.type === 'state' && update.stream === 'topics' && update.state.kind === 'live')
      markLive()
    batcher.pushEnvelope(envelope)
  })
  session.start()
  return Object.assign(pipeline, {
    session,
    live,
    stop: async () => {
      await session.stop()
      batcher.flush()
      batcher.dispose()
      await store.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
}
