/**
 * `soak`: a real Session through a real nginx (Debian's, as a child process) in front of the simulator (its own
 * process), heartbeats every 200 ms, a random fault every 3–6 s (drop, stall, idle cut by a proxy whose read timeout
 * is below the heartbeat, proxy reload, simulator restart) and a console line appended every 200 ms throughout.
 * Figures: lines expected against lines shown (each once), main-process heap and open handles at the start and the
 * end, reconnects, and the time the event stream spent in each state.
 */
import { createMemoryCacheStore } from '../src/main/cli/memory-cache-store'
import { silentLogger } from '../src/main/core/logger'
import { Session } from '../src/main/core/session/session'
import type { ConnectionKind } from '../src/shared/connection'
import { createServerProfile, DEFAULT_APP_SETTINGS } from '../src/shared/profiles'
import { startNginx, type ProxyConfig } from '../test/support/nginx-proxy'
import { round, type BenchOptions, type BenchResult } from './bench-types'
import { retainedHeapMb } from './gc'
import { forkSimulator } from './sim/sim-process'

const HEARTBEAT_MS = 200
const APPEND_EVERY_MS = 200
const FAULTS = ['drop', 'stall', 'idle-cut', 'proxy-reload', 'restart'] as const
type Fault = (typeof FAULTS)[number]

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Handles that keep the event loop alive (sockets, timers, child pipes), the leak signal beside the heap. */
const openHandles = () => process.getActiveResourcesInfo().length

export async function runSoak(options: BenchOptions): Promise<BenchResult> {
  const durationMs = options.quick ? 60_000 : 10 * 60_000
  const sim = await forkSimulator({ heartbeatMs: HEARTBEAT_MS })
  const upstreamPort = Number(new URL(sim.url).port)
  const good: ProxyConfig = { profile: 'good', upstreamPort }
  const nginx = await startNginx(good)
  const cache = createMemoryCacheStore()
  const processName = sim.processName
  await sim.request({ op: 'begin' })
  const session = new Session({
    profile: createServerProfile({
      id: 'soak',
      name: 'soak',
      url: nginx.url,
      processes: [processName]
    }),
    settings: {
      ...DEFAULT_APP_SETTINGS,
      connection: {
        ...DEFAULT_APP_SETTINGS.connection,
        heartbeatTimeoutMs: 1_500,
        backoffBaseMs: 200,
        backoffMaxMs: 3_000,
        jobsPollMs: 5_000,
        clustersPollMs: 30_000
      }
    },
    cache: cache.profile('soak'),
    secrets: { password: () => 'dinky123!@#' },
    logger: silentLogger,
    requestTimeoutMs: 5_000
  })
  const seen = new Map<number, number>()
  const timeIn = new Map<ConnectionKind, number>()
  let kind: ConnectionKind = 'connecting'
  let kindSince = performance.now()
  const currentKind = (): ConnectionKind => kind
  const note = (next: ConnectionKind) => {
    const now = performance.now()
    timeIn.set(kind, (timeIn.get(kind) ?? 0) + now - kindSince)
    kind = next
    kindSince = now
  }
  session.subscribe(({ update }) => {
    if (update.type === 'state' && update.stream === 'topics') {
      note(update.state.kind)
      if (process.env['SOAK_TRACE'])
        options.log(
          `topics ${update.state.kind} ${'reason' in update.state ? update.state.reason : ''}`
        )
    }
    if (update.type === 'state' && update.stream === 'rest' && process.env['SOAK_TRACE'])
      options.log(
        `rest ${update.state.kind} ${'reason' in update.state ? update.state.reason : ''}`
      )
    if (update.type !== 'log' || update.chunk.stale) return
    for (const line of update.chunk.lines) {
      const match = /soak-line-(\d+)\./.exec(line)
      if (match) seen.set(Number(match[1]), (seen.get(Number(match[1])) ?? 0) + 1)
    }
  })
  const faults: Record<Fault, number> = {
    drop: 0,
    stall: 0,
    'idle-cut': 0,
    'proxy-reload': 0,
    restart: 0
  }
  let appended = 0
  let appending: ReturnType<typeof setInterval> | null = null
  try {
    session.start()
    const liveBy = Date.now() + 15_000
    while (session.snapshot().streams.topics.kind !== 'live') {
      if (Date.now() > liveBy) throw new Error('soak: the session never went live')
      await sleep(50)
    }
    await sleep(2_000)
    const heapStart = await retainedHeapMb()
    const handlesStart = openHandles()
    options.log(
      `soak: ${durationMs / 1000} s, heap ${heapStart.toFixed(1)} MB, handles ${handlesStart}`
    )
    appending = setInterval(() => {
      void sim.request({ op: 'append', lines: [`soak-line-${appended++}.`] })
    }, APPEND_EVERY_MS)
    const end = performance.now() + durationMs
    while (performance.now() < end) {
      await sleep(3_000 + Math.random() * 3_000)
      const fault = FAULTS[Math.floor(Math.random() * FAULTS.length)]
      faults[fault]++
      if (fault === 'drop') await sim.request({ op: 'drop' })
      else if (fault === 'stall') await sim.request({ op: 'stall' })
      else if (fault === 'restart') await sim.request({ op: 'restart', downMs: 500 })
      else if (fault === 'proxy-reload') await nginx.reload(good)
      else {
        // A proxy whose read timeout is below the heartbeat for a few seconds: streams are cut while idle.
        await nginx.reload({ profile: 'idle-timeout', upstreamPort, idleTimeoutMs: 150 })
        await sim.request({ op: 'stall' })
        await sleep(2_500)
        await nginx.reload(good)
      }
    }
    clearInterval(appending)
    appending = null
    options.log(`soak: faults ${JSON.stringify(faults)}; settling`)
    const settleBy = performance.now() + 30_000
    while (performance.now() < settleBy && (seen.size < appended || currentKind() !== 'live'))
      await sleep(200)
    await sleep(1_000)
    const heapEnd = await retainedHeapMb()
    const handlesEnd = openHandles()
    note(kind)
    const doubled = [...seen.values()].filter((count) => count > 1).length
    const seconds = (state: ConnectionKind) => round((timeIn.get(state) ?? 0) / 1000)
    const figures = {
      lines_expected: appended,
      lines_shown: seen.size,
      lines_doubled: doubled,
      heap_mb_start: round(heapStart),
      heap_mb_end: round(heapEnd),
      handles_start: handlesStart,
      handles_end: handlesEnd,
      reconnects: session.diagnostics().reconnects,
      faults: Object.values(faults).reduce((sum, n) => sum + n, 0),
      faults_by_kind: JSON.stringify(faults),
      live_s: seconds('live'),
      degraded_s: seconds('degraded'),
      reconnecting_s: seconds('reconnecting'),
      connecting_s: seconds('connecting'),
      other_s: round(
        (['offline', 'auth-expired', 'stopped'] as const).reduce(
          (sum, state) => sum + (timeIn.get(state) ?? 0),
          0
        ) / 1000
      ),
      duration_s: durationMs / 1000
    }
    const heapFlat = heapEnd - heapStart <= Math.max(1, heapStart * 0.1)
    return {
      name: 'soak',
      figures,
      verdicts: [
        `lines: ${seen.size} shown of ${appended} expected, ${doubled} doubled (${seen.size === appended && doubled === 0 ? 'met' : 'NOT MET'})`,
        `main heap ${round(heapStart)} → ${round(heapEnd)} MB (${heapFlat ? 'flat: within 10 % or 1 MB' : 'GREW'}); open handles ${handlesStart} → ${handlesEnd}`
      ],
      method:
        `A Session (SSE, Dinky 1.1 protocol) through Debian's nginx (buffering off, HTTP/1.1) in front of the ` +
        `simulator in its own process, heartbeats ${HEARTBEAT_MS} ms, watchdog 1.5 s; a random fault every 3–6 s ` +
        `(drop, stall, idle cut: nginx reloaded with proxy_read_timeout 150ms for 2.5 s, proxy reload, simulator ` +
        `restart down 0.5 s); one console line appended every ${APPEND_EVERY_MS} ms. Heap after GC.`
    }
  } finally {
    if (appending) clearInterval(appending)
    await session.stop()
    await nginx.stop()
    await sim.close()
    await cache.close()
  }
}
