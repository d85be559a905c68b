/**
 * The connection supervisor of one stream: an explicit state machine (connecting, live, reconnecting, offline,
 * auth-expired, stopped) that owns the transport's connections and every reconnect decision. Policy: full-jitter
 * backoff with the server's `retry:` as a floor; the attempt count resets after a stable live period; one attempt
 * in flight at most; a heartbeat watchdog; one silent re-login then `auth-expired`; 204 stops; a stream that was
 * receiving data and ends (Dinky's 30-minute emitter timeout, a proxy's idle cut) reconnects at the `retry:` floor,
 * invisibly and without counting an attempt; a stream blocked by a proxy while REST answers goes `degraded`.
 * This file is the connection lifecycle (connect, open, data, watchdog, close and which wait follows it) and the
 * public API; the waits themselves are in `supervisor-waits.ts`, the shared state in `supervisor-context.ts`.
 */
import type { ConnectionReason } from '../../../shared/connection'
import type { Disposer } from '../ports'
import type { StreamCloseInfo, StreamHandlers } from '../stream/transport'
import type { StreamSupervisor, StreamSupervisorOptions } from './supervisor-api'
import { ROUTINE_CLOSES } from './close-policy'
import { clearTimer, closeConnection, quiesce, setState } from './supervisor-context'
import { createSupervisorContext } from './supervisor-context'
import { createStarvationWatch, fed, starve } from './jvm-starvation'
import {
  degrade,
  goOffline,
  onAuthFailure,
  reconnectQuietly,
  scheduleRetry
} from './supervisor-waits'

/** Why a state machine: the UI shows exactly what this says, so every path must land in one named state. */
export function createStreamSupervisor(options: StreamSupervisorOptions): StreamSupervisor {
  const { transport, clock } = options
  const ctx = createSupervisorContext(options, { connect, onWatchdog: () => onWatchdog() })
  const { log, proxy, watchdog, policy } = ctx
  // Only a stream with a data rhythm of its own (the SSE JVM stream) can starve.
  const starvedAfterMs = transport.dataIntervalMs
    ? (options.starvedAfterMs ?? 3 * transport.dataIntervalMs)
    : null
  if (starvedAfterMs)
    ctx.starvation = createStarvationWatch(clock, starvedAfterMs, ctx.timeoutMs, (silentForMs) =>
      starve(ctx, silentForMs)
    )
  let disposeJump: Disposer | null = null
  /**
   * Bytes, a heartbeat or data (`isData`) arrived on the current connection: a degraded stream is through again,
   * except a starved one, which only data proves fed.
   */
  const sawData = (isData: boolean) => {
    watchdog.touch()
    proxy.data()
    proxy.through()
    // The stream took the token: a later rejection is a new one and gets its own silent re-login.
    ctx.reloginUsed = false
    if (isData) fed(ctx)
    if (ctx.state.kind !== 'degraded') return
    if (ctx.state.reason === 'jvm-stream-starved' && !isData) return
    const { reason } = ctx.state
    ctx.attempt = 0
    setState(ctx, { kind: 'live', since: clock.now() })
    log.info('stream through again; polling stops', { reason })
  }

  function connect(reason: ConnectionReason, visible: boolean): void {
    closeConnection(ctx)
    ctx.retryTimer = clearTimer(ctx, ctx.retryTimer)
    const gen = ctx.generation
    const current = () => gen === ctx.generation && !ctx.stopped
    if (visible) setState(ctx, { kind: 'connecting', reason, since: clock.now() })
    watchdog.arm()
    proxy.attempt()
    const handlers: StreamHandlers = {
      onOpen(info) {
        if (!current()) return
        watchdog.touch()
        ctx.starvation?.arm()
        proxy.opened(info.status)
        onOpened()
        options.onOpen?.(info)
      },
      onActivity: () => current() && sawData(false),
      onHeartbeat() {
        if (!current()) return
        ctx.starvation?.heartbeat()
        sawData(false)
        options.onHeartbeat?.(clock.now())
      },
      onMessage(message) {
        if (!current()) return
        ctx.starvation?.data()
        sawData(true)
        options.onMessage(message)
      },
      onSubscribed(topics) {
        if (current()) options.onSubscribed?.(topics)
      },
      onRetry(ms) {
        // Bounded here, once: the quiet reconnect after an idle cut waits it out as it is.
        if (current()) ctx.retryFloorMs = policy.floor(ms)
      },
      onClose(info) {
        if (!current()) return
        ctx.connection = null
        ctx.generation++
        watchdog.disarm()
        onClosed(info)
      }
    }
    const made = transport.connect(handlers)
    if (gen === ctx.generation) ctx.connection = made
  }

  function onOpened(): void {
    ctx.liveSince = clock.now()
    ctx.graceTimer = clearTimer(ctx, ctx.graceTimer)
    const quiet = ctx.invisible && ctx.state.kind === 'live'
    ctx.invisible = false
    if (quiet) return log.debug('stream back', { attempt: ctx.attempt })
    // Degraded until data arrives: a buffering proxy answers the headers of a stream it then holds back.
    if (ctx.state.kind === 'degraded') return
    setState(ctx, { kind: 'live', since: clock.now() })
    log.info('stream live', { attempt: ctx.attempt })
  }

  function onWatchdog(): void {
    const wasOpen = ctx.liveSince !== null
    const blocked = !proxy.received() && proxy.blocked(options.restLive?.() ?? false)
    closeConnection(ctx)
    if (blocked) return degrade(ctx, 'proxy-buffering')
    const reason: ConnectionReason = wasOpen ? 'heartbeat-lost' : 'timeout'
    const silence: StreamCloseInfo = {
      reason,
      detail: `nothing received for ${ctx.timeoutMs} ms`,
      wasOpen
    }
    if (!transport.diagnoseSilence) return onClosed(silence)
    // Ask the transport why (an expired token on WS); nothing else may have happened meanwhile.
    const mine = ctx.epoch
    const gen = ctx.generation
    const conclude = (info: StreamCloseInfo | null) => {
      if (mine === ctx.epoch && gen === ctx.generation && !ctx.stopped) onClosed(info ?? silence)
    }
    transport.diagnoseSilence().then(conclude, () => conclude(null))
  }

  function onClosed(info: StreamCloseInfo): void {
    const now = clock.now()
    if (ctx.liveSince !== null && now - ctx.liveSince >= policy.options.resetAfterMs) {
      ctx.attempt = 0
      ctx.reloginUsed = false
    }
    ctx.liveSince = null
    if (ctx.stopped) return
    if (info.reason === 'http-204') {
      quiesce(ctx)
      setState(ctx, { kind: 'stopped', reason: 'http-204', since: now })
      return log.info('server asked the stream to stop', { reason: info.reason })
    }
    if (info.reason === 'token-expired') return onAuthFailure(ctx, info)
    if (!ctx.online) return goOffline(ctx)
    if (info.reason === 'wrong-content-type')
      proxy.rewritten(info.detail, options.restLive?.() ?? false)
    const refused = transport.kind === 'ws' && !info.wasOpen && info.status !== undefined
    if (refused && proxy.upgradeRefused(info.status ?? 0, options.restLive?.() ?? false))
      return degrade(ctx, 'proxy-no-websocket')
    if (info.wasOpen && ctx.state.kind === 'live' && ROUTINE_CLOSES.has(info.reason)) {
      if (proxy.received())
        return reconnectQuietly(ctx, info, ctx.honourRetry ? ctx.retryFloorMs : 0)
      // Open but silent: at once, but only once (a stream that drops right after opening is a storm).
      if (ctx.attempt === 0) return ((ctx.attempt = 1), reconnectQuietly(ctx, info, 0))
    }
    scheduleRetry(ctx, info.reason, info.detail)
  }

  const reconnectNow = (reason: ConnectionReason) => {
    const { state } = ctx
    if (!ctx.started || ctx.stopped || state.kind === 'auth-expired' || state.kind === 'stopped')
      return
    ctx.epoch++
    ctx.attempt = 0
    if (!ctx.online) return goOffline(ctx)
    log.info('reconnecting now', { reason })
    ctx.invisible = false
    ctx.graceTimer = clearTimer(ctx, ctx.graceTimer)
    connect(reason, true)
  }

  const stop = async () => {
    if (ctx.stopped) return
    ctx.stopped = true
    ctx.epoch++
    quiesce(ctx)
    disposeJump?.()
    disposeJump = null
    ctx.state = { kind: 'stopped', reason: 'stopped-by-user', since: clock.now() }
    options.onState(ctx.state)
    log.info('stream stopped', { reason: 'stopped-by-user' })
  }

  return {
    stream: transport.stream,
    state: () => ctx.state,
    start() {
      if (!ctx.started && !ctx.stopped) {
        ctx.started = true
        disposeJump = options.detectClockJump?.(() => reconnectNow('clock-jump')) ?? null
        connect('started', true)
      }
      return stop
    },
    retryNow() {
      const { state } = ctx
      if (!ctx.started || ctx.stopped || state.kind === 'live' || state.kind === 'stopped') return
      if (ctx.connection !== null) return // an attempt is in flight already
      if (state.kind === 'auth-expired') ctx.reloginUsed = false
      ctx.epoch++
      ctx.online = true
      log.info('retrying now', { reason: 'user-retry' })
      connect('user-retry', true)
    },
    notifyNetwork(up) {
      const was = ctx.online
      ctx.online = up
      if (!ctx.started || ctx.stopped || was === up) return
      if (!up && ctx.state.kind !== 'auth-expired') {
        ctx.epoch++
        return goOffline(ctx)
      }
      if (up && (ctx.state.kind === 'offline' || ctx.state.kind === 'reconnecting'))
        reconnectNow('resumed')
    },
    notifyResume: () => reconnectNow('resumed'),
    stop
  }
}
