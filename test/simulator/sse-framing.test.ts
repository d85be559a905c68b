import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { authHeaders, dataEvents, login, RawStream, TEST_OPTIONS, readJson } from './helpers'
import { waitUntil } from '../support/wait-until'

describe('SSE connect, framed as Spring writes it', () => {
  let sim: Simulator
  const streams: RawStream[] = []
  const open = (path: string, headers: Record<string, string>): RawStream => {
    const stream = new RawStream(sim, path, headers)
    streams.push(stream)
    return stream
  }

  afterEach(async () => {
    streams.splice(0).forEach((stream) => stream.close())
    await sim.close()
  })

  it('answers 200 text/event-stream without charset, chunked, retry:1000 first and data: lines without a space', async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, heartbeatMs: 100 })
    const token = await login(sim)
    const stream = open('/api/sse/connect?sessionKey=k1', authHeaders(sim, token))
    const text = await stream.until((t) => t.includes('HEART_BEAT'))
    const split = text.indexOf('\r\n\r\n')
    const head = text.slice(0, split)
    const body = text.slice(split + 4)
    expect(head).toMatch(/^HTTP\/1\.1 200 /)
    expect(head).toMatch(/\r\nContent-Type: text\/event-stream\r\n/)
    expect(head).not.toMatch(/charset/i)
    expect(head).toMatch(/\r\nTransfer-Encoding: chunked(\r\n|$)/)
    // First chunk (12 bytes = 0xc): exactly Spring's reconnectTime frame.
    expect(body.startsWith('c\r\nretry:1000\n\n\r\n')).toBe(true)
    expect(text).toContain('data:{"sessionKey":"k1","topic":"HEART_BEAT","data":"heart"}\n\n')
    expect(text).not.toMatch(/^(data|retry|id|event): /m)
    expect(text).not.toMatch(/^(id|event):/m)
  })

  it('sends HEART_BEAT to every session every heartbeatMs, subscribed or not', async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, heartbeatMs: 80 })
    const token = await login(sim)
    const a = open('/api/sse/connect?sessionKey=a', authHeaders(sim, token))
    const b = open('/api/sse/connect?sessionKey=b', authHeaders(sim, token))
    await a.until((t) => t.includes('retry:1000'))
    const started = Date.now()
    await a.until((t) => dataEvents(t).length >= 5)
    const elapsed = Date.now() - started
    await b.until((t) => dataEvents(t).length >= 4)
    expect(dataEvents(a.text).every((e) => e.topic === 'HEART_BEAT' && e.sessionKey === 'a')).toBe(
      true
    )
    expect(dataEvents(b.text).every((e) => e.sessionKey === 'b')).toBe(true)
    // Five beats at a fixed 80 ms delay cannot come faster than ~4 periods (timers never fire early). A loaded
    // machine only makes them later, so the upper bound is loose: it catches the 9 s default, not the load.
    expect(elapsed).toBeGreaterThanOrEqual(4 * 80 - 20)
    expect(elapsed).toBeLessThan(5 * 80 + 2_000)
  })

  it('completes the response at the emitter timeout and forgets the session', async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, emitterTimeoutMs: 150 })
    const token = await login(sim)
    const stream = open('/api/sse/connect?sessionKey=t1', authHeaders(sim, token))
    await stream.until((t) => t.includes('retry:1000'))
    expect(sim.control.stats().sseSessions).toBe(1)
    // A completed chunked body ends with the zero-length chunk.
    await stream.until((t) => t.endsWith('0\r\n\r\n'))
    expect(sim.control.stats().sseSessions).toBe(0)
  })

  it('answers 401 with the Result JSON and code 7 without a token', async () => {
    sim = await startSimulator(TEST_OPTIONS)
    const res = await fetch(`${sim.url}/api/sse/connect?sessionKey=x`)
    expect(res.status).toBe(401)
    const body = await readJson(res)
    expect(body).toMatchObject({ data: null, code: 7, msg: 'Can Not Read Token', success: false })
  })

  it('streams a Jvm every jvmIntervalMs on getJvmInfo, under a server-made uuid topic, plus heartbeats', async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, jvmIntervalMs: 60, heartbeatMs: 100 })
    const token = await login(sim)
    const stream = open('/api/monitor/getJvmInfo', authHeaders(sim, token))
    await stream.until(
      (t) =>
        dataEvents(t).filter((e) => e.topic !== 'HEART_BEAT').length >= 2 &&
        t.includes('HEART_BEAT')
    )
    const jvm = dataEvents(stream.text).filter((e) => e.topic !== 'HEART_BEAT')
    expect(jvm[0].topic).toBe(jvm[0].sessionKey)
    expect(jvm[0].topic).toMatch(/^[0-9a-f-]{36}$/)
    expect(Object.keys(jvm[0].data)).toEqual([
      'total',
      'max',
      'free',
      'cpuUsed',
      'nonHeapMax',
      'nonHeapUsed',
      'heapMax',
      'heapUsed',
      'threadPeakCount',
      'threadCount',
      'version',
      'home'
    ])
    stream.close()
    // The JVM loop stops once its session is gone: only the heartbeat and pace timers remain.
    await waitUntil('the JVM session to be gone', () => sim.control.stats().sseSessions === 0, {
      state: () => sim.control.stats()
    })
  })
})
