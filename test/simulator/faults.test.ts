import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import {
  authHeaders,
  dataEvents,
  login,
  postJson,
  RawStream,
  TEST_OPTIONS,
  readJson
} from './helpers'
import { waitUntil } from '../support/wait-until'

describe('fault controls', () => {
  let sim: Simulator
  const streams: RawStream[] = []
  const connect = async (token: string, key: string): Promise<RawStream> => {
    const stream = new RawStream(sim, `/api/sse/connect?sessionKey=${key}`, authHeaders(sim, token))
    streams.push(stream)
    await stream.until((t) => t.includes('retry:1000'))
    return stream
  }
  afterEach(async () => {
    streams.splice(0).forEach((stream) => stream.close())
    await sim.close()
  })

  it('drop tears every stream socket down abruptly, without the closing chunk', async () => {
    sim = await startSimulator(TEST_OPTIONS)
    const token = await login(sim)
    const stream = await connect(token, 'd')
    sim.control.dropStreams()
    await stream.closed()
    expect(stream.text.endsWith('0\r\n\r\n')).toBe(false)
    expect(sim.control.stats().openStreams).toBe(0)
  })

  it('stall keeps sockets open but writes nothing more, while new streams work', async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, heartbeatMs: 40 })
    const token = await login(sim)
    const stalled = await connect(token, 'old')
    await stalled.until((t) => dataEvents(t).length >= 1)
    sim.control.stallStreams()
    const seen = stalled.text.length
    const fresh = await connect(token, 'new')
    await fresh.until((t) => dataEvents(t).length >= 3)
    expect(stalled.text.length).toBe(seen)
    expect(stalled.ended).toBe(false)
  })

  it('pauses and resumes heartbeats', async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, heartbeatMs: 30, jvmIntervalMs: 60 })
    const token = await login(sim)
    sim.control.pauseHeartbeats()
    const stream = await connect(token, 'h')
    // The JVM loop runs on the simulator's timers too, and its stream carries the hub's heartbeats: three of its
    // 60 ms periods span six heartbeat periods, whatever the machine's load.
    const jvm = new RawStream(sim, '/api/monitor/getJvmInfo', authHeaders(sim, token))
    streams.push(jvm)
    await jvm.until((t) => dataEvents(t).length >= 3)
    expect(dataEvents(jvm.text).filter((e) => e.topic === 'HEART_BEAT')).toHaveLength(0)
    expect(dataEvents(stream.text)).toHaveLength(0)
    sim.control.resumeHeartbeats()
    await stream.until((t) => dataEvents(t).length >= 2)
  })

  it('answers the next N requests with nginx 502 pages or 200 text/html, then recovers', async () => {
    sim = await startSimulator(TEST_OPTIONS)
    sim.control.failNextRequests(1, 'bad-gateway')
    sim.control.failNextRequests(1, 'html')
    const first = await fetch(`${sim.url}/api/version`)
    expect(first.status).toBe(502)
    expect(first.headers.get('content-type')).toBe('text/html')
    expect(await first.text()).toContain('<center>nginx/1.24.0</center>')
    const second = await fetch(`${sim.url}/api/version`)
    expect(second.status).toBe(200)
    expect(second.headers.get('content-type')).toBe('text/html')
    expect(await second.text()).toContain('<!DOCTYPE html>')
    const third = await fetch(`${sim.url}/openapi/version`)
    expect((await readJson(third)).data).toBe('1.1.0')
  })

  it('forgets every SSE session so subscribe answers SESSION_INVALID', async () => {
    sim = await startSimulator(TEST_OPTIONS)
    const token = await login(sim)
    await connect(token, 'f')
    sim.control.forgetSessions()
    const res = await postJson(sim, token, '/api/sse/subscribeTopic', {
      sessionKey: 'f',
      topics: ['x']
    })
    expect(res.body.data).toEqual(['SESSION_INVALID'])
  })

  it('restart loses sessions, streams and tokens but keeps the world', async () => {
    sim = await startSimulator(TEST_OPTIONS)
    const token = await login(sim)
    const stream = await connect(token, 'r')
    const instances = sim.control.world.instances.length
    await sim.control.restart()
    await stream.closed()
    const res = await fetch(`${sim.url}/api/tokenInfo`, { headers: { token } })
    expect((await readJson(res)).msg).toBe('Invalid Token')
    expect(sim.control.stats().sseSessions).toBe(0)
    expect(sim.control.world.instances.length).toBe(instances)
  })

  it('slows every answer by the given delay', async () => {
    sim = await startSimulator(TEST_OPTIONS)
    sim.control.slowResponses(150)
    const started = Date.now()
    await (await fetch(`${sim.url}/api/version`)).text()
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('refuses connections for a while, then listens again on the same port', async () => {
    sim = await startSimulator(TEST_OPTIONS)
    const port = sim.port
    let reopen = (): void => undefined
    const back = sim.control.refuseConnections(new Promise<void>((resolve) => (reopen = resolve)))
    await waitUntil('the listener to stop', () => !sim.control.stats().listening)
    const error = await fetch(`${sim.url}/api/version`).then(
      () => null,
      (e: Error & { cause?: { code?: string } }) => e.cause?.code
    )
    expect(error).toBe('ECONNREFUSED')
    reopen()
    await back
    expect(sim.port).toBe(port)
    expect((await fetch(`${sim.url}/openapi/version`)).status).toBe(200)
  })

  it('drives faults and the world over the admin path outside /api', async () => {
    sim = await startSimulator(TEST_OPTIONS)
    const token = await login(sim)
    const stream = await connect(token, 'admin')
    const drop = await fetch(`${sim.url}/__sim/fault/drop`, { method: 'POST' })
    expect(await readJson(drop)).toEqual({ ok: true })
    await stream.closed()
    const submit = await fetch(`${sim.url}/__sim/world/submit?taskId=4`, { method: 'POST' })
    expect((await readJson(submit)).jobInstanceId).toBe(sim.control.world.latestOf(4)?.id)
    const stats = await readJson(await fetch(`${sim.url}/__sim/stats`))
    expect(stats.requestsByPath['/api/sse/connect']).toBe(1)
    expect(stats.logins).toBe(1)
    expect(stats.requestsByPath['/__sim/stats']).toBeUndefined()
  })
})
