/**
 * "Collection looks disabled": a running job with a layout, no sample for 3 refresh periods and no history. The
 * SessionMetrics module against the simulator with a real client; the stream's events are given by hand.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import { silentLogger } from '../../../../src/main/core/logger'
import { SessionMetrics } from '../../../../src/main/core/metrics/session-metrics'
import type { Job } from '../../../../src/shared/models'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { waitFor } from '../session/session-harness'
import { createCountingClock } from '../connection/sim-harness'

describe('SessionMetrics diagnosis', () => {
  let sim: Simulator
  let stops: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const stop of stops) await stop()
    stops = []
    await sim.close()
  })

  async function setup(collection: boolean, layouts = true) {
    sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    sim.control.setMetricsCollection(collection)
    if (!layouts) sim.control.clearMetricsLayouts()
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', 'dinky123!@#', 1)
    const running = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')!
    const jobs = [{ jid: running.jid, status: 'RUNNING' } as Job]
    const clock = createCountingClock()
    const metrics = new SessionMetrics({
      client,
      clock,
      logger: silentLogger,
      jobs: () => jobs,
      onTopicsChanged: () => undefined,
      refreshIntervalMs: 150
    })
    stops.push(() => metrics.stop())
    return { metrics, jid: running.jid, clock }
  }

  it('says collection looks disabled for a running job with a layout and nothing collected', async () => {
    const { metrics, jid } = await setup(false)
    expect(metrics.open(jid, 'tab').diagnosis).toBe('waiting')
    metrics.onSubscribed([jid])
    await waitFor('diagnosis', () => metrics.view(jid)?.diagnosis === 'collection-disabled')
    expect(metrics.view(jid)?.layout?.entries.length).toBeGreaterThan(0)
  })

  it('says no layout when Dinky has none for the job', async () => {
    const { metrics, jid } = await setup(false, false)
    metrics.open(jid, 'tab')
    metrics.onSubscribed([jid])
    await waitFor('diagnosis', () => metrics.view(jid)?.diagnosis === 'no-layout')
  })

  it('is fine once history has samples, even with nothing pushed', async () => {
    const { metrics, jid, clock } = await setup(true)
    sim.control.collectMetrics()
    metrics.open(jid, 'tab')
    metrics.onSubscribed([jid])
    await waitFor('a backfilled sample', () => metrics.view(jid)?.points.length)
    // Settled: no diagnosis check (every 150 ms while waiting) nor retry is pending, so nothing can change it later.
    await waitFor('no timer pending', () => clock.active() === 0)
    expect(metrics.view(jid)).toMatchObject({ diagnosis: 'ok', outages: [] })
    expect(metrics.view(jid)?.points[0].source).toBe('backfill')
    metrics.close(jid, 'tab')
    expect(metrics.wanted()).toEqual([])
  })
})
