/**
 * The connection core's fault suite, run once per transport: SSE against a Dinky 1.1 simulator and WebSocket
 * against a 1.2 simulator, with the same faults and the same expectations of the supervisor's states.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import type { DinkyClient } from '../../../../src/main/core/dinky/types'
import { PROCESS, startCase, startLive, TRANSPORT_CASES, type CaseHarness } from './transport-cases'

const WATCHDOG_MS = 600

let harness: CaseHarness | null = null
afterEach(async () => {
  await harness?.close()
  harness = null
})

const consoleMessages = (h: CaseHarness) => h.messages.filter((m) => m.topic === 'PROCESS_CONSOLE')
const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length

describe.each(TRANSPORT_CASES)('supervised stream faults: $name', (c) => {
  it('resubscribes after every reconnect, so console lines keep arriving', async () => {
    const h = (harness = await startCase(c))
    await startLive(h)
    for (let drop = 1; drop <= 3; drop++) {
      h.sim.control.dropStreams()
      await h.waitFor(() => h.opens() === drop + 1 && h.subscriptions() === drop + 1)
      const before = consoleMessages(h).length
      h.sim.control.appendLog(PROCESS, [`after drop ${drop}`])
      await h.waitFor(() => consoleMessages(h).length > before)
    }
    const last = consoleMessages(h).at(-1)
    expect(last).toMatchObject({ param: PROCESS })
    expect(last?.topic === 'PROCESS_CONSOLE' && last.data.log).toContain('after drop 3')
    expect(h.supervisor.state().kind).toBe('live')
  })

  it('tears down a stalled stream within the watchdog timeout + 1 s and reconnects', async () => {
    const h = (harness = await startCase(c))
    await startLive(h)
    const stalledAt = Date.now()
    h.sim.control.stallStreams()
    await h.waitFor(() => h.kinds().includes('reconnecting:heartbeat-lost'))
    // Timed by the supervisor's own record of the teardown, not by when this test got round to looking.
    const lost = h.states.find((s) => s.kind === 'reconnecting' && s.reason === 'heartbeat-lost')
    expect(lost!.since - stalledAt).toBeLessThan(WATCHDOG_MS + 1_000)
    await h.waitFor(() => h.kinds().at(-1) === 'live')
    expect(h.kinds()).toEqual(['connecting:started', 'live', 'reconnecting:heartbeat-lost', 'live'])
  })

  it('logs in again once after the token expired and goes back live (2 logins in all)', async () => {
    const h = (harness = await startCase(c))
    await startLive(h)
    h.sim.control.expireTokens()
    // SSE: the reconnect is answered 401. WS: the new socket's subscription is dropped without a word, the
    // watchdog catches the silence and tokenInfo says why.
    h.sim.control.dropStreams()
    await h.waitFor(() => h.opens() === 2)
    expect(h.kinds()).toEqual(['connecting:started', 'live', 'reconnecting:token-expired', 'live'])
    expect(h.sim.control.stats().logins).toBe(2)
    await h.waitFor(() => h.subscriptions() === 2)
  })

  it('ends in auth-expired, after at most 2 login attempts, when the re-login is refused', async () => {
    let client: DinkyClient | null = null
    // The password was changed on the server since the first login.
    const relogin = () =>
      createDinkyClient({ baseUrl: client!.baseUrl, logger: silentLogger })
        .login('admin', 'an old password')
        .then(() => undefined)
    const h = (harness = await startCase(c, {}, { relogin }))
    client = h.client
    await startLive(h)
    h.sim.control.expireTokens()
    h.sim.control.dropStreams()
    await h.waitForState('auth-expired')
    // Nothing further can happen once the supervisor holds no timer and no stream: that, not a pause, is "settled".
    await h.waitFor(() => h.clock.active() === 0 && h.sim.control.stats().openStreams === 0)
    expect(h.kinds()).toEqual([
      'connecting:started',
      'live',
      'reconnecting:token-expired',
      'auth-expired:login-failed'
    ])
    expect(h.sim.control.stats().requestsByPath['/api/login']).toBe(2)
    expect(h.clock.active()).toBe(0)
    await h.waitFor(() => h.sim.control.stats().openStreams === 0)
  })

  it('classifies a 502 HTML proxy page and a 200 text/html page, then recovers', async () => {
    const h = (harness = await startCase(c))
    await startLive(h)
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

  it('recovers when the server comes back after refusing connections', async () => {
    const h = (harness = await startCase(c))
    await startLive(h)
    await h.sim.control.refuseConnections(700)
    await h.waitFor(() => h.kinds().at(-1) === 'live' && h.opens() === 2)
    expect(h.kinds()).toContain('reconnecting:connection-refused')
    expect(h.kinds()[0]).toBe('connecting:started')
    await h.waitFor(() => h.subscriptions() === 2)
  })

  it('recovers from a server restart that lost every token, logging in once more', async () => {
    const h = (harness = await startCase(c))
    await startLive(h)
    await h.sim.control.restart({ downMs: 300 })
    await h.waitFor(() => h.kinds().at(-1) === 'live' && h.opens() === 2)
    expect(h.kinds()).toContain('reconnecting:token-expired')
    expect(h.sim.control.stats().logins).toBe(2)
  })

  it('leaves no socket, stream or timer behind after 100 drops in a row', async () => {
    const h = (harness = await startCase(c, {}, { backoff: { resetAfterMs: 0 } }))
    const timersBefore = timeouts()
    await startLive(h)
    const socketsLive = h.sim.control.stats().sockets
    for (let drop = 1; drop <= 100; drop++) {
      await h.waitFor(() => h.sim.control.stats().openStreams === 1)
      h.sim.control.dropStreams()
      await h.waitFor(() => h.opens() === drop + 1)
    }
    await h.waitFor(() => h.sim.control.stats().openStreams === 1)
    expect(h.sim.control.stats().sockets).toBeLessThanOrEqual(socketsLive + 1)
    expect(h.clock.active()).toBe(1) // the watchdog of the live stream
    await h.supervisor.stop()
    await h.waitFor(() => h.sim.control.stats().openStreams === 0)
    expect(h.clock.active()).toBe(0)
    await h.waitFor(() => timeouts() <= timersBefore)
    expect(h.kinds().filter((k) => k !== 'live')).toEqual([
      'connecting:started',
      'stopped:stopped-by-user'
    ])
  })
})
