/**
 * A stream that keeps its heartbeats but gets no data: on Dinky 1.0/1.1 every `/api/monitor/getJvmInfo` request
 * starts `while (true) { send Jvm; sleep 10 s }` on a pool of 10 threads with a queue of 1,000
 * (`MonitorServiceImpl.sendJvmInfo`, `configure/ThreadPoolConfig.java`), and that loop never ends, even after the
 * client leaves. After ten such streams since Dinky started, a new one is queued behind loops that never finish: it
 * gets `HEART_BEAT`s but never a `Jvm`. Reconnecting cannot help (each try queues one more loop); only a restart of
 * Dinky does. So a starved stream is closed, its figures come by REST polling (`degraded`), and it is tried again only
 * rarely (`starvedRetryMs`, default 10 min), which the diagnosis `jvm-stream-starved` says.
 */
import type { Clock, TimerHandle } from '../ports'
import { clearTimer, closeConnection, setState, type SupervisorContext } from './supervisor-context'

export const DEFAULT_STARVED_RETRY_MS = 10 * 60_000

export interface StarvationWatch {
  /** A connection opened: data is due from now. */
  arm(): void
  data(): void
  heartbeat(): void
  disarm(): void
}

/**
 * Calls `onStarved` when no data came for `afterMs` while heartbeats did (within `heartbeatTimeoutMs`); a total
 * silence is the watchdog's. Why a lazy timer: arrivals only record a time.
 */
export function createStarvationWatch(
  clock: Clock,
  afterMs: number,
  heartbeatTimeoutMs: number,
  onStarved: (silentForMs: number) => void
): StarvationWatch {
  let timer: TimerHandle | null = null
  let lastData = 0
  let lastHeartbeat = 0
  const check = () => {
    timer = null
    const now = clock.now()
    const silent = now - lastData
    if (silent < afterMs) return void (timer = clock.setTimeout(check, afterMs - silent))
    if (now - lastHeartbeat < heartbeatTimeoutMs) return onStarved(silent)
    timer = clock.setTimeout(check, afterMs)
  }
  return {
    arm() {
      if (timer) clock.clearTimeout(timer)
      lastData = lastHeartbeat = clock.now()
      timer = clock.setTimeout(check, afterMs)
    },
    data() {
      lastData = clock.now()
    },
    heartbeat() {
      lastHeartbeat = clock.now()
    },
    disarm() {
      if (timer) clock.clearTimeout(timer)
      timer = null
    }
  }
}

/** Closes the starved connection, says why once per streak, polls instead and tries again after the long wait. */
export function starve(ctx: SupervisorContext, silentForMs: number): void {
  const { clock, options } = ctx
  closeConnection(ctx)
  ctx.invisible = false
  ctx.graceTimer = clearTimer(ctx, ctx.graceTimer)
  ctx.retryTimer = clearTimer(ctx, ctx.retryTimer)
  ctx.starvedTimes++
  ctx.attempt++
  const now = clock.now()
  const delay = ctx.starvedRetryMs
  const since = ctx.state.kind === 'degraded' ? ctx.state.since : now
  const reason = 'jvm-stream-starved'
  setState(ctx, { kind: 'degraded', reason, attempt: ctx.attempt, retryAt: now + delay, since })
  options.onDiagnosis?.({
    code: reason,
    stream: options.transport.stream,
    detail: `heartbeats but no JVM figures for ${silentForMs} ms (${ctx.starvedTimes} time(s))`,
    advice: `Dinky 1.0/1.1 feeds only the first 10 JVM streams since it started; JVM figures come by polling and the stream is tried again every ${Math.round(delay / 60_000)} min. Restarting Dinky frees its JVM streams.`,
    evidence: { waitedMs: silentForMs, times: ctx.starvedTimes },
    at: now
  })
  ctx.log.warn('heartbeats but no data: polling instead, retrying rarely', {
    reason,
    silentForMs,
    retryInMs: delay
  })
  ctx.retryTimer = clock.setTimeout(() => {
    ctx.retryTimer = null
    ctx.connect(reason, false)
  }, delay)
}

/** Data arrived on a stream that had starved: the finding no longer holds. */
export function fed(ctx: SupervisorContext): void {
  if (ctx.starvedTimes === 0) return
  ctx.starvedTimes = 0
  ctx.options.onDiagnosisResolved?.('jvm-stream-starved', ctx.clock.now())
}
