/**
 * Helpers for simulator tests over real loopback HTTP: log in, call the API with the token and tenant cookie,
 * and read a stream from a raw TCP socket (bytes as sent, no SSE parser in between).
 */

import { connect, type Socket } from 'node:net'
import type { Simulator } from '../../src/simulator/index'

/** Parsed JSON as tests read it: assertions, not types, check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export const ACCOUNT = { username: 'admin', password: 'dinky123!@#' }

/** Quiet, fast defaults for tests: no world pace unless a test asks for it. */
export const TEST_OPTIONS = { tickMs: 0, logRate: 0, heartbeatMs: 60_000 } as const

export async function login(sim: Simulator): Promise<string> {
  const res = await fetch(`${sim.url}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...ACCOUNT, autoLogin: true, ldapLogin: false })
  })
  const token = res.headers.get(sim.tokenName)
  await res.text()
  if (!token) throw new Error('login returned no token')
  return token
}

export function authHeaders(sim: Simulator, token: string): Record<string, string> {
  return { [sim.tokenName]: token, Cookie: 'tenantId=1' }
}

export async function getJson(
  sim: Simulator,
  token: string,
  path: string
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${sim.url}${path}`, { headers: authHeaders(sim, token) })
  return { status: res.status, body: await res.json() }
}

export async function postJson(
  sim: Simulator,
  token: string,
  path: string,
  body: unknown
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { ...authHeaders(sim, token), 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  })
  return { status: res.status, body: await res.json() }
}

/** A raw HTTP/1.1 exchange on a TCP socket: everything the server writes, as text, as it arrives. */
export class RawStream {
  text = ''
  ended = false
  error: Error | null = null
  private readonly socket: Socket
  private waiters: Array<() => void> = []

  constructor(sim: Simulator, path: string, headers: Record<string, string>) {
    this.socket = connect(sim.port, '127.0.0.1')
    const lines = [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Accept: text/event-stream']
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
    this.socket.write(`${lines.join('\r\n')}\r\n\r\n`)
    this.socket.on('data', (chunk: Buffer) => {
      this.text += chunk.toString('utf8')
      this.wake()
    })
    this.socket.on('error', (error) => {
      this.error = error
    })
    this.socket.on('close', () => {
      this.ended = true
      this.wake()
    })
  }

  /**
   * Waits until `predicate(text)` holds or the socket closes. `timeoutMs` only ends a stuck test, so it is generous
   * (a loaded machine delays the event, it does not lose it).
   */
  async until(predicate: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs
    while (!predicate(this.text)) {
      if (this.ended)
        throw new Error(`stream ended before the condition held:\n${this.text.slice(-500)}`)
      const left = deadline - Date.now()
      if (left <= 0)
        throw new Error(
          `timed out after ${timeoutMs} ms waiting on the stream; got:\n${this.text.slice(-500)}`
        )
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    return this.text
  }

  async closed(timeoutMs = 10_000): Promise<void> {
    await this.until(() => this.ended, timeoutMs).catch((error: Error) => {
      if (!this.ended) throw error
    })
  }

  /** Stops reading: the kernel buffers fill and the server sees backpressure. */
  pause(): void {
    this.socket.pause()
  }

  resume(): void {
    this.socket.resume()
  }

  close(): void {
    this.socket.destroy()
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const waiter of waiters) waiter()
  }
}

/** The JSON payloads of every `data:` line seen so far (for chunked bodies, chunk-size lines are skipped). */
export function dataEvents(text: string): Json[] {
  const lines = text.split('\n')
  lines.pop() // the last piece may be a line still arriving
  return lines
    .filter((line) => line.startsWith('data:'))
    .map((line) => JSON.parse(line.slice('data:'.length)))
}

/** The body as JSON, typed loosely for assertions (fetch's `json()` is `unknown`). */
export async function readJson(res: Response): Promise<Json> {
  return (await res.json()) as Json
}
