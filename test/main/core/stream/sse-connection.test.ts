import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_TIMER_DELAY_MS } from '../../../../src/main/core/connection/backoff'
import { openSseConnection } from '../../../../src/main/core/stream/sse-connection'
import type { StreamCloseInfo, StreamOpenInfo } from '../../../../src/main/core/stream/transport'
import { waitUntil } from '../../../support/wait-until'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

const servers: Server[] = []

async function serve(handler: Handler): Promise<URL> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/sse/connect?k=1`)
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** Chunks of the body the connection has taken so far; the server paces its writes by it. */
let chunksTaken = 0

/** `fetch`, counting each body chunk as the connection takes it (nothing is read ahead of the connection). */
const countingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init)
  const reader = response.body?.getReader()
  if (!reader) return response
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read()
        if (done) return controller.close()
        chunksTaken++
        controller.enqueue(value)
      },
      cancel: (reason) => reader.cancel(reason)
    },
    { highWaterMark: 0 }
  )
  return new Response(body, { status: response.status, headers: response.headers })
}

/** Opens a connection and records everything it reports. */
function record(url: URL, onData?: (data: string) => void) {
  const seen = {
    opened: null as StreamOpenInfo | null,
    data: [] as string[],
    activity: 0,
    retries: [] as number[],
    closes: [] as StreamCloseInfo[]
  }
  let closed: (info: StreamCloseInfo) => void = () => undefined
  const ended = new Promise<StreamCloseInfo>((resolve) => (closed = resolve))
  chunksTaken = 0
  const connection = openSseConnection(url, countingFetch, {
    onOpen: (info) => (seen.opened = info),
    onData: (data) => (onData ? onData(data) : seen.data.push(data)),
    onActivity: () => seen.activity++,
    onRetry: (ms) => seen.retries.push(ms),
    onClose: (info) => {
      seen.closes.push(info)
      closed(info)
    }
  })
  return { seen, ended, connection }
}

const eventStream = (res: ServerResponse) =>
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'X-Token': 'secret' })

describe('openSseConnection', () => {
  it('delivers payloads split across chunks once each, with activity per complete event and the server retry', async () => {
    const euro = Buffer.from('data:{"v":"€"}\n\n')
    const url = await serve(async (_req, res) => {
      eventStream(res)
      const parts = [
        Buffer.from('\ufeffretry:1000\n\n'),
        Buffer.from('data:{"v":"one"'),
        Buffer.from('}\r\n\r\n: a comment\n\nevent:other\ndata:named\n\n'),
        euro.subarray(0, 11), // ends inside the three bytes of '€'
        euro.subarray(11)
      ]
      // Each part goes out once the connection has taken the one before: no two can arrive as one chunk.
      for (const [i, part] of parts.entries()) {
        res.write(part)
        await waitUntil(`the connection to take part ${i + 1}`, () => chunksTaken > i)
      }
      res.end()
    })
    const { seen, ended } = record(url)
    const info = await ended
    expect(seen.retries).toEqual([1000])
    expect(seen.data).toEqual(['{"v":"one"}', '{"v":"€"}'])
    // Chunks 1, 3 and 5 end events; 2 and 4 are halves of one: no sign of life on their own.
    expect(seen.activity).toBe(3)
    expect(seen.opened).toMatchObject({ status: 200, url: `${url.origin}${url.pathname}` })
    expect(seen.opened?.headers).not.toHaveProperty('x-token')
    expect(info).toEqual({
      reason: 'server-closed',
      detail: 'the server ended the stream',
      wasOpen: true
    })
    expect(seen.closes).toHaveLength(1)
  })

  it.each([
    [401, 'application/json', 'token-expired'],
    [204, null, 'http-204'],
    [502, 'text/html', 'proxy-html'],
    [200, 'text/html; charset=utf-8', 'wrong-content-type']
  ])('classifies an HTTP %i %s response as %s without opening', async (status, type, reason) => {
    const url = await serve((_req, res) => {
      res.writeHead(status, type ? { 'Content-Type': type } : {})
      res.end(status === 204 ? undefined : '<html>nope</html>')
    })
    const { seen, ended } = record(url)
    expect(await ended).toMatchObject({ reason, status, wasOpen: false })
    expect(seen.opened).toBeNull()
  })

  it('classifies a refused connection and a reset mid-stream', async () => {
    const refusedUrl = await serve(() => undefined)
    await new Promise((resolve) => servers.pop()?.close(resolve))
    expect(await record(refusedUrl).ended).toMatchObject({
      reason: 'connection-refused',
      wasOpen: false
    })

    const url = await serve((req, res) => {
      eventStream(res)
      // The reset comes once the connection has taken the event, not a guessed 20 ms later.
      res.write('data:{"v":1}\n\n')
      void waitUntil('the event taken', () => chunksTaken).then(() => req.socket.destroy())
    })
    const { seen, ended } = record(url)
    expect(await ended).toMatchObject({ reason: 'connection-reset', wasOpen: true })
    expect(seen.data).toEqual(['{"v":1}'])
  })

  it('stops delivering on close, reports no close and ends the request', async () => {
    let requestClosed: () => void = () => undefined
    const serverSawClose = new Promise<void>((resolve) => (requestClosed = resolve))
    const url = await serve((req, res) => {
      eventStream(res)
      res.write('data:first\n\n')
      const timer = setInterval(() => res.write('data:more\n\n'), 10)
      req.socket.on('close', () => {
        clearInterval(timer)
        requestClosed()
      })
    })
    const { seen, connection } = record(url)
    await waitUntil('the first payload', () => seen.data.length)
    connection.close()
    connection.close()
    const delivered = seen.data.length
    await serverSawClose
    // A loopback round trip after the server saw the close: anything still buffered would have come by now.
    const echo = await serve((_req, res) => res.end('echo'))
    expect(await (await fetch(echo)).text()).toBe('echo')
    expect(seen.data).toHaveLength(delivered)
    expect(seen.closes).toEqual([])
  })

  it('ends the connection, classified, when a handler throws on a payload', async () => {
    const url = await serve((_req, res) => {
      eventStream(res)
      res.write('data:boom\n\n')
    })
    const { ended } = record(url, () => {
      throw new Error('bad payload')
    })
    expect(await ended).toMatchObject({
      reason: 'malformed-response',
      detail: 'handler failed: Error: bad payload',
      wasOpen: true
    })
  })

  it('closes eventsource before it can reconnect by itself: every event delivered, one request, no timer of its own', async () => {
    let requests = 0
    const url = await serve((_req, res) => {
      requests++
      eventStream(res)
      // The last event and the end in one write: the end must not overtake the event.
      res.end('retry:99999999999\n\ndata:first\n\ndata:last\n\n')
    })
    const armed = vi.spyOn(globalThis, 'setTimeout')
    try {
      const { seen, ended } = record(url)
      // Nothing waits after the close: every event must have been delivered by the time it is reported.
      expect(await ended).toMatchObject({ reason: 'server-closed', wasOpen: true })
      expect(seen.data).toEqual(['first', 'last'])
      expect(seen.retries).toEqual([99999999999])
      expect(seen.closes).toHaveLength(1)
      expect(requests).toBe(1)
      // eventsource would arm its reconnect with the server's figure (undici's own timers are short).
      expect(armed.mock.calls.filter(([, ms]) => Number(ms) > MAX_TIMER_DELAY_MS)).toEqual([])
    } finally {
      armed.mockRestore()
    }
  })
})
