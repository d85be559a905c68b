/**
 * One silent re-login shared by every stream of a server. Both streams usually lose the token at the same moment;
 * without a gate each would log in, and with Dinky's `is-concurrent: false` each login kicks out the other's token.
 */
import type { Clock } from '../ports'

export interface ReloginGateOptions {
  clock: Clock
  login: () => Promise<unknown>
  /**
   * A relogin asked for within this long after the last one shares its outcome; default 2 s: enough for the
   * streams and REST that lost the token together, short enough that a server restarting again a few seconds
   * later gets a new login rather than the old (now invalid) one's success.
   */
  windowMs?: number
}

/**
 * Returns a `relogin()` for the supervisors: concurrent callers share one login, and a caller arriving shortly
 * after a login reuses its outcome instead of logging in again.
 */
export function createReloginGate(options: ReloginGateOptions): () => Promise<void> {
  const windowMs = options.windowMs ?? 2_000
  let inFlight: Promise<void> | null = null
  let last: { at: number; outcome: Promise<void> } | null = null

  return () => {
    if (inFlight) return inFlight
    if (last && options.clock.now() - last.at < windowMs) return last.outcome
    const attempt = options.login().then(() => undefined)
    inFlight = attempt
    const settle = () => {
      inFlight = null
      last = { at: options.clock.now(), outcome: attempt }
    }
    attempt.then(settle, settle)
    return attempt
  }
}
