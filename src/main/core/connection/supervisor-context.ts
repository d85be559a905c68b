/**
 * The mutable state one stream supervisor shares between its parts (the connection lifecycle in `supervisor.ts`,
 * the waits before the next attempt in `supervisor-waits.ts`), and the few steps every part takes on it: announce a
 * state, drop the connection, go quiet. Separate so each part reads as one concern while the state stays one record,
 * changed in one place and re-checked by generation and epoch after every await.
 */
import type { ConnectionReason, ConnectionState } from '../../../shared/connection'
import type { Clock, Logger, TimerHandle } from '../ports'
import type { StreamConnection } from '../stream/transport'
import { createBackoffPolicy, type BackoffPolicy } from './backoff'
import { createProxyDiagnosis, type ProxyDiagnosis } from './proxy-diagnosis'
import type { StreamSupervisorOptions } from './supervisor-api'
import { createWatchdog, type Watchdog } from './watchdog'
import { DEFAULT_STARVED_RETRY_MS, type StarvationWatch } from './jvm-starvation'

export interface SupervisorContext {
  readonly options: StreamSupervisorOptions
  readonly clock: Clock
  readonly log: Logger
  readonly policy: BackoffPolicy
  readonly watchdog: Watchdog
  /** Heartbeats without data (the SSE JVM stream only); null where the transport has no data rhythm. */
  starvation: StarvationWatch | null
  readonly starvedRetryMs: number
  /** Starved connections in a row (reset by data). */
  starvedTimes: number
  readonly proxy: ProxyDiagnosis
  readonly timeoutMs: number
  readonly graceMs: number
  readonly honourRetry: boolean
  state: ConnectionState
  started: boolean
  stopped: boolean
  online: boolean
  connection: StreamConnection | null
  /** Bumped by every connect and close: callbacks of older connections are ignored. */
  generation: number
  /** Bumped by every outside event (stop, retry, resume, network): an await that sees a new epoch gives up. */
  epoch: number
  attempt: number
  retryFloorMs: number
  liveSince: number | null
  reloginUsed: boolean
  /** A quiet reconnect is under way: the UI still shows `live` until the grace timer says otherwise. */
  invisible: boolean
  retryTimer: TimerHandle | null
  graceTimer: TimerHandle | null
  /** Opens a new connection (the lifecycle's own step; the waits call it when their timer fires). */
  connect(reason: ConnectionReason, visible: boolean): void
}

export function createSupervisorContext(
  options: StreamSupervisorOptions,
  hooks: { connect: SupervisorContext['connect']; onWatchdog: () => void }
): SupervisorContext {
  const { transport, clock } = options
  const timeoutMs = options.heartbeatTimeoutMs ?? 3 * transport.heartbeatIntervalMs
  return {
    options,
    clock,
    log: options.logger.child(transport.stream),
    policy: createBackoffPolicy(options.backoff, options.random ?? Math.random),
    watchdog: createWatchdog(clock, timeoutMs, hooks.onWatchdog),
    starvation: null,
    starvedRetryMs: options.starvedRetryMs ?? DEFAULT_STARVED_RETRY_MS,
    starvedTimes: 0,
    proxy: createProxyDiagnosis({
      stream: transport.stream,
      clock,
      watchdogMs: timeoutMs,
      onDiagnosis: (diagnosis) => options.onDiagnosis?.(diagnosis),
      onResolved: (code, at) => options.onDiagnosisResolved?.(code, at)
    }),
    timeoutMs,
    graceMs: options.invisibleReconnectMs ?? 3_000,
    honourRetry: options.honourServerRetry ?? true,
    state: { kind: 'connecting', reason: 'started', since: clock.now() },
    started: false,
    stopped: false,
    online: true,
    connection: null,
    generation: 0,
    epoch: 0,
    attempt: 0,
    retryFloorMs: 0,
    liveSince: null,
    reloginUsed: false,
    invisible: false,
    retryTimer: null,
    graceTimer: null,
    connect: hooks.connect
  }
}

export function setState(ctx: SupervisorContext, next: ConnectionState): void {
  ctx.state = next
  ctx.options.onState(next)
}

export function clearTimer(ctx: SupervisorContext, timer: TimerHandle | null): null {
  if (timer) ctx.clock.clearTimeout(timer)
  return null
}

export function closeConnection(ctx: SupervisorContext): void {
  ctx.generation++
  ctx.watchdog.disarm()
  ctx.starvation?.disarm()
  const current = ctx.connection
  ctx.connection = null
  current?.close()
}

/** No timer, no connection, no quiet reconnect: the step before every state that waits for the outside. */
export function quiesce(ctx: SupervisorContext): void {
  ctx.retryTimer = clearTimer(ctx, ctx.retryTimer)
  ctx.graceTimer = clearTimer(ctx, ctx.graceTimer)
  ctx.invisible = false
  closeConnection(ctx)
}
