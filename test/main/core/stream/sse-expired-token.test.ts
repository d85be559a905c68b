/**
 * Issue 21: Dinky 1.0/1.1 refuse a dead token on an SSE endpoint with an empty HTTP 500 (their 401 JSON cannot be
 * written for `Accept: text/event-stream`). The SSE transports ask `/api/tokenInfo` before taking a 5xx on connect
 * for a server fault, so the supervisor logs in again; a 500 while the token holds stays a server fault.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import { silentLogger } from '../../../../src/main/core/logger'
import {
  createSseJvmTransport,
  createSseTopicTransport
} from '../../../../src/main/core/stream/sse-transports'
import type {
  StreamCloseInfo,
  StreamHandlers,
  StreamTransport
} from '../../../../src/main/core/stream/transport'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'

/** Connects once and resolves with the close the transport reports (a deadline fails a stuck test). */
function closeOf(transport: StreamTransport): Promise<StreamCloseInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no close reported')), 5_000)
    const ignore = () => undefined
    const handlers: StreamHandlers = {
      onOpen: () => reject(new Error('the stream opened')),
      onActivity: ignore,
      onHeartbeat: ignore,
      onMessage: ignore,
      onRetry: ignore,
      onSubscribed: ignore,
      onClose: (info) => {
        clearTimeout(timer)
        resolve(info)
      }
    } as StreamHandlers
    transport.connect(handlers)
  })
}

describe('SSE connect with a dead token', () => {
  let sim: Simulator | null = null
  let server: Server | null = null
  afterEach(async () => {
    await sim?.close()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    sim = server = null
  })

  it('the simulator answers like Dinky: an empty 500 for an EventSource, the 401 JSON for JSON', async () => {
    sim = await startSimulator({ version: '1.1.0', tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    const stream = await fetch(`${sim.url}/api/sse/connect?sessionKey=k`, {
      headers: { accept: 'text/event-stream', token: 'gone' }
    })
    expect(stream.status).toBe(500)
    expect(stream.headers.get('content-type')).toBeNull()
    expect(await stream.text()).toBe('')
    const json = await fetch(`${sim.url}/api/monitor/getJvmInfo`, {
      headers: { accept: 'text/event-stream, application/json;q=0.5', token: 'gone' }
    })
    expect(json.status).toBe(401)
    expect(await json.json()).toMatchObject({ code: 7, msg: 'Invalid Token' })
  })

  for (const [name, create] of [
    ['topic', createSseTopicTransport],
    ['JVM', createSseJvmTransport]
  ] as const) {
    it(`the ${name} stream reports an expired token as token-expired, not a server fault`, async () => {
      sim = await startSimulator({ version: '1.1.0', tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
      const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
      await client.login('admin', 'dinky123!@#')
      sim.control.expireTokens()
      const info = await closeOf(create({ client, logger: silentLogger }))
      expect(info).toMatchObject({ reason: 'token-expired', status: 500, wasOpen: false })
      expect(info.detail).toContain('Expired Token')
    })
  }

  it('a 500 on connect while the token holds stays a server fault', async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/api/tokenInfo')) {
        res.writeHead(200, { 'content-type': 'application/json' })
        const data = { tokenName: 'token', isLogin: true, loginId: '1', tokenTimeout: 100 }
        res.end(JSON.stringify({ data, code: 0, msg: 'Successfully', time: null, success: true }))
        return
      }
      res.writeHead(500, { 'content-length': '0' })
      res.end()
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const client = createDinkyClient({ baseUrl: url, logger: silentLogger })
    const info = await closeOf(createSseTopicTransport({ client, logger: silentLogger }))
    expect(info).toMatchObject({ reason: 'http-5xx', status: 500 })
  })
})
