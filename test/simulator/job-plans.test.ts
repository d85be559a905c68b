/**
 * The simulated jobs' Flink plans over real loopback HTTP (issue 24): the 12-vertex plan's fan-in and fan-out
 * edges point at vertices that exist, the 30-vertex plan has 30, the backpressured and skewed vertices are where
 * job-plans.ts says, the per-subtask counts of `getJobMetricsData` are skewed only there, and the creeping job's
 * checkpoint duration grows toward its timeout.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { getJson, login, TEST_OPTIONS, type Json } from './helpers'

function clock(start = Date.UTC(2026, 10, 30, 2, 0, 0)) {
  let at = start
  return { now: () => at, advance: (ms: number) => (at += ms) }
}

describe('simulator job plans', () => {
  let sim: Simulator
  let token: string
  const time = clock()
  beforeEach(async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, now: time.now })
    token = await login(sim)
  })
  afterEach(() => sim.close())

  const instanceOf = (name: string) => {
    const instance = sim.control.world.latestInstances().find((i) => i.name === name)
    if (!instance || instance.status !== 'RUNNING') throw new Error(`${name} is not running`)
    return instance
  }
  const job = async (name: string): Promise<Json> => {
    const res = await getJson(
      sim,
      token,
      `/api/jobInstance/refreshJobInfoDetail?id=${instanceOf(name).id}&isForce=false`
    )
    return res.body.data.jobDataDto
  }
  const byName = (dto: Json, prefix: string): Json =>
    dto.job.plan.nodes.find((n: Json) =>
      dto.job.vertices.some((v: Json) => v.id === n.id && v.name.startsWith(prefix))
    )

  /** Every plan input names a node of the plan and a vertex of the job. */
  function expectConsistent(dto: Json): void {
    const nodeIds = new Set(dto.job.plan.nodes.map((n: Json) => n.id))
    const vertexIds = new Set(dto.job.vertices.map((v: Json) => v.id))
    expect(nodeIds).toEqual(vertexIds)
    expect(nodeIds.size).toBe(dto.job.vertices.length)
    for (const node of dto.job.plan.nodes) {
      for (const input of node.inputs) {
        expect(nodeIds.has(input.id)).toBe(true)
        expect(input.id).not.toBe(node.id)
        expect(Object.keys(input)).toEqual(['num', 'id', 'ship_strategy', 'exchange'])
      }
    }
  }

  const fanIns = (dto: Json) => dto.job.plan.nodes.filter((n: Json) => n.inputs.length >= 2)
  const fanOuts = (dto: Json) =>
    dto.job.plan.nodes.filter(
      (n: Json) =>
        dto.job.plan.nodes.filter((m: Json) => m.inputs.some((i: Json) => i.id === n.id)).length >=
        2
    )

  it('serves the 12-vertex plan with fan-in, fan-out, one HIGH vertex and records that add up', async () => {
    const dto = await job('dwd_user_behavior_clean')
    expect(dto.job.vertices).toHaveLength(12)
    expectConsistent(dto)
    const dedupe = byName(dto, 'Deduplicate')
    expect(dedupe.inputs.map((i: Json) => i.ship_strategy)).toEqual(['HASH', 'HASH', 'HASH'])
    expect(fanIns(dto).length).toBeGreaterThanOrEqual(1)
    expect(fanOuts(dto).map((n: Json) => n.id)).toContain(dedupe.id)
    const high = dto.job.plan.nodes.filter((n: Json) => n.backpressure.backpressureLevel === 'high')
    expect(high.map((n: Json) => n.id)).toEqual([dedupe.id])
    // Fan-in: the dedupe reads what its three parsers wrote.
    const vertex = (id: string) => dto.job.vertices.find((v: Json) => v.id === id)
    const written = dedupe.inputs.reduce(
      (sum: number, i: Json) => sum + vertex(i.id).metrics['write-records'],
      0
    )
    expect(Math.abs(vertex(dedupe.id).metrics['read-records'] - written)).toBeLessThanOrEqual(3)
    expect(dedupe.description).toMatch(/^\[8\]:Deduplicate/)
  })

  it('serves the 30-vertex plan, its fan-in of ten and its skewed vertex by subtask', async () => {
    const dto = await job('risk_payment_alert')
    expect(dto.job.vertices).toHaveLength(30)
    expectConsistent(dto)
    expect(Math.max(...fanIns(dto).map((n: Json) => n.inputs.length))).toBe(10)
    expect(byName(dto, 'Calc enrich').backpressure.backpressureLevel).toBe('high')
    const instance = instanceOf('risk_payment_alert')
    const perSubtask = async (node: Json): Promise<number[]> => {
      const names = Array.from({ length: node.parallelism }, (_, i) => `${i}.numRecordsIn`)
      const res = await getJson(
        sim,
        token,
        `/api/jobInstance/getJobMetricsData?address=x&jobId=${instance.jid}&verticeId=${node.id}` +
          `&metrics=${encodeURIComponent(names.join(','))}`
      )
      expect(res.body.code).toBe(0)
      expect(res.body.data.map((m: Json) => m.id)).toEqual(names)
      return res.body.data.map((m: Json) => Number(m.value))
    }
    const maxPerMean = (values: number[]) =>
      Math.max(...values) / (values.reduce((a, b) => a + b, 0) / values.length)
    expect(maxPerMean(await perSubtask(byName(dto, 'GroupAggregate merchant')))).toBeGreaterThan(2)
    expect(maxPerMean(await perSubtask(byName(dto, 'GroupAggregate device')))).toBeLessThan(1.1)
  })

  it('grows the creeping job’s checkpoint duration and size toward its timeout', async () => {
    const first = await job('dim_product_lookup_join')
    const timeout = first.checkpointsConfig.timeout
    expect(timeout).toBe(first.checkpointsConfig.interval)
    // 40 intervals on: the history holds the creep's 40th to 49th checkpoints, still below its ceiling.
    time.advance(40 * timeout)
    const dto = await job('dim_product_lookup_join')
    const history = [...dto.checkpoints.history].reverse() as Json[]
    expect(history.length).toBe(10)
    for (let i = 1; i < history.length; i++) {
      expect(history[i].end_to_end_duration).toBeGreaterThan(history[i - 1].end_to_end_duration)
      expect(history[i].state_size).toBeGreaterThan(history[i - 1].state_size)
    }
    const newest = history[history.length - 1]
    expect(newest.end_to_end_duration).toBeGreaterThan(0.7 * timeout)
    expect(newest.end_to_end_duration).toBeLessThan(timeout)
    expect(newest.num_subtasks).toBe(8)
  })

  it('keeps the simple 3-vertex chain for the first running job', async () => {
    const dto = await job('dws_gmv_realtime_实时大屏')
    expect(dto.job.vertices).toHaveLength(3)
    expectConsistent(dto)
    expect(dto.checkpointsConfig.timeout).toBe(600_000)
    // No creep here: durations stay in the simulator's ordinary 0.2–1.5 s.
    for (const cp of dto.checkpoints.history) expect(cp.end_to_end_duration).toBeLessThan(1_600)
  })
})
