/**
 * Issue 24's data through the job-detail service against the simulator on loopback: plan inputs with ship
 * strategies, records per second from two reads (null before, never negative when counts go down), skew read one
 * keyed vertex per open read and counted against the budget, the per-operator checkpoint's "unavailable" sentence,
 * and the bound on a hostile plan's inputs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import type { DinkyClient } from '../../../../src/main/core/dinky/types'
import { JobDetailService } from '../../../../src/main/core/job-detail/job-detail-service'
import { LIMITS, toJobHealthDetail } from '../../../../src/main/core/job-detail/map-job-health'
import { silentLogger } from '../../../../src/main/core/logger'
import { systemClock } from '../../../../src/main/core/ports'
import type { ProfileCache } from '../../../../src/main/core/cache/cache-store'
import type { JobHealthDetail } from '../../../../src/shared/job-health'
import type { Job } from '../../../../src/shared/models'
import type { SessionUpdate } from '../../../../src/shared/session'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { waitUntil } from '../../../support/wait-until'

const noCache = { module: () => null } as unknown as ProfileCache

describe('job flow: plan inputs, records per second, skew', () => {
  let sim: Simulator
  let client: DinkyClient
  let jobs: Job[]
  let ahead = 0
  const updates: SessionUpdate[] = []
  beforeEach(async () => {
    ahead = 0
    updates.length = 0
    sim = await startSimulator({
      tickMs: 0,
      logRate: 0,
      heartbeatMs: 60_000,
      now: () => Date.now() + ahead
    })
    client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', 'dinky123!@#', 1)
    jobs = await client.jobs()
  })
  afterEach(async () => {
    await client.dispose()
    await sim.close()
  })

  const service = (openIntervalMs: number) =>
    new JobDetailService({
      client,
      cache: noCache,
      clock: systemClock,
      logger: silentLogger,
      budgetPerSecond: () => 20,
      isLive: () => true,
      jobs: () => [],
      emit: (update) => updates.push(update),
      openIntervalMs
    })
  const job = (name: string) => jobs.find((j) => j.name === name && j.status === 'RUNNING')!
  const details = (id: number): JobHealthDetail[] =>
    updates.flatMap((u) =>
      u.type === 'job-health' && u.detail?.value.instanceId === id ? [u.detail.value] : []
    )
  const nthDetail = (id: number, n: number) =>
    waitUntil(`detail read ${n} of job ${id}`, () => details(id)[n - 1], {
      state: () => details(id).length
    })

  it('takes rates from two reads, null before, and null (not negative) when counts go down', async () => {
    const open = job('dws_gmv_realtime_实时大屏')
    const svc = service(3_600_000)
    svc.open(open.id)
    svc.start()
    const first = await nthDetail(open.id, 1)
    expect(first.vertices.map((v) => v.recordsInPerSecond)).toEqual([null, null, null])
    expect(first.vertices[1].inputs).toEqual([
      { vertexId: first.vertices[0].id, shipStrategy: 'HASH' }
    ])
    expect(first.vertices[0].inputs).toEqual([])

    ahead += 10_000
    svc.refresh(open.id)
    const second = await nthDetail(open.id, 2)
    // The simulator's source emits 200 + (id % 9) × 150 records/s; the calc reads them all, the sink writes none.
    const rate = 200 + (open.id % 9) * 150
    expect(second.vertices[0].recordsOutPerSecond).toBeCloseTo(rate, -1)
    expect(second.vertices[1].recordsInPerSecond).toBeCloseTo(rate, -1)
    expect(second.vertices[2].recordsOutPerSecond).toBe(0)

    // A failover: Flink's counts start again from 0 while time goes on.
    ahead += 10_000
    const instance = sim.control.world.instances.find((i) => i.id === open.id)!
    sim.control.world.health.recordRestart(instance, Date.now() + ahead - 2_000)
    svc.refresh(open.id)
    const third = await nthDetail(open.id, 3)
    svc.stop()
    // The counts that went down start over (null); the source's read and the sink's write stay 0 (0 → 0).
    expect(third.vertices[0].recordsOutPerSecond).toBeNull()
    expect(third.vertices[1].recordsInPerSecond).toBeNull()
    expect(third.vertices[1].recordsOutPerSecond).toBeNull()
    for (const vertex of third.vertices) {
      for (const value of [vertex.recordsInPerSecond, vertex.recordsOutPerSecond])
        expect(value === null || value! >= 0).toBe(true)
    }
    expect(third.checkpointOperators).toMatchObject({
      unavailable: expect.stringMatching(
        /^(Dinky \S+|This Dinky) does not serve checkpoint details by operator$/
      )
    })
    expect(third.checkpointOperators?.checkpointId).toBe(
      third.checkpoints?.latestCompleted?.id ?? null
    )
  })

  it('reads skew one keyed vertex per open read, within the budget, and finds the hot merchant', async () => {
    const open = job('risk_payment_alert')
    const svc = service(20)
    svc.open(open.id)
    svc.start()
    const skewed = await waitUntil(
      'the merchant aggregate skewed',
      () =>
        details(open.id)
          .at(-1)
          ?.vertices.find((v) => v.name.startsWith('GroupAggregate merchant') && v.skew),
      { state: () => details(open.id).length }
    )
    svc.stop()
    const last = details(open.id).at(-1)!
    expect(last.vertices).toHaveLength(30)
    expect(skewed.skew?.maxPerMean).toBeGreaterThan(2)
    expect(skewed.skew?.subtasks).toHaveLength(4)
    const even = last.vertices.filter((v) => v.skew && v.id !== skewed.id)
    expect(even.length).toBeGreaterThan(0)
    for (const vertex of even) expect(vertex.skew!.maxPerMean).toBeLessThan(1.1)
    const scorer = last.vertices.find((v) => v.name.startsWith('Calc score'))!
    expect(scorer.inputs).toHaveLength(10)
    // Each open read made one skew read too, and the scheduler counted both.
    const reads = details(open.id).length
    expect(svc.scheduler.stats.requests).toBeGreaterThanOrEqual(2 * reads)
    expect(svc.scheduler.stats.requests).toBeLessThanOrEqual(2 * reads + 2)
  })
})

describe('plan inputs are bounded', () => {
  it('keeps at most LIMITS.inputs inputs of a hostile plan node', () => {
    const inputs = Array.from({ length: 100_000 }, (_, i) => ({
      id: `v${i}`,
      ship_strategy: 'HASH'
    }))
    const detail = toJobHealthDetail({
      instance: { id: 1, status: 'RUNNING' },
      jobDataDto: {
        job: {
          vertices: [{ id: 'a', name: 'A' }],
          plan: { nodes: [{ id: 'a', inputs }] }
        }
      }
    })
    expect(detail.vertices[0].inputs).toHaveLength(LIMITS.inputs)
    expect(detail.checkpointOperators).toBeNull()
  })
})
