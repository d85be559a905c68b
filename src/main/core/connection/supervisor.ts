/**
 * The connection supervisor of one stream: an explicit state machine (connecting, live, reconnecting, offline,
 * auth-expired, stopped) that owns the transport's connections and every reconnect decision. Policy: full-jitter
 * backoff with the server's `retry:` as a floor; the attempt count resets after a stable live period; one attempt
 * in flight at most; a heartbeat watchdog; one silent re-login then `auth-expired`; 204 stops; a stream that was
 * receiving data and ends (Dinky's 30-minute emitter timeout, a proxy's idle cut) reconnects at the `retry:` floor,
 * invisibly and without counting an attempt; a stream blocked by a proxy while REST answers goes `degraded`.
 */
import type { ConnectionReason, ConnectionState } from '../../../shared/connection'
import { DinkyError } from '../dinky/dinky-error'
import type { Disposer, TimerHandle } from '../ports'
import type { StreamCloseInfo, StreamConnection, StreamHandlers } from '../stream/transport'
import { createBackoffPolicy } from './backoff'
import { createProxyDiagnosis } from './proxy-diagnosis'
import type { StreamSupervisor, StreamSupervisorOptions } from './supervisor-api'
import { LOGIN_RETRYABLE, ROUTINE_CLOSES } from './close-policy'
import { createWatchdog } from './watchdog'

/** Why a state machine: the UI shows exactly what this says, so every path must land in one named state. */
export function createStreamSupervisor(options: StreamSupervisorOptions): StreamSupervisor {
  const { transport, clock } = options
  const log = options.logger.child(transport.stream)
  const policy = createBackoffPolicy(options.backoff, options.random ?? Math.random)
  const timeoutMs = options.heartbeatTimeoutMs ?? 3 * transport.heartbeatIntervalMs
  const graceMs = options.invisibleReconnectMs ?? 3_000
  const honourRetry = options.honourServerRetry ?? true

  let state: ConnectionState = { kind: 'connecting', reason: 'started', since: clock.now() }
  let started = false
  let stopped = false
  let online = true
  let connection: StreamConnection | null = null
  /** Bumped by every connect and close: callbacks of older connections are ignored. */
  let generation = 0
  /** Bumped by every outside event (stop, retry, resume, network): an await that sees a new epoch gives up. */
  let epoch = 0
  let attempt = 0
  let retryFloorMs = 0
  let liveSince: number | null = null
  let reloginUsed = false
  let invisible = false
  let retryTimer: TimerHandle | null = null
  let graceTimer: TimerHandle | null = null
  let disposeJump: Disposer | null = null
  const watchdog = createWatchdog(clock, timeoutMs, () => onWatchdog())
  const proxy = createProxyDiagnosis({
    stream: transport.stream,
    clock,
    watchdogMs: timeoutMs,
    onDiagnosis: (diagnosis) => options.onDiagnosis?.(diagnosis)
  })
  /** Data arrived on the current connection: a degraded stream is through again. */
  const sawData = () => {
    watchdog.touch()
    proxy.data()
    proxy.through()
    // The stream took the token: a later rejection is a new one and gets its own silent re-login.
    reloginUsed = false
    if (state.kind !== 'degraded') return
    const { reason } = state
    attempt = 0
    setState({ kind: 'live', since: clock.now() })
    log.info('stream through again; polling stops', { reason })
  }

  const setState = (next: ConnectionState) => {
    state = next
    options.onState(next)
  }
  const clearTimer = (timer: TimerHandle | null): null => {
    if (timer) clock.clearTimeout(timer)
    return null
  }
  const closeConnection = () => {
    generation++
    watchdog.disarm()
    const current = connection
    connection = null
    current?.close()
  }
  const quiesce = () => {
    retryTimer = clearTimer(retryTimer)
    graceTimer = clearTimer(graceTimer)
    invisible = false
    closeConnection()
  }

  function connect(reason: ConnectionReason, visible: boolean): void {
    closeConnection()
    retryTimer = clearTimer(retryTimer)
    const gen = generation
    const current = () => gen === generation && !stopped
    if (visible) setState({ kind: 'connecting', reason, since: clock.now() })
    watchdog.arm()
    proxy.attempt()
    const handlers: StreamHandlers = {
      onOpen(info) {
        if (!current()) return
        watchdog.touch()
        proxy.opened(info.status)
        onOpened()
        options.onOpen?.(info)
      },
      onActivity: () => current() && sawData(),
      onHeartbeat() {
        if (!current()) return
        sawData()
        options.onHeartbeat?.(clock.now())
      },
      onMessage: (message) => current() && (sawData(), options.onMessage(message)),
      onSubscribed(topics) {
        if (current()) options.onSubscribed?.(topics)
      },
      onRetry(ms) {
        // Bounded here, once: the quiet reconnect after an idle cut waits it out as it is.
        if (current()) retryFloorMs = policy.floor(ms)
      },
      onClose(info) {
        if (!current()) return
        connection = null
        generation++
        watchdog.disarm()
        onClosed(info)
      }
    }
    const made = transport.connect(handlers)
    if (gen === generation) connection = made
  }

  function onOpened(): void {
    liveSince = clock.now()
    graceTimer = clearTimer(graceTimer)
    const quiet = invisible && state.kind === 'live'
    invisible = false
    if (quiet) return log.debug('stream back', { attempt })
    // Degraded until data arrives: a buffering proxy answers the headers of a stream it then holds back.
    if (state.kind === 'degraded') return
    setState({ kind: 'live', since: clock.now() })
    log.info('stream live', { attempt })
  }

  function onWatchdog(): void {
    const wasOpen = liveSince !== null
    const blocked = !proxy.received() && proxy.blocked(options.restLive?.() ?? false)
    closeConnection()
    if (blocked) return degrade('proxy-buffering')
    const reason: ConnectionReason = wasOpen ? 'heartbeat-lost' : 'timeout'
    const silence: StreamCloseInfo = {
      reason,
      detail: `nothing received for ${timeoutMs} ms`,
      wasOpen
    }
    if (!transport.diagnoseSilence) return onClosed(silence)
    // Ask the transport why (an expired token on WS); nothing else may have happened meanwhile.
    const mine = epoch
    const gen = generation
    const conclude = (info: StreamCloseInfo | null) => {
      if (mine === epoch && gen === generation && !stopped) onClosed(info ?? silence)
    }
    transport.diagnoseSilence().then(conclude, () => conclude(null))
  }

  function onClosed(info: StreamCloseInfo): void {
    const now = clock.now()
    if (liveSince !== null && now - liveSince >= policy.options.resetAfterMs) {
      attempt = 0
      reloginUsed = false
    }
    liveSince = null
    if (stopped) return
    if (info.reason === 'http-204') {
      quiesce()
      setState({ kind: 'stopped', reason: 'http-204', since: now })
      return log.info('server asked the stream to stop', { reason: info.reason })
    }
    if (info.reason === 'token-expired') return onAuthFailure(info)
    if (!online) return goOffline()
    if (info.reason === 'wrong-content-type')
      proxy.rewritten(info.detail, options.restLive?.() ?? false)
    const refused = transport.kind === 'ws' && !info.wasOpen && info.status !== undefined
    if (refused && proxy.upgradeRefused(info.status ?? 0, options.restLive?.() ?? false))
      return degrade('proxy-no-websocket')
    if (info.wasOpen && state.kind === 'live' && ROUTINE_CLOSES.has(info.reason)) {
      if (proxy.received()) return reconnectQuietly(info, honourRetry ? retryFloorMs : 0)
      // Open but silent: at once, but only once (a stream that drops right after opening is a storm).
      if (attempt === 0) return ((attempt = 1), reconnectQuietly(info, 0))
    }
    scheduleRetry(info.reason, info.detail)
  }

  /**
   * A stream that was receiving data ended (Dinky's emitter timeout, a proxy's idle cut): back after the server's
   * `retry:` floor, shown only if that takes over `retry` + 1 s (or the grace period, if longer); no attempt counted,
   * so a proxy that cuts every few seconds neither grows the backoff nor flaps the UI.
   */
  function reconnectQuietly(info: StreamCloseInfo, floorMs: number): void {
    const idleMs = proxy.received() ? proxy.cut() : null
    const since = clock.now()
    invisible = true
    log.info('stream ended; reconnecting', { reason: info.reason, idleMs, retryInMs: floorMs })
    graceTimer = clearTimer(graceTimer)
    graceTimer = clock.setTimeout(
      () => {
        graceTimer = null
        if (!invisible) return
        invisible = false
        const shown = Math.max(1, attempt)
        setState({
          kind: 'reconnecting',
          attempt: shown,
          retryAt: clock.now(),
          reason: info.reason,
          since
        })
      },
      Math.max(graceMs, floorMs + 1_000)
    )
    if (floorMs === 0) return connect(info.reason, false)
    retryTimer = clock.setTimeout(() => {
      retryTimer = null
      connect(info.reason, false)
    }, floorMs)
  }

  /** Blocked twice while REST answers: `degraded`, retried in the background with the capped backoff. */
  function degrade(reason: 'proxy-buffering' | 'proxy-no-websocket'): void {
    invisible = false
    graceTimer = clearTimer(graceTimer)
    attempt++
    const delay = policy.delay(attempt)
    const now = clock.now()
    const since = state.kind === 'degraded' ? state.since : now
    setState({ kind: 'degraded', reason, attempt, retryAt: now + delay, since })
    log.info('stream blocked by a proxy; polling instead', { reason, attempt, retryInMs: delay })
    retryTimer = clock.setTimeout(() => {
      retryTimer = null
      connect(reason, false)
    }, delay)
  }

  function scheduleRetry(reason: ConnectionReason, detail: string): void {
    invisible = false
    graceTimer = clearTimer(graceTimer)
    attempt++
    const delay = policy.delay(attempt, honourRetry ? retryFloorMs : 0)
    const now = clock.now()
    const named = reason === 'redirect-refused' ? { detail } : {}
    setState({ kind: 'reconnecting', attempt, retryAt: now + delay, reason, since: now, ...named })
    log.warn('stream down', { reason, detail, attempt, retryInMs: delay })
    retryTimer = clock.setTimeout(() => {
      retryTimer = null
      connect(reason, false)
    }, delay)
  }

  function onAuthFailure(info: StreamCloseInfo): void {
    if (!options.relogin || reloginUsed) return expire('token-expired', info.detail)
    reloginUsed = true
    invisible = false
    graceTimer = clearTimer(graceTimer)
    attempt++
    const now = clock.now()
    setState({ kind: 'reconnecting', attempt, retryAt: now, reason: 'token-expired', since: now })
    log.warn('token rejected; logging in again', { reason: info.reason })
    runRelogin(options.relogin)
  }

  /** The one silent login; a login that never reached the server (network) is retried, never repeated. */
  function runRelogin(relogin: () => Promise<void>): void {
    const mine = epoch
    relogin().then(
      () => {
        if (mine === epoch && !stopped && connection === null) connect('token-expired', false)
      },
      (error: unknown) => {
        if (mine !== epoch || stopped) return
        const reason = error instanceof DinkyError ? error.reason : 'login-failed'
        const detail = error instanceof DinkyError ? error.detail : 'login failed'
        if (LOGIN_RETRYABLE.has(reason)) {
          if (!online) return goOffline()
          attempt++
          const delay = policy.delay(attempt)
          const now = clock.now()
          setState({ kind: 'reconnecting', attempt, retryAt: now + delay, reason, since: now })
          log.warn('login did not reach the server', { reason, detail, retryInMs: delay })
          retryTimer = clock.setTimeout(() => {
            retryTimer = null
            runRelogin(relogin)
          }, delay)
          return
        }
        expire(reason === 'token-expired' ? reason : 'login-failed', detail)
      }
    )
  }

  function expire(reason: ConnectionReason, detail: string): void {
    quiesce()
    setState({ kind: 'auth-expired', reason, since: clock.now() })
    log.warn('login expired; waiting for the user', { reason, detail: detail.slice(0, 200) })
  }

  function goOffline(): void {
    quiesce()
    setState({ kind: 'offline', reason: 'network-offline', since: clock.now() })
    log.info('network is down; waiting for it', { reason: 'network-offline' })
  }

  const reconnectNow = (reason: ConnectionReason) => {
    if (!started || stopped || state.kind === 'auth-expired' || state.kind === 'stopped') return
    epoch++
    attempt = 0
    if (!online) return goOffline()
    log.info('reconnecting now', { reason })
    invisible = false
    graceTimer = clearTimer(graceTimer)
    connect(reason, true)
  }

  const stop = async () => {
    if (stopped) return
    stopped = true
    epoch++
    quiesce()
    disposeJump?.()
    disposeJump = null
    state = { kind: 'stopped', reason: 'stopped-by-user', since: clock.now() }
    options.onState(state)
    log.info('stream stopped', { reason: 'stopped-by-user' })
  }

  return {
    stream: transport.stream,
    state: () => state,
    start() {
      if (!started && !stopped) {
        started = true
        disposeJump = options.detectClockJump?.(() => reconnectNow('clock-jump')) ?? null
        connect('started', true)
      }
      return stop
    },
    retryNow() {
      if (!started || stopped || state.kind === 'live' || state.kind === 'stopped') return
      if (connection !== null) return // an attempt is in flight already
      if (state.kind === 'auth-expired') reloginUsed = false
      epoch++
      online = true
      log.info('retrying now', { reason: 'user-retry' })
      connect('user-retry', true)
    },
    notifyNetwork(up) {
      const was = online
      online = up
      if (!started || stopped || was === up) return
      if (!up && state.kind !== 'auth-expired') {
        epoch++
        return goOffline()
      }
      if (up && (state.kind === 'offline' || state.kind === 'reconnecting')) reconnectNow('resumed')
    },
    notifyResume: () => reconnectNow('resumed'),
    stop
  }
}
