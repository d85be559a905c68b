/**
 * `control`: how tests, benchmarks and the demo steer the simulator. Faults (drop, stall, heartbeats, tokens,
 * failed answers, forgotten sessions, restart, slowness, refused connections), world steps (fail, submit, cancel,
 * logs, clusters, ticks), a backpressure-respecting firehose, and counters for assertions.
 */

import type { FailureKind, Faults } from './faults'
import type { HttpListener } from './http/http-listener'
import type { SimState } from './sim-state'
import { runFirehose, type FirehoseOptions, type FirehoseReport } from './firehose'
import type { World } from './world/world'
import { createJobHealthControl, type JobHealthControl } from './job-health-control'

/** What a push transport (SSE hub, WS hub) offers to the fault controls. */
export interface StreamHub {
  dropStreams(): void
  stallStreams(): void
  closeAll(): void
  /** WS only: every session loses its subscription, its socket stays open (Dinky's `onError`). */
  dropSubscriptions?(): void
  /** WS only: subscribe messages taken since start. */
  subscribeCount?(): number
  drained(): Promise<void>
  sessionCount(): number
  openStreamCount(): number
}

export interface SimulatorStats {
  logins: number
  requestsByPath: Record<string, number>
  /** Open push connections (SSE responses and WebSocket sockets). */
  openStreams: number
  sseSessions: number
  wsSessions: number
  /** WebSocket subscribe messages taken (a subscription replaced counts again) since start. */
  wsSubscribes: number
  /** Timers the simulator holds right now (heartbeat, emitter timeouts, JVM loops, world pace). */
  timers: number
  /** Open TCP connections. */
  sockets: number
  activeTokens: number
  heartbeats: boolean
  listening: boolean
  /** 1.0/1.1: `getJvmInfo` senders running (forever) and queued (never to run) since the last (re)start. */
  jvmWorkers: { running: number; queued: number }
}

export interface SimulatorControl {
  readonly world: World
  dropStreams(): void
  stallStreams(): void
  /**
   * 1.2: every WebSocket session loses its topics while its socket stays open and PING is still answered (Dinky's
   * `GlobalWebSocket.onError` after a failed send).
   */
  dropWsSubscriptions(): void
  pauseHeartbeats(): void
  resumeHeartbeats(): void
  expireTokens(): void
  failNextRequests(count: number, kind?: FailureKind): void
  slowResponses(ms: number): void
  forgetSessions(): void
  /** Sessions, streams and tokens are lost; the world (Dinky's database) stays. */
  restart(options?: { downMs?: number }): Promise<void>
  /**
   * Stops listening, cutting every connection, then listens again on the same port: after `downFor` ms, or once
   * `downFor` settles (why: a test ends the outage when it has seen what it waits for, not after a guessed time).
   */
  refuseConnections(downFor: number | Promise<unknown>): Promise<void>
  clearFaults(): void
  /** Console copies out of order, repeated and torn before a separator, as Dinky's async sends (until cleared). */
  raceConsoleCopies(on: boolean): void
  /** The cluster list answers `data: null` while on (also cleared by `clearFaults`). */
  malformClusterList(on: boolean): void
  tick(): void
  failJob(taskId: number): void
  /**
   * Dinky's `restartTask` of a failed (or any) task: a new job instance (new id and jid, same task), INITIALIZING,
   * RUNNING once its submission's console run ends; `settle: true` ends that run now (RUNNING on return). Returns
   * the new job instance id.
   */
  recoverJob(taskId: number, options?: { settle?: boolean }): number
  /** A new `FlinkSubmit/<taskId>` run with a new key; returns the new job instance id. */
  submit(taskId: number, options?: { fails?: boolean }): number
  cancel(taskId: number): boolean
  appendLog(processName: string, lines: readonly string[]): void
  printRow(identifier: string, row: string): void
  setClusterAvailable(clusterId: number, available: boolean): void
  /** Dinky's `sys.metrics.settings.sys.enable`: off, nothing is collected, pushed or stored. */
  setMetricsCollection(on: boolean): void
  /** One metrics collection cycle now. */
  collectMetrics(): void
  /** Removes every metrics layout (Dinky's out-of-the-box state). */
  clearMetricsLayouts(): void
  firehose(options: FirehoseOptions): Promise<FirehoseReport>
  /** Checkpoints, backpressure, Flink reachability (`job-health-control.ts`). */
  readonly jobHealth: JobHealthControl
  stats(): SimulatorStats
}

export interface ControlDeps {
  state: SimState
  faults: Faults
  listener: HttpListener
  hubs: () => StreamHub[]
  /** Clears what a restart loses beyond the hubs and tokens (e.g. the JVM stream uuid). */
  onRestart: () => void
}

/** Builds the control; why a separate object: the admin HTTP path and the library expose the same verbs. */
export function createControl(deps: ControlDeps): SimulatorControl {
  const { state, faults, listener } = deps
  const { world } = state
  const heartbeatsOn = (): void => {
    if (!state.webSocketMode) state.sse.startHeartbeat()
  }
  const refuse = async (downFor: number | Promise<unknown>): Promise<void> => {
    await listener.stop()
    if (typeof downFor !== 'number') await downFor.catch(() => undefined)
    else if (downFor > 0)
      await new Promise<void>((resolve) => state.timers.timeout(resolve, downFor))
    await listener.listen(listener.port)
  }
  return {
    world,
    dropStreams: () => deps.hubs().forEach((hub) => hub.dropStreams()),
    stallStreams: () => deps.hubs().forEach((hub) => hub.stallStreams()),
    dropWsSubscriptions: () => deps.hubs().forEach((hub) => hub.dropSubscriptions?.()),
    pauseHeartbeats: () => state.sse.pauseHeartbeat(),
    resumeHeartbeats: heartbeatsOn,
    expireTokens: () => state.tokens.expireAll(),
    failNextRequests: (count, kind = 'bad-gateway') => faults.failNext(count, kind),
    slowResponses: (ms) => {
      faults.slowMs = ms
    },
    forgetSessions: () => state.sse.forgetSessions(),
    restart: async (options = {}) => {
      deps.hubs().forEach((hub) => hub.closeAll())
      state.tokens.clear()
      deps.onRestart()
      if (options.downMs) await refuse(options.downMs)
      heartbeatsOn()
    },
    refuseConnections: refuse,
    clearFaults: () => {
      faults.clear()
      state.consoleCopies.setRace(false)
      state.malformedClusterList = false
      heartbeatsOn()
    },
    raceConsoleCopies: (on) => state.consoleCopies.setRace(on),
    malformClusterList: (on) => {
      state.malformedClusterList = on
    },
    tick: () => world.tick(),
    failJob: (taskId) => void world.failJob(taskId),
    recoverJob: (taskId, options = {}) => world.recoverJob(taskId, options.settle ?? false).id,
    submit: (taskId, options = {}) => world.submit(taskId, options.fails ?? false).id,
    cancel: (taskId) => world.cancel(taskId),
    appendLog: (processName, lines) => void world.console.append(processName, lines),
    printRow: (identifier, row) => world.printRow(identifier, row),
    setClusterAvailable: (clusterId, available) => world.setClusterAvailable(clusterId, available),
    setMetricsCollection: (on) => {
      world.metrics.enabled = on
    },
    collectMetrics: () => world.metrics.collect(),
    clearMetricsLayouts: () => world.metrics.clearLayouts(),
    firehose: (options) => runFirehose(world, deps.hubs(), options),
    jobHealth: createJobHealthControl(world, state.options.now, state.options.version),
    stats: () => {
      const hubs = deps.hubs()
      return {
        logins: state.tokens.logins,
        requestsByPath: Object.fromEntries(state.requestsByPath),
        openStreams: hubs.reduce((sum, hub) => sum + hub.openStreamCount(), 0),
        sseSessions: state.sse.sessionCount(),
        wsSessions: hubs
          .filter((hub) => hub !== state.sse)
          .reduce((sum, hub) => sum + hub.sessionCount(), 0),
        wsSubscribes: hubs.reduce((sum, hub) => sum + (hub.subscribeCount?.() ?? 0), 0),
        timers: state.timers.count(),
        sockets: listener.socketCount(),
        activeTokens: state.tokens.activeCount(),
        heartbeats: state.sse.heartbeatRunning,
        listening: listener.isListening,
        jvmWorkers: state.jvmWorkers.stats()
      }
    }
  }
}
