/**
 * Detects jumps of the wall clock and long stalls of the event loop (laptop sleep, VM pause, a manual clock change):
 * a timer set for `intervalMs` that fires much later, or at an earlier wall time, means every connection's idea of
 * time is wrong and its sockets are likely dead.
 */
import type { Clock, Disposer, TimerHandle } from '../ports'

export interface ClockJumpOptions {
  clock: Clock
  /** How often to look; default 5 s. */
  intervalMs?: number
  /** Drift beyond this counts as a jump; default 10 s. */
  thresholdMs?: number
}

/** Why a timer and not OS events: the CLI and tests have no powerMonitor, and clock changes raise no event at all. */
export function createClockJumpDetector(
  options: ClockJumpOptions,
  onJump: (driftMs: number) => void
): Disposer {
  const { clock } = options
  const intervalMs = options.intervalMs ?? 5_000
  const thresholdMs = options.thresholdMs ?? 10_000
  let timer: TimerHandle | null = null
  let expectedAt = 0

  const schedule = () => {
    expectedAt = clock.now() + intervalMs
    timer = clock.setTimeout(tick, intervalMs)
  }
  const tick = () => {
    const drift = clock.now() - expectedAt
    schedule()
    if (drift > thresholdMs || drift < -thresholdMs) onJump(drift)
  }
  schedule()
  return () => {
    if (timer) clock.clearTimeout(timer)
    timer = null
  }
}
