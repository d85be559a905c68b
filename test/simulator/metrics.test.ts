import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import {
  authHeaders,
  dataEvents,
  getJson,
  type Json,
  login,
  postJson,
  RawStream,
  TEST_OPTIONS
} from './helpers'
import { waitUntil } from '../support/wait-until'

const running = (sim: Simulator) =>
  sim.control.world.latestInstances().filter((i) => i.status === 'RUNNING')

describe('simulated Dinky metrics: layouts, history with 1.1 quirks, pushes', () => {
  let sim: Simulator
  const closers: Array<() => void> = []
  afterEach(async () => {
    closers.splice(0).forEach((close) => close())
    await sim.close()
  })

  it('lists layouts as MetricsLayoutVo with Metrics rows in field order', async () => {
    sim = await startSimulator(TEST_OPTIONS)
    const token = await login(sim)
    const { body } = await getJson(sim, token, '/api/monitor/getMetricsLayout')
    expect(body.code).toBe(0)
    const job = running(sim)[0]
    const layout = body.data.find((l: Json) => l.taskId === job.taskId)
    expect(Object.keys(layout)).toEqual([
      'layoutName',
      'flinkJobId',
      'taskId',
      'showInDashboard',
      'metrics'
    ])
    expect(layout.flinkJobId).toBe(job.jid)
    expect(layout.layoutName).toBe(`${job.name}-${job.taskId}`)
    expect(Object.keys(layout.metrics[0])).toEqual([
      'id',
      'taskId',
      'vertices',
      'verticesTitle',
      'metrics',
      'position',
      'showType',
      'showSize',
      'title',
      'layoutName',
      'createTime',
      'updateTime',
      'jobId'
    ])
    const byName = await getJson(
      sim,
      token,
      `/api/monitor/getMetricsLayoutByName?layoutName=${encodeURIComponent(layout.layoutName)}`
    )
    expect(byName.body.data).toEqual(layout.metrics)
  })

  it('serves getFlinkData filtered by time only, inclusive, with content as a JSON string', async () => {
    let now = Date.UTC(2024, 7, 27, 2, 0, 0)
    sim = await startSimulator({ ...TEST_OPTIONS, now: () => now })
    const token = await login(sim)
    const jobs = running(sim)
    expect(jobs.length).toBeGreaterThan(1)
    const start = now
    for (let i = 0; i < 3; i++) {
      sim.control.collectMetrics()
      now += 5000
    }
    const url = `/api/monitor/getFlinkData?startTime=${start}&endTime=${start + 5000}&flinkJobIds=${jobs[0].jid}`
    const { body } = await getJson(sim, token, url)
    expect(body.code).toBe(0)
    // Two cycles fall in [start, start + 5 s] and every running job is returned, not only the one asked for.
    expect(body.data).toHaveLength(2 * jobs.length)
    expect(new Set(body.data.map((row: Json) => row.model))).toEqual(
      new Set(jobs.map((j) => j.jid))
    )
    const row = body.data[0]
    expect(Object.keys(row)).toEqual(['heartTime', 'model', 'content', 'date'])
    expect(row.heartTime).toBe('2024-08-27 10:00:00')
    expect(row.date).toBe('2024-08-27')
    expect(typeof row.content).toBe('string')
    const content = JSON.parse(row.content)
    const [vertex] = Object.keys(content)
    expect(content[vertex]['0.numRecordsInPerSecond']).toMatch(/^\d+\.\d$/)
  })

  it('answers getFlinkData without startTime or flinkJobIds with code 5', async () => {
    sim = await startSimulator(TEST_OPTIONS)
    const token = await login(sim)
    const noStart = await getJson(sim, token, '/api/monitor/getFlinkData?flinkJobIds=a')
    expect(noStart.body).toMatchObject({ code: 5, success: false })
    const noIds = await getJson(sim, token, '/api/monitor/getFlinkData?startTime=0')
    expect(noIds.body.code).toBe(5)
    const backwards = await getJson(
      sim,
      token,
      '/api/monitor/getFlinkData?startTime=10&endTime=5&flinkJobIds=a'
    )
    expect(backwards.body.code).toBe(5)
  })

  it('saves a layout under a path-variable name, replacing its rows, and lists metric items', async () => {
    sim = await startSimulator(TEST_OPTIONS)
    const token = await login(sim)
    const job = running(sim)[0]
    const name = `${job.name}-${job.taskId}`
    const rows = [
      { taskId: job.taskId, vertices: 'v1', verticesTitle: 'Source', metrics: 'numRecordsIn' },
      { taskId: job.taskId, vertices: 'v1', verticesTitle: 'Source', metrics: 'numRecordsOut' }
    ]
    const res = await fetch(`${sim.url}/api/monitor/saveFlinkMetrics/${encodeURIComponent(name)}`, {
      method: 'PUT',
      headers: { ...authHeaders(sim, token), 'Content-Type': 'application/json' },
      body: JSON.stringify(rows)
    })
    expect(((await res.json()) as Json).code).toBe(0)
    const saved = await getJson(
      sim,
      token,
      `/api/monitor/getMetricsLayoutByName?layoutName=${encodeURIComponent(name)}`
    )
    expect(saved.body.data.map((r: Json) => r.metrics)).toEqual(['numRecordsIn', 'numRecordsOut'])
    sim.control.collectMetrics()
    const history = sim.control.world.metrics.between(0, Date.now() + 1000)
    expect(history.find((s) => s.jid === job.jid)?.content).toEqual({
      v1: { numRecordsIn: expect.stringMatching(/^\d+$/), numRecordsOut: expect.any(String) }
    })
    const items = await getJson(
      sim,
      token,
      `/api/jobInstance/getJobMetricsItems?address=x&jobId=${job.jid}&verticeId=v1`
    )
    expect(items.body.data).toContainEqual({ id: '0.numRecordsInPerSecond' })
    const put = (path: string) =>
      fetch(`${sim.url}${path}`, { method: 'PUT', headers: authHeaders(sim, token), body: '[]' })
    expect((await put('/api/monitor/saveFlinkMetrics/')).status).toBe(404)
  })

  it('collects nothing while collection is off, on its own timer when asked, and pushes on SSE', async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, metricsIntervalMs: 50 })
    const token = await login(sim)
    const jid = running(sim)[0].jid
    const stream = new RawStream(sim, '/api/sse/connect?sessionKey=m1', authHeaders(sim, token))
    closers.push(() => stream.close())
    await stream.until((t) => t.includes('retry:1000'))
    await postJson(sim, token, '/api/sse/subscribeTopic', {
      sessionKey: 'm1',
      topics: [`/TOPIC/METRICS/${jid}`]
    })
    await stream.until((t) => dataEvents(t).filter((e) => e.data?.model === jid).length >= 3)
    const event = dataEvents(stream.text).find((e) => e.data?.model === jid)
    expect(event.topic).toBe(`/TOPIC/METRICS/${jid}`)
    expect(typeof event.data.content).toBe('object')
    const admin = await fetch(`${sim.url}/__sim/metrics/collection?on=false`, { method: 'POST' })
    expect(((await admin.json()) as Json).ok).toBe(true)
    const stored = sim.control.world.metrics.historySize()
    const pushed = stream.text.length
    // The collection timer keeps running while collection is off: three of its cycles, and still nothing stored.
    const cycles = vi.spyOn(sim.control.world.metrics, 'collect')
    await waitUntil('three metrics collection cycles', () => cycles.mock.calls.length >= 3, {
      state: () => cycles.mock.calls.length
    })
    expect(sim.control.world.metrics.historySize()).toBe(stored)
    expect(dataEvents(stream.text.slice(pushed))).toEqual([])
  })

  it('pushes METRICS on the 1.2 WebSocket keyed by job id', async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, version: '1.2.0', metricsIntervalMs: 50 })
    const token = await login(sim)
    const jid = running(sim)[0].jid
    const socket = new WebSocket(`${sim.url.replace('http', 'ws')}/api/ws/global`)
    closers.push(() => socket.terminate())
    const frames: Json[] = []
    socket.on('message', (data) => frames.push(JSON.parse(data.toString())))
    await new Promise((resolve) => socket.once('open', resolve))
    socket.send(JSON.stringify({ token, topics: { METRICS: [jid] } }))
    // The 1.2.0 release's firstSend sends METRICS an empty map first (`Metrics.firstDataSend`).
    const pushed = (f: Json) => f.topic === 'METRICS' && Object.keys(f.data).length > 0
    const frame = await waitUntil('a METRICS frame with samples', () => frames.find(pushed), {
      state: () => frames.map((f) => f.topic)
    })
    expect(frames.find((f) => f.topic === 'METRICS')?.data).toEqual({})
    expect(Object.keys(frame.data)).toEqual([jid])
    expect(frame.data[jid].model).toBe(jid)
    expect(frame.data[jid].heartTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
  })
})
