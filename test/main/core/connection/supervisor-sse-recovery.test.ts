import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import {
  createSseJvmTransport,
  createSseTopicTransport
} from '../../../../src/main/core/stream/sse-transports'
import type { DinkyClient } from '../../../../src/main/core/dinky/types'
import { startHarness, type Harness } from './sim-harness'

const topicTransport = (client: DinkyClient) => {
  const transport = createSseTopicTransport({
    client,
    logger: silentLogger,
    heartbeatIntervalMs: 100
  })
  transport.setTopics({ processes: ['FlinkSubmit/1'], metrics: [], printTables: [] })
  return transport
}

let harness: Harness | null = null
afterEach(async () => {
  await harness?.close()
  harness = null
})

const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length

describe('SSE stream recovery against the simulator', () => {
  it('recovers when the server comes back after refusing connections', async () => {
    const h = (harness = await startHarness(topicTransport))
    h.supervisor.start()
    await h.waitForState('live')
    await h.sim.control.refuseConnections(700)
    await h.waitFor(() => h.kinds().at(-1) === 'live' && h.opens() === 2, 5_000)
    expect(h.kinds()).toContain('reconnecting:connection-refused')
    expect(h.kinds()[0]).toBe('connecting:started')
  })

  it('recovers from a server restart that lost every token, logging in once more', async () => {
    const h = (harness = await startHarness(topicTransport))
    h.supervisor.start()
    await h.waitForState('live')
    await h.sim.control.restart({ downMs: 300 })
    await h.waitFor(() => h.kinds().at(-1) === 'live' && h.opens() === 2, 5_000)
    expect(h.kinds()).toContain('reconnecting:token-expired')
    expect(h.sim.control.stats().logins).toBe(2)
  })

  it('reconnects invisibly when the server ends the stream at its emitter timeout', async () => {
    const h = (harness = await startHarness(
      topicTransport,
      { emitterTimeoutMs: 400 },
      { backoff: { resetAfterMs: 300 } }
    ))
    h.supervisor.start()
    await h.waitFor(() => h.opens() >= 4, 5_000)
    expect(h.kinds()).toEqual(['connecting:started', 'live'])
  })

  it('honours the server retry: as the floor of the reconnect delay', async () => {
    const h = (harness = await startHarness(topicTransport, {}, { honourServerRetry: true }))
    h.supervisor.start()
    await h.waitForState('live')
    await h.waitFor(
      () => (h.sim.control.stats().requestsByPath['/api/sse/subscribeTopic'] ?? 0) === 1
    )
    h.sim.control.failNextRequests(2, 'bad-gateway')
    h.sim.control.dropStreams()
    await h.waitForState('reconnecting')
    const state = h.supervisor.state()
    expect(state.kind === 'reconnecting' && state.retryAt - state.since).toBeGreaterThanOrEqual(
      1_000
    )
  })

  it('delivers the JVM stream as JVM_INFO messages', async () => {
    const jvm = (client: DinkyClient) =>
      createSseJvmTransport({ client, logger: silentLogger, heartbeatIntervalMs: 100 })
    const h = (harness = await startHarness(jvm))
    h.supervisor.start()
    await h.waitFor(() => h.messages.some((m) => m.topic === 'JVM_INFO'))
    const sample = h.messages.find((m) => m.topic === 'JVM_INFO')
    expect(sample?.topic === 'JVM_INFO' && sample.data.heapMax).toBeGreaterThan(0)
  })

  it('leaves no socket, stream or timer behind after 100 drops in a row', async () => {
    const h = (harness = await startHarness(topicTransport, {}, { backoff: { resetAfterMs: 0 } }))
    const timersBefore = timeouts()
    h.supervisor.start()
    await h.waitForState('live')
    const socketsLive = h.sim.control.stats().sockets
    for (let drop = 1; drop <= 100; drop++) {
      await h.waitFor(() => h.sim.control.stats().openStreams === 1)
      h.sim.control.dropStreams()
      await h.waitFor(() => h.opens() === drop + 1)
    }
    await h.waitFor(() => h.sim.control.stats().openStreams === 1)
    const stats = h.sim.control.stats()
    expect(stats.sockets).toBeLessThanOrEqual(socketsLive + 1)
    expect(h.clock.active()).toBe(1) // the watchdog of the live stream
    await h.supervisor.stop()
    await h.waitFor(() => h.sim.control.stats().openStreams === 0)
    expect(h.clock.active()).toBe(0)
    await h.waitFor(() => timeouts() <= timersBefore, 3_000)
    expect(h.kinds().filter((k) => k !== 'live')).toEqual([
      'connecting:started',
      'stopped:stopped-by-user'
    ])
  })
})
