/**
 * Coalesced, serialised writes. However fast changes arrive, a store writes at most once per interval: a write
 * cycle starts no sooner than one interval after the previous cycle *ended*, so even a slow cycle cannot put two
 * writes of the same file closer than that. Every disk operation (a scheduled cycle, `flush()`, a clear) runs on
 * one queue, so they never interleave.
 */
import type { Clock, Logger, TimerHandle } from '../ports'

export interface WriteScheduler {
  /** Something changed: write it within about one interval. */
  markDirty(): void
  /** Write now (quit, suspend), after whatever is already running. */
  flushNow(): Promise<void>
  /** Run a disk operation on the queue (clear). */
  exclusive<T>(task: () => Promise<T>): Promise<T>
  /** Flushes, then ignores further changes. Idempotent. */
  close(): Promise<void>
}

export function createWriteScheduler(options: {
  clock: Clock
  intervalMs: number
  logger: Logger
  write: () => Promise<void>
}): WriteScheduler {
  const { clock, intervalMs, logger } = options
  let timer: TimerHandle | null = null
  let lastCycleEnd = Number.NEGATIVE_INFINITY
  let writing = false
  let dirtyDuringCycle = false
  let queue: Promise<unknown> = Promise.resolve()
  let closed = false

  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }

  const cycle = async () => {
    writing = true
    try {
      await options.write()
    } finally {
      writing = false
      lastCycleEnd = clock.now()
      if (dirtyDuringCycle && !closed) {
        dirtyDuringCycle = false
        arm()
      }
    }
  }

  const arm = () => {
    if (timer !== null) return
    const delay = Math.max(0, lastCycleEnd + intervalMs - clock.now())
    timer = clock.setTimeout(() => {
      timer = null
      exclusive(async () => {
        // Re-checked when the turn comes: a flush may have run meanwhile, or the timer fired a tick early.
        if (clock.now() < lastCycleEnd + intervalMs) return arm()
        await cycle()
      }).catch((error: unknown) => logger.warn('cache write failed', { why: String(error) }))
    }, delay)
  }

  const flushNow = () => {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    return exclusive(cycle)
  }

  return {
    markDirty() {
      if (closed) return
      if (writing) dirtyDuringCycle = true
      else arm()
    },
    flushNow,
    exclusive,
    async close() {
      if (closed) return queue.then(() => undefined)
      closed = true
      await flushNow()
    }
  }
}
