/**
 * Test harness: a simulated Dinky on loopback, a logged-in client and one supervised stream, with every state,
 * message and open recorded, and timers counted through the injected clock.
 */
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions
} from '../../../../src/simulator/index'
import type { ConnectionState } from '../../../../src/shared/connection'
import { systemClock, type Clock, type TimerHandle } from '../../../../src/main/core/ports'
import { silentLogger } from '../../../../src/main/core/logger'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import type { DinkyClient } from '../../../../src/main/core/dinky/types'
import { createStreamSupervisor } from '../../../../src/main/core/connection/supervisor'
import type {
  StreamSupervisor,
  StreamSupervisorOptions
} from '../../../../src/main/core/connection/supervisor-api'
import { createReloginGate } from '../../../../src/main/core/connection/relogin-gate'
import type {
  StreamMessage,
  StreamTransport,
  TopicSet
} from '../../../../src/main/core/stream/transport'
import { STUCK_MS, waitUntil } from '../../../support/wait-until'

export const PASSWORD = 'dinky123!@#'

/** The system clock, counting the timers it holds. */
export function createCountingClock(): Clock & { active(): number } {
  const live = new Set<TimerHandle>()
  return {
    now: systemClock.now,
    setTimeout(callback, ms) {
      const handle: TimerHandle = systemClock.setTimeout(() => {
        live.delete(handle)
        callback()
      }, ms)
      live.add(handle)
      return handle
    },
    clearTimeout(handle) {
      live.delete(handle)
      systemClock.clearTimeout(handle)
    },
    active: () => live.size
  }
}

export interface Harness {
  sim: Simulator
  client: DinkyClient
  clock: ReturnType<typeof createCountingClock>
  supervisor: StreamSupervisor
  transport: StreamTransport
  states: ConnectionState[]
  messages: StreamMessage[]
  opens: () => number
  /** Subscriptions the supervisor reported taken (`onSubscribed`), with the topics of each. */
  subscribed: TopicSet[]
  kinds(): string[]
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>
  waitForState(kind: string, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

export async function startHarness(
  makeTransport: (client: DinkyClient) => StreamTransport,
  simOptions: SimulatorOptions = {},
  supervisorOptions: Partial<StreamSupervisorOptions> = {}
): Promise<Harness> {
  const sim = await startSimulator({
    port: 0,
    heartbeatMs: 100,
    jvmIntervalMs: 100,
    tickMs: 0,
    ...simOptions
  })
  const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
  await client.login('admin', PASSWORD)
  const clock = createCountingClock()
  const states: ConnectionState[] = []
  const messages: StreamMessage[] = []
  let opens = 0
  const subscribed: TopicSet[] = []
  const transport = makeTransport(client)
  const supervisor = createStreamSupervisor({
    transport,
    clock,
    logger: silentLogger,
    backoff: { baseMs: 20, maxMs: 200 },
    heartbeatTimeoutMs: 600,
    honourServerRetry: false,
    relogin: createReloginGate({ clock, login: () => client.relogin(), windowMs: 200 }),
    onState: (state) => states.push(state),
    onMessage: (message) => messages.push(message),
    onOpen: () => opens++,
    onSubscribed: (topics) => subscribed.push(topics),
    ...supervisorOptions
  })
  const waitFor = async (predicate: () => boolean, timeoutMs = STUCK_MS) => {
    await waitUntil('the stream', predicate, { timeoutMs, state: () => kinds().join(' → ') })
  }
  const kinds = () => states.map((s) => ('reason' in s ? `${s.kind}:${s.reason}` : s.kind))
  return {
    sim,
    client,
    clock,
    supervisor,
    transport,
    states,
    messages,
    opens: () => opens,
    subscribed,
    kinds,
    waitFor,
    waitForState: (kind, timeoutMs) => waitFor(() => supervisor.state().kind === kind, timeoutMs),
    async close() {
      await supervisor.stop()
      await client.dispose()
      await sim.close()
    }
  }
}
