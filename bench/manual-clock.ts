/**
 * A clock that moves only when told to: lets a synchronous benchmark loop play events at a chosen pace through
 * code that batches on timers (the IPC push batcher), without sleeping.
 */
import type { Clock, TimerHandle } from '../src/main/core/ports'

interface Timer {
  at: number
  callback: () => void
}

export class ManualClock implements Clock {
  private time = 0
  private readonly timers = new Set<Timer>()

  now(): number {
    return this.time
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { at: this.time + Math.max(0, ms), callback }
    this.timers.add(timer)
    return timer as unknown as TimerHandle
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as unknown as Timer)
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.time + ms
    for (;;) {
      let next: Timer | null = null
      for (const timer of this.timers)
        if (timer.at <= until && (!next || timer.at < next.at)) next = timer
      if (!next) break
      this.timers.delete(next)
      this.time = next.at
      next.callback()
    }
    this.time = until
  }
}
