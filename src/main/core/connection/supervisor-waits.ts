/**
 * What a stream supervisor does between connections: wait out a jittered backoff (`reconnecting`), reconnect quietly
 * after a routine cut, poll while a proxy blocks the stream (`degraded`), log in again once after a rejected token,
 * or stop and wait for the outside (`offline`, `auth-expired`). Separate from the connection lifecycle
 * (`supervisor.ts`), which decides *which* of these follows a close; this module decides *how long* and *what the
 * user sees* meanwhile.
 */
import type { ConnectionReason } from '../../../shared/connection'
import { DinkyError } from '../dinky/dinky-error'
import type { StreamCloseInfo } from '../stream/transport'
import { LOGIN_RETRYABLE } from './close-policy'
import { clearTimer, quiesce, setState, type SupervisorContext } from './supervisor-context'

/**
 * A stream that was receiving data ended (Dinky's emitter timeout, a proxy's idle cut): back after the server's
 * `retry:` floor, shown only if that takes over `retry` + 1 s (or the grace period, if longer); no attempt counted,
 * so a proxy that cuts every few seconds neither grows the backoff nor flaps the UI.
 */
export function reconnectQuietly(
  ctx: SupervisorContext,
  info: StreamCloseInfo,
  floorMs: number
): void {
  const { clock, proxy } = ctx
  const idleMs = proxy.received() ? proxy.cut() : null
  const since = clock.now()
  ctx.invisible = true
  ctx.log.info('stream ended; reconnecting', { reason: info.reason, idleMs, retryInMs: floorMs })
  ctx.graceTimer = clearTimer(ctx, ctx.graceTimer)
  ctx.graceTimer = clock.setTimeout(
    () => {
      ctx.graceTimer = null
      if (!ctx.invisible) return
      ctx.invisible = false
      const shown = Math.max(1, ctx.attempt)
      setState(ctx, {
        kind: 'reconnecting',
        attempt: shown,
        retryAt: clock.now(),
        reason: info.reason,
        since
      })
    },
    Math.max(ctx.graceMs, floorMs + 1_000)
  )
  if (floorMs === 0) return ctx.connect(info.reason, false)
  ctx.retryTimer = clock.setTimeout(() => {
    ctx.retryTimer = null
    ctx.connect(info.reason, false)
  }, floorMs)
}

/** Blocked twice while REST answers: `degraded`, retried in the background with the capped backoff. */
export function degrade(
  ctx: SupervisorContext,
  reason: 'proxy-buffering' | 'proxy-no-websocket'
): void {
  ctx.invisible = false
  ctx.graceTimer = clearTimer(ctx, ctx.graceTimer)
  ctx.attempt++
  const attempt = ctx.attempt
  const delay = ctx.policy.delay(attempt)
  const now = ctx.clock.now()
  const since = ctx.state.kind === 'degraded' ? ctx.state.since : now
  setState(ctx, { kind: 'degraded', reason, attempt, retryAt: now + delay, since })
  ctx.log.info('stream blocked by a proxy; polling instead', { reason, attempt, retryInMs: delay })
  ctx.retryTimer = ctx.clock.setTimeout(() => {
    ctx.retryTimer = null
    ctx.connect(reason, false)
  }, delay)
}

export function scheduleRetry(
  ctx: SupervisorContext,
  reason: ConnectionReason,
  detail: string
): void {
  ctx.invisible = false
  ctx.graceTimer = clearTimer(ctx, ctx.graceTimer)
  ctx.attempt++
  const attempt = ctx.attempt
  const delay = ctx.policy.delay(attempt, ctx.honourRetry ? ctx.retryFloorMs : 0)
  const now = ctx.clock.now()
  const named = reason === 'redirect-refused' ? { detail } : {}
  setState(ctx, {
    kind: 'reconnecting',
    attempt,
    retryAt: now + delay,
    reason,
    since: now,
    ...named
  })
  ctx.log.warn('stream down', { reason, detail, attempt, retryInMs: delay })
  ctx.retryTimer = ctx.clock.setTimeout(() => {
    ctx.retryTimer = null
    ctx.connect(reason, false)
  }, delay)
}

export function onAuthFailure(ctx: SupervisorContext, info: StreamCloseInfo): void {
  const { relogin } = ctx.options
  if (!relogin || ctx.reloginUsed) return expire(ctx, 'token-expired', info.detail)
  ctx.reloginUsed = true
  ctx.invisible = false
  ctx.graceTimer = clearTimer(ctx, ctx.graceTimer)
  ctx.attempt++
  const now = ctx.clock.now()
  setState(ctx, {
    kind: 'reconnecting',
    attempt: ctx.attempt,
    retryAt: now,
    reason: 'token-expired',
    since: now
  })
  ctx.log.warn('token rejected; logging in again', { reason: info.reason })
  runRelogin(ctx, relogin)
}

/** The one silent login; a login that never reached the server (network) is retried, never repeated. */
function runRelogin(ctx: SupervisorContext, relogin: () => Promise<void>): void {
  const mine = ctx.epoch
  relogin().then(
    () => {
      if (mine === ctx.epoch && !ctx.stopped && ctx.connection === null)
        ctx.connect('token-expired', false)
    },
    (error: unknown) => {
      if (mine !== ctx.epoch || ctx.stopped) return
      const reason = error instanceof DinkyError ? error.reason : 'login-failed'
      const detail = error instanceof DinkyError ? error.detail : 'login failed'
      if (LOGIN_RETRYABLE.has(reason)) {
        if (!ctx.online) return goOffline(ctx)
        ctx.attempt++
        const attempt = ctx.attempt
        const delay = ctx.policy.delay(attempt)
        const now = ctx.clock.now()
        setState(ctx, { kind: 'reconnecting', attempt, retryAt: now + delay, reason, since: now })
        ctx.log.warn('login did not reach the server', { reason, detail, retryInMs: delay })
        ctx.retryTimer = ctx.clock.setTimeout(() => {
          ctx.retryTimer = null
          runRelogin(ctx, relogin)
        }, delay)
        return
      }
      expire(ctx, reason === 'token-expired' ? reason : 'login-failed', detail)
    }
  )
}

function expire(ctx: SupervisorContext, reason: ConnectionReason, detail: string): void {
  quiesce(ctx)
  setState(ctx, { kind: 'auth-expired', reason, since: ctx.clock.now() })
  ctx.log.warn('login expired; waiting for the user', { reason, detail: detail.slice(0, 200) })
}

export function goOffline(ctx: SupervisorContext): void {
  quiesce(ctx)
  setState(ctx, { kind: 'offline', reason: 'network-offline', since: ctx.clock.now() })
  ctx.log.info('network is down; waiting for it', { reason: 'network-offline' })
}
