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
  /** The transport following `PROCESS`. */
  makeTransport(client: DinkyClient): StreamTransport
}

export interface CaseHarness extends Harness {
  /**
   * Subscriptions the transport reported taken (SSE: each subscribeTopic answered with the set; WS: the first frame
   * after the subscribe message), through the supervisor's `onSubscribed`.
   */
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
  makeTransport: (client) =>
    follow(createSseTopicTransport({ client, logger: silentLogger, heartbeatIntervalMs: PUSH_MS }))
}

export const WS_CASE: TransportCase = {
  name: 'WebSocket on a Dinky 1.2 simulator',
  kind: 'ws',
  simOptions: { version: '1.2.0' },
  makeTransport: (client) =>
    follow(createWsTransport({ client, logger: silentLogger, heartbeatIntervalMs: PUSH_MS }))
}

/** Dinky 1.2.2+ (`e3517ffd`): the token in the socket's path, PING/PONG, a server idle timeout. */
export const WS_PATH_TOKEN_CASE: TransportCase = {
  name: 'WebSocket on a Dinky 1.2.4 simulator (token in the path)',
  kind: 'ws',
  simOptions: { version: '1.2.4' },
  makeTransport: (client) =>
    follow(
      createWsTransport({
        client,
        logger: silentLogger,
        heartbeatIntervalMs: PUSH_MS,
        serverVersion: () => '1.2.4'
      })
    )
}

export const TRANSPORT_CASES: readonly TransportCase[] = [SSE_CASE, WS_CASE, WS_PATH_TOKEN_CASE]

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
  const h = await startHarness(
    (client) => c.makeTransport(client),
    { wsJvmIntervalMs: PUSH_MS, ...c.simOptions, ...simOptions },
    supervisorOptions
  )
  return Object.assign(h, { subscriptions: () => h.subscribed.length })
}
