/**
 * `reconnect`: the topic stream under its real supervisor against the simulator, through repeated faults. Drops:
 * the server stops listening for a moment (every connection cut) and comes back; we time from "listening again"
 * to the stream being open again. Stalls: the stream stays connected but goes silent; we time from the stall to
 * the watchdog closing it, against the configured watchdog timeout.
 */
import { createReloginGate } from '../src/main/core/connection/relogin-gate'
import { createStreamSupervisor } from '../src/main/core/connection/supervisor'
import { createDinkyClient } from '../src/main/core/dinky/client'
import { silentLogger } from '../src/main/core/logger'
import { systemClock } from '../src/main/core/ports'
import { createSseTopicTransport } from '../src/main/core/stream/sse-transports'
import type { StreamTransport } from '../src/main/core/stream/transport'
import { startSimulator } from '../src/simulator/index'
import { median, round, type BenchOptions, type BenchResult } from './bench-types'

const HEARTBEAT_MS = 100
const WATCHDOG_MS = 300
const DOWN_MS = 200

/** Wraps a transport to note when connections open and when the supervisor closes one. */
function observed(transport: StreamTransport) {
  const opens: number[] = []
  const closes: number[] = []
  const wrapped: StreamTransport = Object.assign(Object.create(transport) as StreamTransport, {
    connect: (handlers: Parameters<StreamTransport['connect']>[0]) => {
      const connection = transport.connect({
        ...handlers,
        onOpen: (info) => {
          opens.push(performance.now())
          handlers.onOpen(info)
        }
      })
      return {
        close: () => {
          closes.push(performance.now())
          connection.close()
        }
      }
    }
  })
  return { transport: wrapped, opens, closes }
}

async function until<T>(what: string, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (performance.now() > deadline) throw new Error(`reconnect: timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

/** Runs `cycles` drops, then `cycles` stalls, on one supervised stream. */
export async function runReconnect(options: BenchOptions): Promise<BenchResult> {
  const cycles = options.quick ? 3 : 20
  const sim = await startSimulator({ port: 0, heartbeatMs: HEARTBEAT_MS, tickMs: 0, logRate: 0 })
  const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
  await client.login('admin', 'dinky123!@#', 1)
  const watched = observed(createSseTopicTransport({ client, logger: silentLogger }))
  const supervisor = createStreamSupervisor({
    transport: watched.transport,
    clock: systemClock,
    logger: silentLogger,
    heartbeatTimeoutMs: WATCHDOG_MS,
    backoff: { baseMs: 100, maxMs: 1_000 },
    relogin: createReloginGate({ clock: systemClock, login: () => client.relogin() }),
    onState: () => undefined,
    onMessage: () => undefined
  })
  const backToLive: number[] = []
  const stallDetect: number[] = []
  try {
    supervisor.start()
    await until('the first open', () => watched.opens[0])
    options.log(`reconnect: ${cycles} drops of ${DOWN_MS} ms`)
    for (let i = 0; i < cycles; i++) {
      const opened = watched.opens.length
      await sim.control.refuseConnections(DOWN_MS)
      const backAt = performance.now()
      const openAt = await until('the stream back', () => watched.opens[opened])
      backToLive.push(openAt - backAt)
      await new Promise((resolve) => setTimeout(resolve, 2 * HEARTBEAT_MS))
    }
    options.log(`reconnect: ${cycles} stalls, watchdog ${WATCHDOG_MS} ms`)
    for (let i = 0; i < cycles; i++) {
      const closed = watched.closes.length
      const opened = watched.opens.length
      sim.control.stallStreams()
      const stalledAt = performance.now()
      const closeAt = await until('the watchdog', () => watched.closes[closed])
      stallDetect.push(closeAt - stalledAt)
      await until('the stream back', () => watched.opens[opened])
      await new Promise((resolve) => setTimeout(resolve, 2 * HEARTBEAT_MS))
    }
  } finally {
    await supervisor.stop()
    await sim.close()
  }
  const detectP50 = median(stallDetect)
  return {
    name: 'reconnect',
    figures: {
      back_to_live_ms_p50: round(median(backToLive)),
      back_to_live_ms_max: round(Math.max(...backToLive)),
      stall_detect_ms_p50: round(detectP50),
      stall_detect_ms_max: round(Math.max(...stallDetect)),
      watchdog_ms: WATCHDOG_MS,
      heartbeat_ms: HEARTBEAT_MS,
      server_retry_ms: 1_000,
      drops: backToLive.length,
      stalls: stallDetect.length
    },
    verdicts: [
      `stall detected in ${round(detectP50)} ms p50 against a ${WATCHDOG_MS} ms watchdog ` +
        `(${detectP50 <= WATCHDOG_MS + HEARTBEAT_MS ? 'within one heartbeat of it' : 'LATE'})`
    ],
    method:
      `Real SSE transport and supervisor, simulator heartbeat ${HEARTBEAT_MS} ms, watchdog ${WATCHDOG_MS} ms. ` +
      `Drop = the server refuses connections for ${DOWN_MS} ms (tokens kept); back-to-live is from listening ` +
      "again to the stream's next open, so it includes the reconnect delay, floored by Dinky's retry:1000."
  }
}
