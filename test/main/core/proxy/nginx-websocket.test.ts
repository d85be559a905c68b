import { describe, expect, it } from 'vitest'
import { waitFor } from '../session/session-harness'
import { proxiedWorlds } from './proxy-harness'

const PROCESS = 'FlinkSubmit/3'

describe('Dinky 1.2 (WebSocket) behind nginx', () => {
  const start = proxiedWorlds()

  it('without the upgrade headers: proxy-no-websocket, lines by polling; with them: live over the WebSocket', async () => {
    const world = await start({
      proxy: { profile: 'no-upgrade' },
      sim: { version: '1.2.0', logRate: 1, submissionLines: 10_000, wsJvmIntervalMs: 500 },
      processes: [PROCESS]
    })
    const { sim, recorded } = world
    const session = recorded.session
    sim.control.submit(3)
    await waitFor('degraded', () => session.snapshot().streams.topics.kind === 'degraded')
    expect(session.snapshot().streams.topics).toMatchObject({ reason: 'proxy-no-websocket' })
    expect(session.snapshot().streams.jvm.kind).toBe('degraded')
    const finding = recorded.updates('diagnosis')[0]?.diagnosis
    expect(finding).toMatchObject({ code: 'proxy-no-websocket', evidence: { status: 404 } })
    expect(finding.advice).toContain('proxy_set_header Upgrade $http_upgrade;')
    sim.control.appendLog(PROCESS, ['ws-polled-a', 'ws-polled-b'])
    await waitFor('lines by polling', () => world.linesWith('ws-polled-b').length)
    expect(sim.control.stats().wsSessions).toBe(0)

    await world.nginx.reload({ profile: 'good', upstreamPort: sim.port })
    await waitFor('live', () => session.snapshot().streams.topics.kind === 'live')
    expect(sim.control.stats().wsSessions).toBeGreaterThanOrEqual(1)
    sim.control.appendLog(PROCESS, ['ws-streamed'])
    await waitFor('lines by the socket', () => world.linesWith('ws-streamed').length)
    // A later line by the socket and a JVM sample after it: the reads around going live have all landed by then.
    sim.control.appendLog(PROCESS, ['ws-later'])
    await waitFor('a later line by the socket', () => world.linesWith('ws-later').length)
    const jvm = recorded.updates('jvm').length
    await waitFor('a JVM sample after it', () => recorded.updates('jvm').length > jvm)
    for (const marker of ['ws-polled-a', 'ws-polled-b', 'ws-streamed'])
      expect(world.linesWith(marker), marker).toHaveLength(1)
  })
})
