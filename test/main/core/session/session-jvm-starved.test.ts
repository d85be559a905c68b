/**
 * A Session on Dinky 1.1 whose JVM stream is starved (issue 21): Dinky runs every `/api/monitor/getJvmInfo` sender
 * forever on a pool of 10 threads, so after ten such streams since it started a new one gets heartbeats but never a
 * `Jvm`. The console must notice, take the JVM figures by REST polling, say why, and not reopen the stream in a loop
 * (each open takes Dinky one more thread); once Dinky restarted, a rare retry brings the stream back.
 */
import { describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { authHeaders, login } from '../../../simulator/helpers'
import {
  profileFor,
  startRecordedSession,
  tempCacheStore,
  waitFor,
  sessionTestResources
} from './session-harness'

const JVM_PATH = '/api/monitor/getJvmInfo'

/** Opens `count` JVM streams as other clients would (a browser tab each), reads their first bytes, leaves. */
async function occupyJvmWorkers(sim: Simulator, count: number): Promise<void> {
  const token = await login(sim)
  for (let i = 0; i < count; i++) {
    const aborter = new AbortController()
    const res = await fetch(`${sim.url}${JVM_PATH}`, {
      headers: authHeaders(sim, token),
      signal: aborter.signal
    })
    await res.body?.getReader().read()
    aborter.abort()
  }
}

describe(
  'Session on Dinky 1.1 whose JVM stream gets heartbeats but no figures',
  { timeout: 20_000 },
  () => {
    const started = sessionTestResources()

    async function start(retryMs: number) {
      const sim = (started.sim = await startSimulator({
        version: '1.1.0',
        tickMs: 0,
        logRate: 0,
        heartbeatMs: 200,
        jvmIntervalMs: 200
      }))
      await occupyJvmWorkers(sim, 10)
      expect(sim.control.stats().jvmWorkers).toEqual({ running: 10, queued: 0 })
      const cache = (started.cache = await tempCacheStore())
      const recorded = startRecordedSession({
        profile: profileFor(sim.url),
        store: cache.store,
        connection: { jvmStarvedAfterMs: 1_000, jvmStarvedRetryMs: retryMs }
      })
      started.sessions.push(recorded)
      const opens = () => sim.control.stats().requestsByPath[JVM_PATH] ?? 0
      const polls = () => sim.control.stats().requestsByPath['/api/system/getSysInfo'] ?? 0
      const jvm = () => recorded.session.snapshot().streams.jvm
      return { sim, recorded, opens, polls, jvm }
    }

    it('polls the JVM figures instead, says why, and does not reopen the stream in a loop', async () => {
      const { sim, recorded, opens, polls, jvm } = await start(60_000)
      await waitFor('the JVM stream starved', () => {
        const state = jvm()
        return state.kind === 'degraded' && state.reason === 'jvm-stream-starved'
      })
      const finding = recorded
        .updates('diagnosis')
        .find((update) => update.diagnosis.code === 'jvm-stream-starved')
      expect(finding?.diagnosis.stream).toBe('jvm')
      const pollsThen = polls()
      await waitFor('JVM figures by polling', () => recorded.updates('jvm').length)
      await waitFor('two more polls', () => polls() >= pollsThen + 2, 10_000)
      // Ten other clients' streams and the console's one: no reconnect loop while polling.
      expect(opens()).toBe(11)
      expect(sim.control.stats().jvmWorkers).toEqual({ running: 10, queued: 1 })
      expect(jvm().kind).toBe('degraded')
    })

    it('tries the stream again rarely, and once Dinky restarted it flows and the finding is resolved', async () => {
      const { sim, recorded, opens, jvm } = await start(1_500)
      await waitFor('the JVM stream starved', () => jvm().kind === 'degraded')
      const firstStarved = Date.now()
      await waitFor('a retry that starved too', () => opens() >= 12, 10_000)
      // At most one open per retry period since it starved (plus the one that starved first).
      expect(opens() - 10).toBeLessThanOrEqual(2 + Math.floor((Date.now() - firstStarved) / 1_500))
      await sim.control.restart()
      await waitFor('the JVM stream fed again', () => jvm().kind === 'live', 10_000)
      await waitFor('the finding resolved', () =>
        recorded
          .updates('diagnosis-resolved')
          .some((update) => update.code === 'jvm-stream-starved')
      )
      const samples = recorded.updates('jvm').length
      await waitFor('figures on the stream', () => recorded.updates('jvm').length > samples + 2)
    })
  }
)
