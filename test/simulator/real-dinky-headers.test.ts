/**
 * Response headers as a real Dinky 1.1.0 (Tomcat) sends them: Spring's three `Vary` lines on JSON answers and on
 * the SSE stream, whose head is otherwise only `Content-Type: text/event-stream` (no charset) and chunked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { authHeaders, login, RawStream, TEST_OPTIONS } from './helpers'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ ...TEST_OPTIONS, heartbeatMs: 100 })
})
afterAll(() => sim.close())

const VARY =
  /\r\nVary: Origin\r\nVary: Access-Control-Request-Method\r\nVary: Access-Control-Request-Headers\r\n/

describe('headers of a real Dinky 1.1.0', () => {
  it('sends three Vary lines on the SSE stream, then text/event-stream without charset, chunked', async () => {
    const token = await login(sim)
    const stream = new RawStream(sim, '/api/sse/connect?sessionKey=h1', authHeaders(sim, token))
    try {
      const text = await stream.until((t) => t.includes('\r\n\r\n'))
      const head = text.slice(0, text.indexOf('\r\n\r\n') + 2)
      expect(head).toMatch(VARY)
      expect(head).toMatch(/\r\nContent-Type: text\/event-stream\r\n/)
      expect(head).toMatch(/\r\nTransfer-Encoding: chunked\r\n/)
      expect(head).not.toMatch(/Cache-Control|charset/i)
    } finally {
      stream.close()
    }
  })

  it('sends them on JSON answers and on errors', async () => {
    for (const path of ['/api/version', '/api/nope']) {
      const res = await fetch(`${sim.url}${path}`)
      expect(res.headers.get('vary')).toBe(
        'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'
      )
      await res.text()
    }
  })

  it("writes Spring's 404 timestamp as yyyy-MM-dd HH:mm:ss in GMT+8", async () => {
    const before = Date.now()
    const body = (await (await fetch(`${sim.url}/api/nope`)).json()) as { timestamp: string }
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    const asUtc = Date.parse(body.timestamp.replace(' ', 'T') + 'Z')
    expect(Math.abs(asUtc - 8 * 3600_000 - before)).toBeLessThan(60_000)
  })
})
