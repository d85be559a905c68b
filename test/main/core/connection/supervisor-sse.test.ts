/**
 * What only the SSE transport has, against a Dinky 1.1 simulator: `SESSION_INVALID`, the `HEART_BEAT` topic, the
 * server's `retry:` floor, the 30-minute emitter timeout and the separate JVM stream. Faults common to both
 * transports are in supervisor-faults.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import { createSseJvmTransport } from '../../../../src/main/core/stream/sse-transports'
import type { DinkyClient } from '../../../../src/main/core/dinky/types'
import { startHarness, type Harness } from './sim-harness'
import { PROCESS, PUSH_MS, SSE_CASE, startCase, startLive } from './transport-cases'

let harness: Harness | null = null
afterEach(async () => {
  await harness?.close()
  harness = null
})

const consoleMessages = (h: Harness) =>
  h.messages.filter((m) => m.topic === 'PROCESS_CONSOLE').length

describe('SSE-only behaviour under the supervisor, against a 1.1 simulator', () => {
  it('catches missing HEART_BEAT frames and reconnects', async () => {
    const h = (harness = await startCase(SSE_CASE))
    await startLive(h)
    const pausedAt = Date.now()
    h.sim.control.pauseHeartbeats()
    await h.waitFor(() => h.kinds().includes('reconnecting:heartbeat-lost'))
    // Within the watchdog (600 ms) + 1 s, by the supervisor's own record of the teardown.
    const lost = h.states.find((s) => s.kind === 'reconnecting' && s.reason === 'heartbeat-lost')
    expect(lost!.since - pausedAt).toBeLessThan(1_600)
    h.sim.control.resumeHeartbeats()
    await h.waitFor(() => h.kinds().at(-1) === 'live')
  })

  it('reconnects with a new session key when the server answers SESSION_INVALID', async () => {
    const h = (harness = await startCase(SSE_CASE, {}, { backoff: { resetAfterMs: 0 } }))
    await startLive(h)
    h.sim.control.forgetSessions()
    // A topic change makes the transport subscribe; the forgotten session answers SESSION_INVALID.
    h.transport.setTopics({ processes: [PROCESS, 'FlinkSubmit/2'], metrics: [], printTables: [] })
    await h.waitFor(() => h.opens() === 2 && h.subscriptions() === 2)
    const before = consoleMessages(h)
    h.sim.control.appendLog('FlinkSubmit/2', ['heard after the new session'])
    await h.waitFor(() => consoleMessages(h) > before)
    // A stable stream that comes straight back never shows reconnecting.
    expect(h.kinds()).toEqual(['connecting:started', 'live'])
  })

  it('reconnects invisibly when the server ends the stream at its emitter timeout', async () => {
    const h = (harness = await startCase(
      SSE_CASE,
      { emitterTimeoutMs: 400 },
      { backoff: { resetAfterMs: 300 } }
    ))
    h.supervisor.start()
    await h.waitFor(() => h.opens() >= 4)
    expect(h.kinds()).toEqual(['connecting:started', 'live'])
  })

  it('honours the server retry: as the floor of the reconnect delay', async () => {
    const backoff = { baseMs: 20, maxMs: 5_000 }
    const h = (harness = await startCase(SSE_CASE, {}, { honourServerRetry: true, backoff }))
    await startLive(h)
    h.sim.control.failNextRequests(2, 'bad-gateway')
    h.sim.control.dropStreams()
    await h.waitForState('reconnecting')
    const state = h.supervisor.state()
    expect(state.kind === 'reconnecting' && state.retryAt - state.since).toBeGreaterThanOrEqual(
      1_000
    )
  })

  it('takes the server retry: as a floor only up to the backoff cap', async () => {
    const h = (harness = await startCase(SSE_CASE, {}, { honourServerRetry: true }))
    await startLive(h)
    h.sim.control.failNextRequests(2, 'bad-gateway')
    h.sim.control.dropStreams()
    await h.waitForState('reconnecting')
    const state = h.supervisor.state()
    // Dinky's retry:1000 is above this harness's 200 ms cap: the cap wins, and the state says so.
    expect(state.kind === 'reconnecting' && state.retryAt - state.since).toBe(200)
  })

  it('reports each topic set the server answered with, after the open, and none the server refused', async () => {
    const h = (harness = await startCase(SSE_CASE, {}, { backoff: { resetAfterMs: 0 } }))
    await startLive(h)
    expect(h.subscribed.map((topics) => topics.processes)).toEqual([[PROCESS]])
    h.transport.setTopics({ processes: [PROCESS, 'FlinkSubmit/2'], metrics: [], printTables: [] })
    await h.waitFor(() => h.subscriptions() === 2)
    expect(h.subscribed[1].processes).toEqual([PROCESS, 'FlinkSubmit/2'])
    h.sim.control.forgetSessions()
    h.transport.setTopics({ processes: ['FlinkSubmit/3'], metrics: [], printTables: [] })
    // SESSION_INVALID: no report for it; the new session's subscription is the next one.
    await h.waitFor(() => h.opens() === 2 && h.subscriptions() === 3)
    expect(h.subscribed[2].processes).toEqual(['FlinkSubmit/3'])
  })

  it('delivers the JVM stream as JVM_INFO messages', async () => {
    const jvm = (client: DinkyClient) =>
      createSseJvmTransport({ client, logger: silentLogger, heartbeatIntervalMs: PUSH_MS })
    const h = (harness = await startHarness(jvm))
    h.supervisor.start()
    await h.waitFor(() => h.messages.some((m) => m.topic === 'JVM_INFO'))
    const sample = h.messages.find((m) => m.topic === 'JVM_INFO')
    expect(sample?.topic === 'JVM_INFO' && sample.data.heapMax).toBeGreaterThan(0)
  })
})
