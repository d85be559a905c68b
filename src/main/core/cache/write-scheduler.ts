/**
 * Coalesced, serialised writes. However fast changes arrive, a store writes at most once per interval: the first
 * change after a write arms one timer for `lastWrite + interval`, later changes ride along. Every disk operation
 * (a scheduled write, `flush()`, a clear) runs on one queue, so they never interleave.
 */
import type { Clock, Logger, TimerHandle } from '../ports'

export interface WriteScheduler {
  /** Something changed: write it within one interval. */
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
  let lastWriteAt = Number.NEGATIVE_INFINITY
  let queue: Promise<unknown> = Promise.resolve()
  let closed = false

  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }

  const writeNow = (): Promise<void> => {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    // Stamped when the write is decided, not when it runs, so a change arriving meanwhile waits a full interval.
    lastWriteAt = clock.now()
    return exclusive(options.write)
  }

  return {
    markDirty() {
      if (closed || timer !== null) return
      const delay = Math.max(0, lastWriteAt + intervalMs - clock.now())
      timer = clock.setTimeout(() => {
        timer = null
        writeNow().catch((error: unknown) =>
          logger.warn('cache write failed', { why: String(error) })
        )
      }, delay)
    },
    flushNow: writeNow,
    exclusive,
    async close() {
      if (closed) return queue.then(() => undefined)
      closed = true
      await writeNow()
    }
  }
}
