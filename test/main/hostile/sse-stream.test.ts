/**
 * Hostile server on the SSE transport, under the real supervisor: a `retry:` meant to overflow timers, megabytes of
 * `retry:` digits, an endless `data:` line (fast: the size cap; slow: the watchdog), events that are too big, and
 * the garbage that was already handled well (invalid JSON, wrong shapes, invalid UTF-8, a 20 MB event).
 */
import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionState } from '../../../src/shared/connection'
import { MAX_TIMER_DELAY_MS } from '../../../src/main/core/connection/backoff'
import { createStreamSupervisor } from '../../../src/main/core/connection/supervisor'
import type { StreamSupervisor } from '../../../src/main/core/connection/supervisor-api'
import { createDinkyClient } from '../../../src/main/core/dinky/client'
import { silentLogger } from '../../../src/main/core/logger'
import { systemClock } from '../../../src/main/core/ports'
import { createSseTopicTransport } from '../../../src/main/core/stream/sse-transports'
import type { StreamMessage } from '../../../src/main/core/stream/transport'
import { HOSTILE_PASSWORD, startHostileServer, type HostileServer } from './hostile-server'
import { STUCK_MS, waitUntil } from '../../support/wait-until'

const CONNECT = '/api/sse/connect'
const PROCESS = 'FlinkSubmit/1'
let server: HostileServer | null = null
let supervisor: StreamSupervisor | null = null
afterEach(async () => {
  await supervisor?.stop()
  await server?.close()
  server = supervisor = null
})

const frame = (topic: string, data: unknown) =>
  `data:${JSON.stringify({ sessionKey: 'k', topic, data })}\n\n`
const heartbeat = () => frame('HEART_BEAT', 'heart')
const consoleEvent = (log: string) =>
  frame(`/TOPIC/PROCESS_CONSOLE/${PROCESS}`, { key: 'run-1', log, status: 'RUNNING' })

interface Run {
  server: HostileServer
  states: ConnectionState[]
  messages: StreamMessage[]
  opens(): number
  waitFor(check: () => boolean, timeoutMs?: number): Promise<void>
}

async function supervise(options: {
  backoff?: { baseMs: number; maxMs: number }
  heartbeatTimeoutMs?: number
  maxEventBytes?: number
}): Promise<Run> {
  server = await startHostileServer()
  const client = createDinkyClient({ baseUrl: server.url, logger: silentLogger })
  await client.login('admin', HOSTILE_PASSWORD)
  const transport = createSseTopicTransport({
    client,
    logger: silentLogger,
    maxEventBytes: options.maxEventBytes
  })
  transport.setTopics({ processes: [PROCESS], metrics: [], printTables: [] })
  const states: ConnectionState[] = []
  const messages: StreamMessage[] = []
  const s = server
  supervisor = createStreamSupervisor({
    transport,
    clock: systemClock,
    logger: silentLogger,
    backoff: { resetAfterMs: 60_000, ...(options.backoff ?? { baseMs: 50, maxMs: 200 }) },
    heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 5_000,
    honourServerRetry: true,
    onState: (state) => states.push(state),
    onMessage: (message) => messages.push(message)
  })
  supervisor.start()
  return {
    server: s,
    states,
    messages,
    opens: () => s.requests.filter((r) => r.path === CONNECT).length,
    async waitFor(check, timeoutMs = STUCK_MS) {
      await waitUntil('the stream', check, { timeoutMs, state: () => JSON.stringify(states) })
    }
  }
}

const reconnecting = (states: ConnectionState[]) =>
  states.filter(
    (s): s is Extract<ConnectionState, { kind: 'reconnecting' }> => s.kind === 'reconnecting'
  )

/** Answers every stream with `first`, then (optionally) ends it after `endAfterMs`. */
function everyStream(run: Run, first: string | Buffer, endAfterMs: number | null) {
  const answer = async () => {
    for (;;) {
      const res: ServerResponse = await run.server.nextStream(CONNECT)
      res.write(first)
      if (endAfterMs !== null) setTimeout(() => res.end(), endAfterMs)
    }
  }
  void answer()
}

describe('the SSE stream against a hostile server', () => {
  it('takes retry:999999999999 only up to the backoff cap: reconnects at the capped pace, and says so', async () => {
    const run = await supervise({ backoff: { baseMs: 20, maxMs: 250 } })
    const startedAt = Date.now()
    everyStream(run, 'retry:999999999999\n\n' + heartbeat(), 30)
    await run.waitFor(() => run.opens() >= 5)
    const elapsed = Date.now() - startedAt
    // Before: Node fired the overflowing timer after 1 ms, 1,592 reconnects in 10 s. Now at most one per 250 ms
    // (a busy machine only stretches the time they take).
    expect(run.opens()).toBeGreaterThanOrEqual(3)
    expect(run.opens()).toBeLessThanOrEqual(elapsed / 250 + 2)
    // Each stream carried data before its cut, so the reconnects are the quiet kind (no attempt, no flap): whatever
    // a state line shows, it is the wait actually used, never the server's figure.
    const waits = reconnecting(run.states).map((s) => s.retryAt - s.since)
    expect(waits.every((wait) => wait <= 250)).toBe(true)
  })

  it('never lets eventsource arm a reconnect timer of its own from retry: (no TimeoutOverflowWarning)', async () => {
    const warnings: string[] = []
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`)
    process.on('warning', onWarning)
    // Every timer armed meanwhile, whoever arms it: none may carry the server's figure (or overflow).
    const armed = vi.spyOn(globalThis, 'setTimeout')
    try {
      const run = await supervise({ backoff: { baseMs: 20, maxMs: 250 } })
      // Each stream ends after 30 ms: eventsource's own reconnect would wait the server's figure.
      everyStream(run, 'retry:99999999999\n\n' + heartbeat(), 30)
      // The fourth open follows the third stream's end: eventsource has handled that end (and any retry:) by then.
      await run.waitFor(() => run.opens() >= 4)
      const hostile = armed.mock.calls.filter(([, ms]) => Number(ms) > MAX_TIMER_DELAY_MS)
      expect(warnings.filter((w) => w.startsWith('TimeoutOverflowWarning'))).toEqual([])
      expect(hostile.map(([, ms]) => ms)).toEqual([])
    } finally {
      armed.mockRestore()
      process.off('warning', onWarning)
    }
  })

  it('ignores megabytes of retry: digits without blocking the event loop, and keeps the stream live', async () => {
    const run = await supervise({ heartbeatTimeoutMs: 1_000 })
    const res = await run.server.nextStream(CONNECT)
    let longestStall = 0
    let last = performance.now()
    const ticker = setInterval(() => {
      const now = performance.now()
      longestStall = Math.max(longestStall, now - last)
      last = now
    }, 10)
    const digits = Buffer.alloc(256 * 1024, '9')
    res.write('retry:')
    for (let i = 0; i < 8; i++) res.write(digits) // 2 MB of digits on one line
    res.write('\n\n' + heartbeat())
    await run.waitFor(() => run.server.requests.some((r) => r.path === '/api/sse/subscribeTopic'))
    // An event after the digits and the heartbeat: once it is delivered, all of them have been parsed.
    res.write(heartbeat() + consoleEvent('after the digits'))
    await run.waitFor(() => run.messages.length >= 1)
    clearInterval(ticker)
    expect(run.states.at(-1)?.kind).toBe('live')
    expect(run.opens()).toBe(1)
    expect(longestStall).toBeLessThan(500)
  })

  it('drops an event past the cap with event-too-large and reconnects; memory stays bounded', async () => {
    const run = await supervise({ maxEventBytes: 4 * 1024 * 1024 })
    const res = await run.server.nextStream(CONNECT)
    res.write(heartbeat())
    await run.waitFor(() => run.states.at(-1)?.kind === 'live')
    const before = process.memoryUsage().rss
    const block = Buffer.alloc(1024 * 1024, 'x')
    res.write('data:')
    // An endless line: 64 MB written, well past the 4 MB cap; the client must stop reading long before.
    let written = 0
    while (written < 64 && !res.destroyed) {
      if (!res.write(block)) {
        await new Promise((resolve) => {
          res.once('drain', resolve)
          res.once('close', resolve)
        })
      }
      written++
    }
    await run.waitFor(() => reconnecting(run.states).some((s) => s.reason === 'event-too-large'))
    await run.waitFor(() => run.opens() >= 2)
    expect(written).toBeLessThan(64)
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024)
  }, 20_000)

  it('catches a slow endless line within the watchdog period: bytes are not events', async () => {
    const run = await supervise({ heartbeatTimeoutMs: 800 })
    const res = await run.server.nextStream(CONNECT)
    res.write(heartbeat())
    await run.waitFor(() => run.states.at(-1)?.kind === 'live')
    const liveAt = Date.now()
    res.write('data:')
    const drip = setInterval(() => res.write('x'.repeat(1024)), 50)
    try {
      await run.waitFor(() => reconnecting(run.states).some((s) => s.reason === 'heartbeat-lost'))
    } finally {
      clearInterval(drip)
    }
    expect(Date.now() - liveAt).toBeLessThan(800 + 1_000)
  })

  it('shows a whole 20 MB event and a 5 MB line, and shrugs off invalid JSON, wrong shapes and invalid UTF-8', async () => {
    const run = await supervise({})
    const res = await run.server.nextStream(CONNECT)
    res.write(heartbeat())
    await run.waitFor(() => run.states.at(-1)?.kind === 'live')
    res.write('data:{not json\n\n')
    res.write(frame(`/TOPIC/PROCESS_CONSOLE/${PROCESS}`, { key: 42, log: ['wrong'] }))
    res.write(
      Buffer.concat([
        Buffer.from('data:{"topic":"HEART_BEAT","data":"\xff'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}\n\n')
      ])
    )
    const fiveMbLine = 'y'.repeat(5 * 1024 * 1024)
    const twentyMb = Array.from({ length: 4 }, () => fiveMbLine).join('\n')
    res.write(consoleEvent(twentyMb))
    await run.waitFor(() => run.messages.length === 1, 20_000)
    const message = run.messages[0]!
    expect(message.topic).toBe('PROCESS_CONSOLE')
    if (message.topic === 'PROCESS_CONSOLE') expect(message.data.log.length).toBe(twentyMb.length)
    expect(run.opens()).toBe(1)
    expect(run.states.at(-1)?.kind).toBe('live')
  }, 30_000)
})
