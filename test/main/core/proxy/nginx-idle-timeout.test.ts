import { describe, expect, it } from 'vitest'
import { waitFor } from '../session/session-harness'
import { proxiedWorlds } from './proxy-harness'

const PROCESS = 'FlinkSubmit/3'
const IDLE_MS = 500

describe('behind an nginx whose read timeout is below the heartbeat', () => {
  const start = proxiedWorlds()

  it('rides out twenty idle cuts without flapping or backoff, names the idle time, and loses or doubles no line', async () => {
    const world = await start({
      proxy: { profile: 'idle-timeout', idleTimeoutMs: IDLE_MS },
      // Heartbeats every 3 s: the proxy cuts each stream 0.5 s after its last byte.
      sim: { heartbeatMs: 3_000, logRate: 1, submissionLines: 10_000 },
      processes: [PROCESS],
      connection: { heartbeatTimeoutMs: 6_000 }
    })
    const { sim, recorded } = world
    const session = recorded.session
    sim.control.submit(3)
    await waitFor('live', () => session.snapshot().streams.topics.kind === 'live')
    const liveIndex = world.topicStates().lastIndexOf('live')
    const connects = () => sim.control.stats().requestsByPath['/api/sse/connect'] ?? 0
    const first = connects()
    let appended = 0
    const writer = setInterval(
      () => sim.control.appendLog(PROCESS, [`cut-line-${appended++}.`]),
      300
    )
    try {
      // A cut comes every ~2 s on a quiet machine (0.5 s idle after a push, the 1 s `retry:` floor, then connect and
      // resubscribe), so twenty take ~40 s; a busy 2-core machine stretched it to 76 s (3.8 s a cut).
      await waitFor('twenty cuts', () => connects() - first >= 20, 180_000)
    } finally {
      clearInterval(writer)
    }
    await waitFor(
      'the last line written',
      () => world.linesWith(`cut-line-${appended - 1}.`).length
    )
    // One more cut and a line written after it: a resync that showed a line twice would have shown it by then.
    const cuts = connects()
    await waitFor('one more cut', () => connects() > cuts)
    sim.control.appendLog(PROCESS, ['after-the-last-cut'])
    await waitFor('the line after the last cut', () => world.linesWith('after-the-last-cut').length)

    expect(world.topicStates().slice(liveIndex)).toEqual(['live'])
    expect(session.snapshot().streams.topics.kind).toBe('live')
    const finding = session.diagnostics().findings?.find((d) => d.code === 'proxy-idle-timeout')
    expect(finding?.evidence.idleMs).toBeGreaterThan(IDLE_MS * 0.8)
    // Measured on our side: a busy event loop notices the cut late, never early.
    expect(finding?.evidence.idleMs).toBeLessThan(IDLE_MS * 1.8)
    expect(finding?.advice).toContain('at least 60 s')
    for (let line = 0; line < appended; line++)
      expect(world.linesWith(`cut-line-${line}.`), `line ${line}`).toHaveLength(1)
    expect(appended).toBeGreaterThan(50)
  }, 220_000)
})
