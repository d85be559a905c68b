/**
 * The generation of the REST sync's work and its named timers, together: superseding bumps the generation (every
 * answer still in flight is then ignored when it lands) and clears every timer in the same step, so no poll of an
 * older generation can run again. Separate because both the sync's lifecycle and its polls lean on it.
 */
import type { Clock, TimerHandle } from '../ports'

export type SyncTimer = 'jobs' | 'clusters' | 'retry'

export class GenerationTimers {
  private generation = 0
  private readonly timers = new Map<SyncTimer, TimerHandle>()

  constructor(private readonly clock: Clock) {}

  /** The work of `generation` is still wanted. */
  current(generation: number): boolean {
    return generation === this.generation
  }

  /** Invalidates everything in flight and every timer; returns the new generation. */
  supersede(): number {
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle)
    this.timers.clear()
    return ++this.generation
  }

  /** Runs `run` in `ms`, replacing the timer of the same kind. */
  schedule(kind: SyncTimer, ms: number, run: () => void): void {
    const previous = this.timers.get(kind)
    if (previous !== undefined) this.clock.clearTimeout(previous)
    this.timers.set(
      kind,
      this.clock.setTimeout(() => {
        this.timers.delete(kind)
        run()
      }, ms)
    )
  }
}
