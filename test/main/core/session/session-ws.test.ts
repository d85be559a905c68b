/**
 * A Session against a Dinky 1.2 simulator, through the Session's public API only: the version probe picks the
 * WebSocket, the session goes live on every stream, shows jobs and streams a console log; a profile can force SSE.
 */
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../../../src/simulator/index'
import type { TransportChoice } from '../../../../src/shared/profiles'
import {
  profileFor,
  startRecordedSession,
  tempCacheStore,
  waitFor,
  sessionTestResources
} from './session-harness'

describe('Session against a Dinky 1.2 simulator (WebSocket)', () => {
  const started = sessionTestResources()

  async function start(version: string, transport: TransportChoice, processes: string[] = []) {
    const sim = (started.sim = await startSimulator({
      version,
      wsJvmIntervalMs: 200,
      tickMs: 0,
      logRate: 0
    }))
    const cache = (started.cache = await tempCacheStore())
    const profile = { ...profileFor(sim.url, processes), transport }
    // JVM_INFO every 200 ms is the WS heartbeat; the harness's 2 s watchdog leaves room for a loaded machine.
    const recorded = startRecordedSession({ profile, store: cache.store })
    started.sessions.push(recorded)
    return { sim, recorded, session: recorded.session }
  }

  it('picks WebSocket for 1.2.0-SNAPSHOT, goes live, shows jobs and streams a console log', async () => {
    const { sim, recorded, session } = await start('1.2.0-SNAPSHOT', 'auto', ['FlinkSubmit/3'])
    await waitFor('every stream live', () =>
      Object.values(session.snapshot().streams).every((state) => state.kind === 'live')
    )
    const jobs = await waitFor('jobs', () => session.snapshot().jobs?.value.length)
    expect(jobs).toBeGreaterThan(0)
    expect(session.diagnostics()).toMatchObject({
      serverVersion: '1.2.0-SNAPSHOT',
      transport: 'ws'
    })
    await waitFor('a JVM sample over the socket', () => recorded.updates('jvm').length)
    sim.control.submit(3)
    sim.control.appendLog('FlinkSubmit/3', ['line one over the socket', 'line two over the socket'])
    const lines = () =>
      recorded
        .updates('log')
        .filter((update) => update.chunk.process === 'FlinkSubmit/3' && !update.chunk.stale)
        .flatMap((update) => update.chunk.lines)
    // Each console line carries Dinky's `[time] [level] [logger]` prefix.
    const ours = () => lines().filter((line) => line.endsWith('over the socket'))
    await waitFor('the console lines', () => ours().length === 2)
    expect(ours().map((line) => line.replace(/^(\[[^\]]*\] )+/, ''))).toEqual([
      'line one over the socket',
      'line two over the socket'
    ])
  })

  it('follows a process added while live and resubscribes after the socket drops', async () => {
    const { sim, recorded, session } = await start('1.2.0', 'auto')
    await waitFor('topics live', () => session.snapshot().streams.topics.kind === 'live')
    await session.follow('FlinkSubmit/5')
    sim.control.submit(5)
    const upgrades = () => sim.control.stats().requestsByPath['/api/ws/global'] ?? 0
    sim.control.dropStreams()
    await waitFor('a new socket', () => upgrades() >= 2 && sim.control.stats().wsSessions === 1)
    expect(session.snapshot().streams.topics.kind).toBe('live')
    sim.control.appendLog('FlinkSubmit/5', ['after the drop'])
    await waitFor('the line', () =>
      recorded
        .updates('log')
        .some((update) => update.chunk.lines.some((line) => line.endsWith('after the drop')))
    )
  })

  it('uses SSE when the profile forces it, whatever the version says', async () => {
    const { session } = await start('1.2.0', 'sse')
    await waitFor('the version probe', () => session.diagnostics().transport)
    expect(session.diagnostics().transport).toBe('sse')
  })
})
