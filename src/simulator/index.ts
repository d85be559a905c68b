/**
 * The Dinky simulator as a library: `startSimulator(options) → { url, port, control, close }`. It is our Dinky
 * for the demo, the integration and end-to-end tests and the benchmarks, so it speaks Dinky's protocol to the
 * byte (REST + SSE for 1.0.2–1.1, REST + WebSocket for 1.2). Composition root only: the parts live beside it.
 */

import { ConsoleCopies } from './console-copies'
import { createControl, type SimulatorControl, type StreamHub } from './control'
import { startDemoFaults } from './demo-faults'
import { Faults } from './faults'
import { createAdminHandler } from './http/admin-routes'
import { TokenStore } from './http/auth'
import { Language } from './http/envelope'
import { HttpListener } from './http/http-listener'
import { createPipeline } from './http/pipeline'
import { Router } from './http/router'
import { authRoutes } from './http/routes-auth'
import { infraRoutes } from './http/routes-infra'
import { jobRoutes } from './http/routes-jobs'
import { jobDetailRoutes } from './http/routes-job-detail'
import { monitorRoutes } from './http/routes-monitor'
import { flinkProxyRoutes } from './http/routes-flink-proxy'
import { startMetricsPace } from './metrics-pace'
import { isWebSocketVersion, resolveOptions, type SimulatorOptions } from './options'
import type { SimState } from './sim-state'
import { JvmWorkerPool } from './sse/jvm-worker-pool'
import { SseHub } from './sse/sse-hub'
import { bridgeWorldToSse, sseRoutes } from './sse/sse-routes'
import { TimerRegistry } from './timer-registry'
import { World } from './world/world'
import { startWorldPace } from './world-pace'
import { attachWebSocket } from './ws/ws-attach'

export type { SimulatorOptions } from './options'
export type { SimulatorControl, SimulatorStats } from './control'
export type { FirehoseOptions, FirehoseReport } from './firehose'

export interface Simulator {
  /** `http://host:port`, no trailing slash. */
  url: string
  port: number
  version: string
  /** `token` for 1.0–1.1, `dinky-token` for 1.2+. */
  tokenName: string
  control: SimulatorControl
  /** Stops listening, cuts every stream and clears every timer; idempotent. */
  close(): Promise<void>
}

/** Starts a simulated Dinky; why a library: tests and the demo run it in-process on a free port. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const opts = resolveOptions(options)
  const timers = new TimerRegistry()
  const webSocketMode = isWebSocketVersion(opts.version)
  const tokenName = webSocketMode ? 'dinky-token' : 'token'
  const world = new World({
    seed: opts.seed,
    now: opts.now,
    submissionLines: opts.submissionLines,
    jobs: opts.jobs,
    // Per minute at the default pace; a manual world (tickMs 0) churns as if ticked every 5 s.
    churnPerTick: (opts.churnPerMinute * (opts.tickMs > 0 ? opts.tickMs : 5_000)) / 60_000
  })
  world.writesRestartCount = !opts.nullRestartCount
  const sse = new SseHub({
    emitterTimeoutMs: opts.emitterTimeoutMs,
    heartbeatMs: opts.heartbeatMs,
    timers
  })
  const state: SimState = {
    options: opts,
    tokenName,
    webSocketMode,
    world,
    tokens: new TokenStore(tokenName, opts.tokenTtlMs, opts.now),
    language: new Language(opts.language),
    sse,
    jvmWorkers: new JvmWorkerPool(opts.jvmWorkers),
    timers,
    requestsByPath: new Map(),
    consoleCopies: new ConsoleCopies(world.console),
    malformedClusterList: false
  }
  const router = new Router().add(authRoutes(state)).add(jobRoutes(state)).add(infraRoutes(state))
  router.add(jobDetailRoutes(state))
  router.add(monitorRoutes(state))
  router.add(flinkProxyRoutes(state))
  const disposers: Array<() => void> = []
  if (!webSocketMode) {
    router.add(sseRoutes(state))
    disposers.push(bridgeWorldToSse(state))
    sse.startHeartbeat()
  }
  const faults = new Faults()
  let control: SimulatorControl | null = null
  const admin = createAdminHandler(() => control as SimulatorControl)
  const listener = new HttpListener(createPipeline({ state, router, faults, admin }), opts.host)
  const hubs: StreamHub[] = [sse]
  if (webSocketMode) {
    const ws = attachWebSocket(state, listener.server, faults)
    hubs.push(ws.hub)
    disposers.push(ws.dispose)
  }
  control = createControl({
    state,
    faults,
    listener,
    hubs: () => hubs,
    onRestart: () => state.jvmWorkers.reset()
  })
  disposers.push(startWorldPace(state))
  disposers.push(startMetricsPace(state))
  disposers.push(startDemoFaults(state, control.jobHealth))
  const port = await listener.listen(opts.port)
  let closing: Promise<void> | null = null
  return {
    url: `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`,
    port,
    version: opts.version,
    tokenName,
    control,
    close: () => {
      closing ??= (async () => {
        for (const dispose of disposers.reverse()) dispose()
        for (const hub of hubs) hub.closeAll()
        timers.clearAll()
        await listener.stop()
      })()
      return closing
    }
  }
}
