/**
 * The heartbeat watchdog: a stream that has been silent for the timeout is presumed half-open (the peer is gone but
 * no FIN or RST arrived) and is torn down. Every received byte re-arms it; the re-arm only records a time, and a
 * single timer checks it, so a busy stream costs no timer churn.
 */
import type { Clock, TimerHandle } from '../ports'

export interface Watchdog {
  /** Starts (or restarts) watching from now. */
  arm(): void
  /** Something arrived: the silence starts again from now. No-op when disarmed. */
  touch(): void
  disarm(): void
  readonly armed: boolean
}

/** Why lazy re-arming: a log-heavy stream delivers hundreds of chunks a second; one timer serves them all. */
export function createWatchdog(clock: Clock, timeoutMs: number, onExpire: () => void): Watchdog {
  let timer: TimerHandle | null = null
  let lastActivity = 0

  const check = () => {
    timer = null
    const silentFor = clock.now() - lastActivity
    if (silentFor >= timeoutMs) {
      onExpire()
      return
    }
    timer = clock.setTimeout(check, timeoutMs - silentFor)
  }

  return {
    arm() {
      if (timer) clock.clearTimeout(timer)
      lastActivity = clock.now()
      timer = clock.setTimeout(check, timeoutMs)
    },
    touch() {
      if (timer) lastActivity = clock.now()
    },
    disarm() {
      if (timer) clock.clearTimeout(timer)
      timer = null
    },
    get armed() {
      return timer !== null
    }
  }
}
