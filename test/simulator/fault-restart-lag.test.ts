import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { waitUntil } from '../support/wait-until'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import {
  authHeaders,
  dataEvents,
  getJson,
  login,
  postJson,
  RawStream,
  TEST_OPTIONS,
  type Json
} from './helpers'

/** A controllable clock: checkpoints and the lag ramp follow it. */
function clock(start = Date.UTC(2026, 11, 7, 2, 0, 0)) {
  let at = start
  return { now: () => at, advance: (ms: number) => (at += ms) }
}

describe('fault controls for alert rules: restart loops and growing source lag', () => {
  let sim: Simulator
  let token: string
  const time = clock()
  const closers: Array<() => void> = []
  beforeEach(async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, now: time.now })
    token = await login(sim)
  })
  afterEach(async () => {
    closers.splice(0).forEach((close) => close())
    await sim.close()
  })

  /** A streaming task whose latest job runs. */
  const runningTask = (): number => {
    const { world } = sim.control
    const instance = world
      .latestInstances()
      .find((i) => i.status === 'RUNNING' && !world.task(i.taskId)?.batchModel)
    if (!instance) throw new Error('no running streaming job in the seeded world')
    return instance.taskId
  }
  const admin = async (path: string): Promise<Json> => {
    const res = await fetch(`${sim.url}/__sim/${path}`, { method: 'POST' })
    const body = (await res.json()) as Json
    expect(body.ok, JSON.stringify(body)).toBe(true)
    return body
  }
  const listed = async (taskId: number): Promise<Json> => {
    const { body } = await postJson(sim, token, '/api/jobInstance', { current: 1, pageSize: 100 })
    return body.data.find((row: Json) => row.taskId === taskId)
  }
  const detail = async (id: number): Promise<Json> => {
    const { body } = await getJson(
      sim,
      token,
      `/api/jobInstance/refreshJobInfoDetail?id=${id}&isForce=false`
    )
    return body.data
  }
  const tick = () => {
    time.advance(5_000)
    sim.control.tick()
  }

  it('loops a job RUNNING → RESTARTING → RUNNING every few ticks, counting restarts, until stopped', async () => {
    const taskId = runningTask()
    const before = await listed(taskId)
    await admin(`health/restart-loop?taskId=${taskId}&on=true&everyTicks=3`)
    const seen: Array<[string, number]> = []
    for (let i = 0; i < 7; i++) {
      tick()
      const row = await listed(taskId)
      seen.push([row.status, row.failedRestartCount])
    }
    const n = before.failedRestartCount
    expect(seen).toEqual([
      ['RESTARTING', n + 1],
      ['RUNNING', n + 1],
      ['RUNNING', n + 1],
      ['RESTARTING', n + 2],
      ['RUNNING', n + 2],
      ['RUNNING', n + 2],
      ['RESTARTING', n + 3]
    ])
    const row = await listed(taskId)
    expect(row.id).toBe(before.id)
    const data = await detail(row.id)
    expect(data.instance.failedRestartCount).toBe(n + 3)
    // Flink's side: the last RESTARTING stamp, one task failure per failover, tasks restored from a checkpoint.
    expect(data.jobDataDto.job.timestamps.RESTARTING).toBe(time.now())
    const entries = data.jobDataDto.exceptions.exceptionHistory.entries
    expect(entries).toHaveLength(3)
    expect(entries[0]).toMatchObject({ timestamp: time.now(), taskName: 'Map (1/2)' })
    expect(data.jobDataDto.exceptions['root-exception']).toContain('NullPointerException')
    expect(data.jobDataDto.checkpoints.counts.restored).toBe(3)

    await admin(`health/restart-loop?taskId=${taskId}&on=false`)
    for (let i = 0; i < 6; i++) {
      tick()
      expect(await listed(taskId)).toMatchObject({ status: 'RUNNING', failedRestartCount: n + 3 })
    }
  })

  it('with nullRestartCount sends failedRestartCount null, as real Dinky; Flink still shows each failover', async () => {
    await sim.close()
    sim = await startSimulator({ ...TEST_OPTIONS, now: time.now, nullRestartCount: true })
    token = await login(sim)
    const taskId = runningTask()
    sim.control.jobHealth.restartLoop(taskId, true, { everyTicks: 2 })
    tick()
    tick()
    tick()
    const row = await listed(taskId)
    expect(row).toMatchObject({ status: 'RESTARTING', failedRestartCount: null })
    const data = await detail(row.id)
    expect(data.instance.failedRestartCount).toBeNull()
    expect(data.jobDataDto.job.timestamps.RESTARTING).toBe(time.now())
    expect(data.jobDataDto.exceptions.exceptionHistory.entries).toHaveLength(2)
  })

  it('rejects a restart loop on an unknown task or a pace under two ticks', async () => {
    const bad = await fetch(`${sim.url}/__sim/health/restart-loop?taskId=999&on=true`, {
      method: 'POST'
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as Json).error).toContain('No task 999')
    const fast = await fetch(
      `${sim.url}/__sim/health/restart-loop?taskId=${runningTask()}&on=true&everyTicks=1`,
      { method: 'POST' }
    )
    expect(fast.status).toBe(400)
  })

  it('grows the source lag in the layout, the collected history and the push, and resets it', async () => {
    const taskId = runningTask()
    const jid = sim.control.world.latestOf(taskId)?.jid as string
    const stream = new RawStream(sim, '/api/sse/connect?sessionKey=lag', authHeaders(sim, token))
    closers.push(() => stream.close())
    await stream.until((t) => t.includes('retry:1000'))
    await postJson(sim, token, '/api/sse/subscribeTopic', {
      sessionKey: 'lag',
      topics: [`/TOPIC/METRICS/${jid}`]
    })
    const on = await admin(`health/source-lag?taskId=${taskId}&perSecond=1000`)
    expect(on.metricId).toBe('0.Source__KafkaSource.pendingRecords')
    const layouts = await getJson(sim, token, '/api/monitor/getMetricsLayout')
    const layout = layouts.body.data.find((l: Json) => l.flinkJobId === jid)
    expect(layout.metrics).toContainEqual(
      expect.objectContaining({ vertices: on.vertexId, metrics: on.metricId })
    )

    const start = time.now()
    const values: number[] = []
    const lagOf = (content: Json): number => Number(content[on.vertexId][on.metricId])
    for (let i = 0; i < 4; i++) {
      sim.control.collectMetrics()
      time.advance(10_000)
    }
    const history = await getJson(
      sim,
      token,
      `/api/monitor/getFlinkData?startTime=${start}&endTime=${time.now()}&flinkJobIds=${jid}`
    )
    for (const row of history.body.data.filter((r: Json) => r.model === jid))
      values.push(lagOf(JSON.parse(row.content)))
    expect(values).toEqual([0, 10_000, 20_000, 30_000])
    await stream.until(
      (t) => dataEvents(t).filter((e) => e.data?.model === jid).length >= 4,
      10_000
    )
    const pushed = dataEvents(stream.text).filter((e) => e.data?.model === jid)
    expect(pushed.map((e) => lagOf(e.data.content))).toEqual(values)

    await admin(`health/source-lag?taskId=${taskId}`)
    sim.control.collectMetrics()
    await stream.until((t) => dataEvents(t).filter((e) => e.data?.model === jid).length >= 5)
    const reset = dataEvents(stream.text).filter((e) => e.data?.model === jid)[4]
    expect(lagOf(reset.data.content)).toBeGreaterThanOrEqual(0)
    expect(lagOf(reset.data.content)).toBeLessThanOrEqual(10)
  })

  it("names Kafka's records-lag-max under the consumer's scope and writes it as a Double", async () => {
    const taskId = runningTask()
    const jid = sim.control.world.latestOf(taskId)?.jid as string
    const on = sim.control.jobHealth.sourceLag(taskId, {
      metric: 'records-lag-max',
      perSecond: 2.5
    })
    expect(on.metricId).toBe(
      '0.Source__KafkaSource.KafkaSourceReader.KafkaConsumer.records-lag-max'
    )
    const start = time.now()
    time.advance(4_000)
    sim.control.collectMetrics()
    const history = await getJson(
      sim,
      token,
      `/api/monitor/getFlinkData?startTime=${start}&endTime=${time.now()}&flinkJobIds=${jid}`
    )
    const row = history.body.data.find((r: Json) => r.model === jid)
    expect(JSON.parse(row.content)[on.vertexId][on.metricId]).toBe('10.0')
  })
})

describe('the demo scenario (demoFaults)', () => {
  it('grows one job source lag past its small value and drains it again, on the world pace', async () => {
    const sim = await startSimulator({
      tickMs: 5,
      logRate: 0,
      heartbeatMs: 60_000,
      demoFaults: true
    })
    try {
      const token = await login(sim)
      const layouts = await getJson(sim, token, '/api/monitor/getMetricsLayout')
      const rows = layouts.body.data.flatMap((l: Json) => l.metrics)
      const lagRow = rows.find((r: Json) => r.metrics === '0.Source__KafkaSource.pendingRecords')
      expect(lagRow).toBeDefined()
      // A lag ramp lasts 40 ticks and a rest 20: wait for a value above the rest's range, then one back in it.
      let seen: number[] = []
      const lagValues = async (): Promise<number[]> => {
        const url = `/api/monitor/getFlinkData?startTime=0&endTime=${Date.now() + 60_000}&flinkJobIds=x`
        const { body } = await getJson(sim, token, url)
        seen = body.data
          .map((row: Json) => JSON.parse(row.content)[lagRow.vertices]?.[lagRow.metrics])
          .filter((v: string | undefined) => v !== undefined)
          .map(Number)
        return seen
      }
      await waitUntil('the lag above 10', async () => (await lagValues()).some((v) => v > 10), {
        state: () => seen.slice(-5)
      })
      await waitUntil(
        'the lag back under 10 after it grew',
        async () => {
          const values = await lagValues()
          const grown = values.findIndex((v) => v > 10)
          return grown >= 0 && values.slice(grown).some((v) => v <= 10)
        },
        { state: () => seen.slice(-5) }
      )
    } finally {
      await sim.close()
    }
  })
})
