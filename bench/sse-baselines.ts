/**
 * The two floors `ingest` is compared with, on the same simulator and the same event sizes: `eventsource-parser`
 * fed the raw response bytes (the least work that still finds events), and the bare `eventsource` package (what
 * any SSE client pays). Both only count events; neither parses JSON.
 */
import { randomUUID } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { EventSource } from 'eventsource'
import { createParser } from 'eventsource-parser'

/** Counts events between the first and the last one seen. */
export class EventCounter {
  count = 0
  firstAt = 0
  lastAt = 0

  reset(): void {
    this.count = 0
    this.firstAt = this.lastAt = 0
  }

  hit(): void {
    const now = performance.now()
    if (this.count === 0) this.firstAt = now
    this.lastAt = now
    this.count++
  }

  /** Events per second over the span they arrived in. */
  rate(): number {
    const seconds = (this.lastAt - this.firstAt) / 1000
    return seconds > 0 ? (this.count - 1) / seconds : 0
  }
}

/** Logs in as Dinky's seed admin; returns the token Dinky sends back in the `token` header. */
export async function loginToken(baseUrl: string): Promise<string> {
  const response = await fetch(new URL('/api/login', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username: 'admin',
      password: 'dinky123!@#',
      autoLogin: true,
      ldapLogin: false
    })
  })
  const token = response.headers.get('token')
  await response.arrayBuffer()
  if (!token) throw new Error(`login failed: HTTP ${response.status}`)
  return token
}

async function subscribe(baseUrl: string, token: string, sessionKey: string, topic: string) {
  const response = await fetch(new URL('/api/sse/subscribeTopic', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', token },
    body: JSON.stringify({ sessionKey, topics: [topic] })
  })
  await response.arrayBuffer()
}

export interface BaselineConsumer {
  counter: EventCounter
  close(): void
}

/** A `HEART_BEAT` frame is ~90 characters; a console event is longer (cheaper than searching the data). */
const HEARTBEAT_MAX_CHARS = 200

const topicOf = (processName: string) => `/TOPIC/PROCESS_CONSOLE/${processName}`

/** Raw HTTP bytes into eventsource-parser: the parsing floor. */
export async function startParserConsumer(
  baseUrl: string,
  processName: string
): Promise<BaselineConsumer> {
  const token = await loginToken(baseUrl)
  const sessionKey = randomUUID()
  const counter = new EventCounter()
  const parser = createParser({
    onEvent: (event) => {
      if (event.data.length > HEARTBEAT_MAX_CHARS) counter.hit()
    }
  })
  const url = new URL(`/api/sse/connect?sessionKey=${sessionKey}`, baseUrl)
  const req = httpRequest(url, { headers: { token, Accept: 'text/event-stream' } })
  await new Promise<void>((resolve, reject) => {
    req.once('response', (res) => {
      res.setEncoding('utf8')
      res.on('data', (text: string) => parser.feed(text))
      res.on('error', () => undefined)
      resolve()
    })
    req.once('error', reject)
    req.end()
  })
  await subscribe(baseUrl, token, sessionKey, topicOf(processName))
  return { counter, close: () => req.destroy() }
}

/** The bare `eventsource` package with a `message` listener. */
export async function startEventSourceConsumer(
  baseUrl: string,
  processName: string
): Promise<BaselineConsumer> {
  const token = await loginToken(baseUrl)
  const sessionKey = randomUUID()
  const counter = new EventCounter()
  const source = new EventSource(new URL(`/api/sse/connect?sessionKey=${sessionKey}`, baseUrl), {
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as object), token } })
  })
  source.onmessage = (event) => {
    if (event.data.length > HEARTBEAT_MAX_CHARS) counter.hit()
  }
  await new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve()
    source.onerror = (error) => reject(new Error(`eventsource failed: ${error.message}`))
  })
  source.onerror = null
  await subscribe(baseUrl, token, sessionKey, topicOf(processName))
  return { counter, close: () => source.close() }
}
