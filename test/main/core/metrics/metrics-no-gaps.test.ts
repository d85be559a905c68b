/**
 * The "Done when": the stream drops for 20 s while the simulator keeps collecting, and afterwards the
 * session's series holds every sample of those 20 s exactly once, in order, the missed ones marked as backfilled
 * and no outage left unfilled. A real Session, the simulator on loopback, on SSE (1.1) and on the WebSocket (1.2).
 */
import { describe, expect, it } from 'vitest'
import type { MetricsPoint, MetricsUpdate } from '../../../../src/shared/metrics'
import { startSimulator } from '../../../../src/simulator/index'
import {
  profileFor,
  sessionTestResources,
  startRecordedSession,
  tempCacheStore,
  waitFor
} from '../session/session-harness'

const OUTAGE_MS = 20_000
/** Above one second: Dinky's heart time has second resolution and is the history's primary key. */
const COLLECT_MS = 1_050

describe('metrics across a 20 s outage', { timeout: 90_000 }, () => {
  const started = sessionTestResources()

  for (const version of ['1.1.0', '1.2.0']) {
    it(`keeps every sample once after the stream dropped for 20 s (${version})`, async () => {
      const sim = (started.sim = await startSimulator({
        version,
        tickMs: 0,
        logRate: 0,
        heartbeatMs: 300,
        wsJvmIntervalMs: 300,
        metricsIntervalMs: COLLECT_MS
      }))
      const cache = (started.cache = await tempCacheStore())
      const recorded = startRecordedSession({ profile: profileFor(sim.url), store: cache.store })
      started.sessions.push(recorded)
      const { session } = recorded
      await waitFor('live', () => session.snapshot().streams.topics.kind === 'live')
      const jid = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')!.jid
      const updates: MetricsUpdate[] = []
      session.metrics.subscribe((update) => updates.push(update))
      session.metrics.open(jid, 'test')
      const added = () => updates.filter((u) => u.jid === jid).flatMap((u) => u.added)
      const pushed = () => added().filter((p) => p.source === 'push')
      await waitFor('three pushed samples', () => pushed().length >= 3)

      const dropAt = Date.now()
      await sim.control.refuseConnections(OUTAGE_MS)
      const backAt = Date.now()
      expect(backAt - dropAt).toBeGreaterThanOrEqual(OUTAGE_MS)
      await waitFor('live again', () => session.snapshot().streams.topics.kind === 'live')
      const pushesBefore = pushed().length
      await waitFor('two pushes after the outage', () => pushed().length >= pushesBefore + 2)
      await session.metrics.settled()

      // What the server collected while we were away, by heart time (second resolution, as on the wire).
      const second = (at: number) => Math.floor(at / 1000) * 1000
      const collected = sim.control.world.metrics
        .between(dropAt, backAt)
        .filter((s) => s.jid === jid)
        .map((s) => second(s.at))
      expect(collected.length).toBeGreaterThanOrEqual(15)

      const all = added()
      const times = all.map((p) => p.at)
      expect(new Set(times).size).toBe(times.length) // each sample delivered once
      const byAt = new Map<number, MetricsPoint>(all.map((p) => [p.at, p]))
      for (const at of collected)
        expect(byAt.has(at), `sample at ${new Date(at).toISOString()}`).toBe(true)
      const missed = collected.filter(
        (at) => at > second(dropAt) + 1000 && at < second(backAt) - 1000
      )
      expect(missed.every((at) => byAt.get(at)?.source === 'backfill')).toBe(true)

      const view = session.metrics.view(jid)!
      const viewTimes = view.points.map((p) => p.at)
      expect(viewTimes).toEqual([...new Set(viewTimes)].sort((a, b) => a - b))
      for (const at of collected) expect(viewTimes.filter((t) => t === at)).toHaveLength(1)
      expect(view.outages).toEqual([])
      expect(view.diagnosis).toBe('ok')
      const sample = view.points.at(-1)!
      const [vertex] = Object.keys(sample.values)
      expect(sample.values[vertex]['0.numRecordsInPerSecond']).toMatch(/^\d+\.\d$/)
    })
  }
})
