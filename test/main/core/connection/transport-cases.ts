/**
 * The two push transports as cases of one fault suite: SSE against a Dinky 1.1 simulator and the global WebSocket
 * against a 1.2 simulator, each following one console process and counting the subscriptions the server accepted.
 */
import type { SimulatorOptions } from '../../../../src/simulator/index'
import { silentLogger } from '../../../../src/main/core/logger'
import type { DinkyClient } from '../../../../src/main/core/dinky/types'
import type { StreamSupervisorOptions } from '../../../../src/main/core/connection/supervisor-api'
import { createSseTopicTransport } from '../../../../src/main/core/stream/sse-transports'
import { createWsTransport } from '../../../../src/main/core/stream/ws-transport'
import type { StreamTransport } from '../../../../src/main/core/stream/transport'
import { startHarness, type Harness } from './sim-harness'

export const PROCESS = 'FlinkSubmit/1'
/** The idle push period of both simulators in these tests (SSE `HEART_BEAT`, WS `JVM_INFO`). */
export const PUSH_MS = 100

export interface TransportCase {
  name: string
  kind: 'sse' | 'ws'
  simOptions: SimulatorOptions
  /** The transport following `PROCESS`; `accepted` is called for every subscription the server took. */
  makeTransport(client: DinkyClient, accepted: () => void): StreamTransport
}

export interface CaseHarness extends Harness {
  /** Subscriptions the server has accepted so far (SSE: answered subscribeTopic; WS: first frame after open). */
  subscriptions(): number
}

const follow = (transport: StreamTransport) => {
  transport.setTopics({ processes: [PROCESS], metrics: [], printTables: [] })
  return transport
}

export const SSE_CASE: TransportCase = {
  name: 'SSE on a Dinky 1.1 simulator',
  kind: 'sse',
  simOptions: { version: '1.1.0' },
  makeTransport(client, accepted) {
    // Counts answers, not requests: a request counted on arrival may not have been applied yet.
    const counting: DinkyClient = {
      ...client,
      async subscribeTopic(sessionKey, topics) {
        const held = await client.subscribeTopic(sessionKey, topics)
        if (held[0] !== 'SESSION_INVALID') accepted()
        return held
      }
    }
    const options = { client: counting, logger: silentLogger, heartbeatIntervalMs: PUSH_MS }
    return follow(createSseTopicTransport(options))
  }
}

export const WS_CASE: TransportCase = {
  name: 'WebSocket on a Dinky 1.2 simulator',
  kind: 'ws',
  simOptions: { version: '1.2.0' },
  // The WS stream opens at the first frame after subscribing: Dinky's firstSend answers an accepted subscription.
  makeTransport: (client) =>
    follow(createWsTransport({ client, logger: silentLogger, heartbeatIntervalMs: PUSH_MS }))
}

export const TRANSPORT_CASES: readonly TransportCase[] = [SSE_CASE, WS_CASE]

/** Starts the supervisor and waits until it is live and the server took its subscription: where fault tests begin. */
export async function startLive(h: CaseHarness): Promise<void> {
  h.supervisor.start()
  await h.waitForState('live')
  await h.waitFor(() => h.subscriptions() === 1)
}

/** A harness for one case; the simulator pushes every `PUSH_MS` whichever protocol it speaks. */
export async function startCase(
  c: TransportCase,
  simOptions: SimulatorOptions = {},
  supervisorOptions: Partial<StreamSupervisorOptions> = {}
): Promise<CaseHarness> {
  let accepted = 0
  const h = await startHarness(
    (client) => c.makeTransport(client, () => accepted++),
    { wsJvmIntervalMs: PUSH_MS, ...c.simOptions, ...simOptions },
    supervisorOptions
  )
  return Object.assign(h, {
    subscriptions: () => (c.kind === 'ws' ? h.opens() : accepted)
  })
}
