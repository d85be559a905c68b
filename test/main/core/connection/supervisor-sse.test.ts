import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import { createSseTopicTransport } from '../../../../src/main/core/stream/sse-transports'
import type { DinkyClient } from '../../../../src/main/core/dinky/types'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import { startHarness, type Harness } from './sim-harness'

const PROCESS = 'FlinkSubmit/1'
const topicTransport = (client: DinkyClient) => {
  const transport = createSseTopicTransport({
    client,
    logger: silentLogger,
    heartbeatIntervalMs: 100
  })
  transport.setTopics({ processes: [PROCESS], metrics: [], printTables: [] })
  return transport
}

let harness: Harness | null = null
afterEach(async () => {
  await harness?.close()
  harness = null
})

const subscribeCalls = (h: Harness) =>
  h.sim.control.stats().requestsByPath['/api/sse/subscribeTopic'] ?? 0
const consoleMessages = (h: Harness) =>
  h.messages.filter((m) => m.topic === 'PROCESS_CONSOLE').length

describe('SSE topic stream under the supervisor, against the simulator', () => {
  it('goes live, receives heartbeats and console logs, and resubscribes after every reconnect', async () => {
    const h = (harness = await startHarness(topicTransport))
    h.supervisor.start()
    await h.waitForState('live')
    await h.waitFor(() => subscribeCalls(h) === 1)
    for (let drop = 1; drop <= 3; drop++) {
      h.sim.control.dropStreams()
      await h.waitFor(() => h.opens() === drop + 1 && subscribeCalls(h) === drop + 1)
      const before = consoleMessages(h)
      h.sim.control.appendLog(PROCESS, [`after drop ${drop}`])
      await h.waitFor(() => consoleMessages(h) > before)
    }
    const last = h.messages.filter((m) => m.topic === 'PROCESS_CONSOLE').at(-1)
    expect(last).toMatchObject({ param: PROCESS })
    expect(last?.topic === 'PROCESS_CONSOLE' && last.data.log).toContain('after drop 3')
    expect(h.supervisor.state().kind).toBe('live')
  })

  it('tears down a stalled stream within the watchdog timeout + 1 s and reconnects', async () => {
    const h = (harness = await startHarness(topicTransport))
    h.supervisor.start()
    await h.waitForState('live')
    await h.waitFor(() => subscribeCalls(h) === 1)
    const stalledAt = Date.now()
    h.sim.control.stallStreams()
    await h.waitFor(() => h.kinds().includes('reconnecting:heartbeat-lost'), 3_000)
    expect(Date.now() - stalledAt).toBeLessThan(600 + 1_000)
    await h.waitFor(() => h.kinds().at(-1) === 'live')
    expect(h.kinds()).toEqual(['connecting:started', 'live', 'reconnecting:heartbeat-lost', 'live'])
  })

  it('catches missing heartbeats the same way', async () => {
    const h = (harness = await startHarness(topicTransport))
    h.supervisor.start()
    await h.waitForState('live')
    await h.waitFor(() => subscribeCalls(h) === 1)
    h.sim.control.pauseHeartbeats()
    await h.waitFor(() => h.kinds().includes('reconnecting:heartbeat-lost'), 1_600)
    h.sim.control.resumeHeartbeats()
    await h.waitFor(() => h.kinds().at(-1) === 'live')
  })

  it('logs in again once after the token expired and goes back live (2 logins in all)', async () => {
    const h = (harness = await startHarness(topicTransport))
    h.supervisor.start()
    await h.waitForState('live')
    await h.waitFor(() => subscribeCalls(h) === 1)
    h.sim.control.expireTokens()
    h.sim.control.dropStreams()
    await h.waitFor(() => h.opens() === 2)
    expect(h.kinds()).toEqual(['connecting:started', 'live', 'reconnecting:token-expired', 'live'])
    expect(h.sim.control.stats().logins).toBe(2)
  })

  it('ends in auth-expired, after at most 2 login attempts, when the re-login is refused', async () => {
    let client: DinkyClient | null = null
    const h = (harness = await startHarness(
      (c) => ((client = c), topicTransport(c)),
      {},
      {
        relogin: () => {
          // The password was changed on the server since the first login.
          const other = createDinkyClient({ baseUrl: client!.baseUrl, logger: silentLogger })
          return other.login('admin', 'an old password').then(() => undefined)
        }
      }
    ))
    h.supervisor.start()
    await h.waitForState('live')
    await h.waitFor(() => subscribeCalls(h) === 1)
    h.sim.control.expireTokens()
    h.sim.control.dropStreams()
    await h.waitForState('auth-expired')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(h.kinds()).toEqual([
      'connecting:started',
      'live',
      'reconnecting:token-expired',
      'auth-expired:login-failed'
    ])
    expect(h.sim.control.stats().requestsByPath['/api/login']).toBe(2)
    expect(h.clock.active()).toBe(0)
  })

  it('classifies a 502 HTML proxy page and a 200 text/html page, then recovers', async () => {
    const h = (harness = await startHarness(topicTransport))
    h.supervisor.start()
    await h.waitForState('live')
    await h.waitFor(() => subscribeCalls(h) === 1)
    h.sim.control.failNextRequests(1, 'bad-gateway')
    h.sim.control.failNextRequests(1, 'html')
    h.sim.control.dropStreams()
    await h.waitFor(() => h.opens() === 2)
    expect(h.kinds()).toEqual([
      'connecting:started',
      'live',
      'reconnecting:proxy-html',
      'reconnecting:wrong-content-type',
      'live'
    ])
  })

  it('reconnects with a new session key when the server answers SESSION_INVALID', async () => {
    const h = (harness = await startHarness(topicTransport, {}, { backoff: { resetAfterMs: 0 } }))
    h.supervisor.start()
    await h.waitForState('live')
    await h.waitFor(() => subscribeCalls(h) === 1)
    h.sim.control.forgetSessions()
    // A topic change makes the transport subscribe; the forgotten session answers SESSION_INVALID.
    h.transport.setTopics({ processes: [PROCESS, 'FlinkSubmit/2'], metrics: [], printTables: [] })
    // Subscribes: the first, the one answered SESSION_INVALID, and the new session's.
    await h.waitFor(() => h.opens() === 2 && subscribeCalls(h) === 3)
    const before = consoleMessages(h)
    h.sim.control.appendLog('FlinkSubmit/2', ['heard after the new session'])
    await h.waitFor(() => consoleMessages(h) > before)
    // A stable stream that comes straight back never shows reconnecting.
    expect(h.kinds()).toEqual(['connecting:started', 'live'])
  })
})
