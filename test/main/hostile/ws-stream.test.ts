/**
 * Hostile server on Dinky 1.2's WebSocket: a message past the size cap, fragmented messages, a frame that never
 * ends, binary frames that prove nothing, and the close codes a server may choose.
 */
import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import type { ConnectionState } from '../../../src/shared/connection'
import { createStreamSupervisor } from '../../../src/main/core/connection/supervisor'
import type { StreamSupervisor } from '../../../src/main/core/connection/supervisor-api'
import { createDinkyClient } from '../../../src/main/core/dinky/client'
import { silentLogger } from '../../../src/main/core/logger'
import { systemClock } from '../../../src/main/core/ports'
import type { StreamMessage } from '../../../src/main/core/stream/transport'
import { createWsTransport } from '../../../src/main/core/stream/ws-transport'
import { HOSTILE_PASSWORD, startHostileServer, type HostileServer } from './hostile-server'
import { STUCK_MS, waitUntil } from '../../support/wait-until'

let server: HostileServer | null = null
let supervisor: StreamSupervisor | null = null
afterEach(async () => {
  await supervisor?.stop()
  await server?.close()
  server = supervisor = null
})

const JVM = {
  total: 1,
  max: 2,
  free: 1,
  cpuUsed: 0.1,
  nonHeapMax: 1,
  nonHeapUsed: 1,
  heapMax: 1024,
  heapUsed: 512,
  threadPeakCount: 1,
  threadCount: 1
}
const jvmFrame = () => JSON.stringify({ topic: 'JVM_INFO', data: { 'none-params': JVM } })

interface Run {
  server: HostileServer
  states: ConnectionState[]
  messages: StreamMessage[]
  waitFor(check: () => boolean, timeoutMs?: number): Promise<void>
}

async function supervise(options: { heartbeatTimeoutMs?: number; maxEventBytes?: number }) {
  server = await startHostileServer({ version: '1.2.0' })
  const client = createDinkyClient({ baseUrl: server.url, logger: silentLogger })
  await client.login('admin', HOSTILE_PASSWORD)
  const transport = createWsTransport({
    client,
    logger: silentLogger,
    maxEventBytes: options.maxEventBytes,
    pingIntervalMs: 60_000
  })
  const states: ConnectionState[] = []
  const messages: StreamMessage[] = []
  supervisor = createStreamSupervisor({
    transport,
    clock: systemClock,
    logger: silentLogger,
    backoff: { baseMs: 50, maxMs: 200, resetAfterMs: 60_000 },
    heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 5_000,
    onState: (state) => states.push(state),
    onMessage: (message) => messages.push(message)
  })
  const first = server.nextSocket()
  supervisor.start()
  const run: Run = {
    server,
    states,
    messages,
    async waitFor(check, timeoutMs = STUCK_MS) {
      await waitUntil('the stream', check, { timeoutMs, state: () => JSON.stringify(states) })
    }
  }
  const socket = await first
  await run.waitFor(() => run.server.requests.some((r) => r.method === 'WS'))
  socket.send(jvmFrame())
  await run.waitFor(() => states.at(-1)?.kind === 'live')
  return { run, socket }
}

const lastReason = (states: ConnectionState[]) => {
  const last = states.filter((s) => s.kind === 'reconnecting').at(-1)
  return last && 'reason' in last ? last.reason : null
}

/** The raw TCP socket under a server-side WebSocket, to write frames `ws` would never write. */
const rawSocket = (socket: WebSocket) => (socket as unknown as { _socket: Socket })._socket

describe('the WebSocket against a hostile server', () => {
  it('closes on a message past the cap with event-too-large, and reconnects', async () => {
    const { run, socket } = await supervise({ maxEventBytes: 1024 * 1024 })
    const next = run.server.nextSocket()
    socket.send('x'.repeat(2 * 1024 * 1024))
    await run.waitFor(() => lastReason(run.states) === 'event-too-large')
    await next
  })

  it('counts a message past the cap across fragments too, and takes fragmented messages within it', async () => {
    const { run, socket } = await supervise({ maxEventBytes: 1024 * 1024 })
    const text = jvmFrame()
    socket.send(text.slice(0, 10), { fin: false })
    socket.send(text.slice(10), { fin: true })
    await run.waitFor(() => run.messages.length === 2)
    expect(run.messages[1]).toMatchObject({ topic: 'JVM_INFO', data: { heapUsed: 512 } })
    const chunk = 'y'.repeat(300 * 1024)
    for (let i = 0; i < 5; i++) socket.send(chunk, { fin: false })
    await run.waitFor(() => lastReason(run.states) === 'event-too-large')
  })

  it('catches a frame that never ends within the watchdog period', async () => {
    const { run, socket } = await supervise({ heartbeatTimeoutMs: 800 })
    const raw = rawSocket(socket)
    // FIN + text, 64-bit length of 8 MB (within the cap), unmasked: then a trickle that never completes it.
    const header = Buffer.from([0x81, 127, 0, 0, 0, 0, 0, 0x80, 0, 0])
    raw.write(header)
    const started = Date.now()
    const drip = setInterval(() => raw.write(Buffer.alloc(512, 'z')), 50)
    try {
      await run.waitFor(() => lastReason(run.states) === 'heartbeat-lost')
    } finally {
      clearInterval(drip)
    }
    expect(Date.now() - started).toBeLessThan(800 + 1_000)
  })

  it('drops binary frames: they neither count as messages nor keep a silent subscription live', async () => {
    const { run, socket } = await supervise({ heartbeatTimeoutMs: 800 })
    const spam = setInterval(() => socket.send(Buffer.from(jvmFrame()), { binary: true }), 50)
    try {
      await run.waitFor(() => lastReason(run.states) === 'heartbeat-lost')
    } finally {
      clearInterval(spam)
    }
    expect(run.messages).toHaveLength(1)
  })

  it.each([
    [1009, 'event-too-large'],
    [1011, 'http-5xx'],
    [4000, 'connection-reset'],
    [1008, 'connection-reset']
  ] as const)('classifies close code %i as %s', async (code, reason) => {
    const { run, socket } = await supervise({})
    // A stable close (1000/1001) reconnects invisibly; these are failures, shown as such.
    socket.close(code, 'hostile')
    await run.waitFor(() => lastReason(run.states) === reason)
  })
})
