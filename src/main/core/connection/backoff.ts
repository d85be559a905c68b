/**
 * Reconnect delays: full-jitter exponential backoff (AWS's "full jitter": a uniform draw between 0 and the capped
 * exponential), with the server's `retry:` as a floor. Pure: time and randomness are the caller's.
 */

export interface BackoffOptions {
  baseMs: number
  factor: number
  maxMs: number
  /** Live this long and the attempt count starts again from 1. */
  resetAfterMs: number
}

/** Node (and browsers) fire any timer longer than 2^31 − 1 ms after 1 ms: no delay may ever exceed it. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1

export const DEFAULT_BACKOFF: BackoffOptions = {
  baseMs: 1_000,
  factor: 2,
  maxMs: 60_000,
  resetAfterMs: 60_000
}

export interface BackoffPolicy {
  readonly options: BackoffOptions
  /**
   * Delay before attempt `attempt` (1-based): never below `floorMs` (the server's `retry:`), but the floor itself is
   * taken at most up to `maxMs`, and no delay passes `MAX_TIMER_DELAY_MS`.
   */
  delay(attempt: number, floorMs?: number): number
  /** A server's `retry:` as the floor we honour: at most `maxMs`, so it can neither stall nor overflow a timer. */
  floor(retryMs: number): number
  /** The ceiling the jitter draws under for `attempt`; for display and tests. */
  ceiling(attempt: number): number
}

/**
 * Full jitter spreads the reconnects of many clients after a server restart instead of having them arrive in
 * lock-step; the cap keeps a long outage from pushing retries out beyond a minute.
 */
export function createBackoffPolicy(
  options: Partial<BackoffOptions> = {},
  random: () => number = Math.random
): BackoffPolicy {
  const resolved: BackoffOptions = { ...DEFAULT_BACKOFF, ...options }
  const ceiling = (attempt: number): number => {
    const exponent = Math.max(0, attempt - 1)
    return Math.min(resolved.maxMs, resolved.baseMs * Math.pow(resolved.factor, exponent))
  }
  // A server's retry: is a hint, not an order: bounded by our cap, so it can neither stall nor overflow a timer.
  const floor = (retryMs: number): number =>
    Number.isFinite(retryMs)
      ? Math.min(Math.max(retryMs, 0), resolved.maxMs, MAX_TIMER_DELAY_MS)
      : 0
  return {
    options: resolved,
    ceiling,
    floor,
    delay(attempt, floorMs = 0) {
      const draw = Math.min(Math.max(random(), 0), 1)
      return Math.min(
        Math.max(Math.round(draw * ceiling(attempt)), floor(floorMs)),
        MAX_TIMER_DELAY_MS
      )
    }
  }
}
