import { describe, expect, it } from 'vitest'
import { waitFor } from '../session/session-harness'
import { proxiedWorlds } from './proxy-harness'

const WATCHDOG_MS = 2_000
const PROCESS = 'FlinkSubmit/3'

describe('behind a buffering nginx (proxy_pass only)', () => {
  const start = proxiedWorlds()

  it('goes degraded within two watchdog periods, shows new lines once by polling, and is live again after the proxy is fixed', async () => {
    const world = await start({
      proxy: { profile: 'default' },
      // A submission that runs for the whole test (a run that has ended writes no more lines).
      sim: { logRate: 1, submissionLines: 10_000 },
      processes: [PROCESS],
      connection: { heartbeatTimeoutMs: WATCHDOG_MS }
    })
    const { sim, recorded } = world
    sim.control.submit(3)
    sim.control.appendLog(PROCESS, ['before-0'])
    const session = recorded.session
    // The streams start once logged in.
    await waitFor('login', () => recorded.updates('user').length)
    const startedAt = Date.now()
    await waitFor('degraded', () => session.snapshot().streams.topics.kind === 'degraded')
    // Two silent watchdog periods, plus the first retry's backoff (capped at 200 ms here) and scheduling slack, by
    // the session's own record of the change.
    const degradedAt = session.snapshot().streams.topics.since
    expect(degradedAt - startedAt).toBeLessThan(2 * WATCHDOG_MS + 600)
    expect(session.snapshot().streams.rest.kind).toBe('live')
    // The JVM stream follows within a second.
    await waitFor('jvm degraded', () => session.snapshot().streams.jvm.kind === 'degraded')
    expect(session.snapshot().streams.jvm.since - degradedAt).toBeLessThan(1_000)
    const finding = recorded.updates('diagnosis').find((u) => u.diagnosis.stream === 'topics')
    expect(finding?.diagnosis).toMatchObject({ code: 'proxy-buffering' })
    expect(finding?.diagnosis.detail).toContain('0 bytes in 2 s, 2 times in a row')
    expect(session.diagnostics().findings?.map((d) => d.code)).toContain('proxy-buffering')

    for (let round = 0; round < 3; round++) {
      sim.control.appendLog(PROCESS, [`polled-${round}-a`, `polled-${round}-b`])
      await waitFor(`round ${round} by polling`, () => world.linesWith(`polled-${round}-b`).length)
    }
    const jvmBefore = recorded.updates('jvm').length
    await waitFor('JVM figures by polling', () => recorded.updates('jvm').length > jvmBefore)

    await world.nginx.reload({ profile: 'good', upstreamPort: sim.port })
    await waitFor('live again', () => session.snapshot().streams.topics.kind === 'live')
    await waitFor('jvm live again', () => session.snapshot().streams.jvm.kind === 'live')
    sim.control.appendLog(PROCESS, ['streamed-a', 'streamed-b'])
    await waitFor('lines by the stream', () => world.linesWith('streamed-b').length)
    const streamedAt = Date.now()

    // Two watchdog periods of flow after the fix: the finding is resolved, still listed with both times.
    const resolvedFinding = () =>
      session
        .diagnostics()
        .findings?.find((d) => d.code === 'proxy-buffering' && d.stream === 'topics')
    const resolvedAt = await waitFor('finding resolved', () => resolvedFinding()?.resolvedAt)
    // Two watchdog periods of flow plus slack, as the 2.5 s pause and 6 s deadline this replaces allowed.
    expect(resolvedAt - streamedAt).toBeLessThan(2 * WATCHDOG_MS + 4_500)
    expect(resolvedFinding()?.resolvedAt).toBeGreaterThan(finding?.diagnosis.at ?? Infinity)
    expect(recorded.updates('diagnosis-resolved').map((u) => `${u.stream}:${u.code}`)).toContain(
      'topics:proxy-buffering'
    )
    for (const marker of ['before-0', 'polled-0-a', 'polled-1-b', 'polled-2-a', 'streamed-a'])
      expect(world.linesWith(marker), marker).toHaveLength(1)
    expect(world.topicStates()).toContain('degraded:proxy-buffering')
    expect(world.topicStates().at(-1)).toBe('live')
  })
})
