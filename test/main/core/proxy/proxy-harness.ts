/** Test harness: the simulator behind a real nginx, a recorded Session against nginx, and line counting. */
import { afterEach } from 'vitest'
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions
} from '../../../../src/simulator/index'
import type { ConnectionSettings } from '../../../../src/shared/profiles'
import { startNginx, type NginxProxy, type ProxyConfig } from '../../../support/nginx-proxy'
import {
  profileFor,
  startRecordedSession,
  tempCacheStore,
  type RecordedSession,
  type TempCacheStore
} from '../session/session-harness'

export interface ProxiedWorld {
  sim: Simulator
  nginx: NginxProxy
  recorded: RecordedSession
  /** Console lines shown for `marker`, counted per line (a doubled line counts twice). */
  linesWith(marker: string): string[]
  /** Every `kind[:reason]` the topic stream went through, in order. */
  topicStates(): string[]
}

/** Registers teardown (session, nginx, simulator, cache) and returns the starter. */
export function proxiedWorlds() {
  const open: Array<{ stop(): Promise<void> }> = []
  afterEach(async () => {
    for (const item of open.splice(0).reverse()) await item.stop()
  })
  return async function start(options: {
    proxy: Omit<ProxyConfig, 'upstreamPort'>
    sim?: SimulatorOptions
    processes?: string[]
    connection?: Partial<ConnectionSettings>
  }): Promise<ProxiedWorld> {
    const sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 1_000, ...options.sim })
    open.push({ stop: () => sim.close() })
    const nginx = await startNginx({ ...options.proxy, upstreamPort: sim.port })
    open.push(nginx)
    const cache: TempCacheStore = await tempCacheStore()
    open.push({ stop: () => cache.dispose() })
    const recorded = startRecordedSession({
      profile: profileFor(nginx.url, options.processes ?? []),
      store: cache.store,
      connection: options.connection
    })
    open.push({ stop: () => recorded.session.stop() })
    return {
      sim,
      nginx,
      recorded,
      linesWith: (marker) =>
        recorded
          .updates('log')
          .filter((update) => !update.chunk.stale)
          .flatMap((update) => update.chunk.lines)
          .filter((line) => line.includes(marker)),
      topicStates: () =>
        recorded
          .updates('state')
          .filter((update) => update.stream === 'topics')
          .map(({ state }) => ('reason' in state ? `${state.kind}:${state.reason}` : state.kind))
    }
  }
}
