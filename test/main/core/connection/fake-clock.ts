/** A manual clock for tests where time is the subject: timers fire only when the test advances time. */
import type { Clock, TimerHandle } from '../../../../src/main/core/ports'

export interface FakeClock extends Clock {
  advance(ms: number): void
  /** Moves wall time without firing timers (a clock change or a sleep the timers did not see). */
  jump(ms: number): void
  pending(): number
}

export function createFakeClock(start = 1_000_000): FakeClock {
  // Timers run on monotonic time; `jump` moves only the wall clock, as a clock change or a sleep does.
  let mono = start
  let wallOffset = 0
  let nextId = 1
  const timers = new Map<number, { at: number; callback: () => void }>()
  const clock: FakeClock = {
    now: () => mono + wallOffset,
    setTimeout(callback, ms) {
      const id = nextId++
      timers.set(id, { at: mono + Math.max(0, ms), callback })
      return id as unknown as TimerHandle
    },
    clearTimeout(handle) {
      timers.delete(handle as unknown as number)
    },
    advance(ms) {
      const end = mono + ms
      for (;;) {
        let dueId: number | null = null
        let dueAt = Infinity
        for (const [id, timer] of timers) {
          if (timer.at <= end && timer.at < dueAt) {
            dueAt = timer.at
            dueId = id
          }
        }
        if (dueId === null) break
        const timer = timers.get(dueId)!
        timers.delete(dueId)
        mono = Math.max(mono, timer.at)
        timer.callback()
      }
      mono = end
    },
    jump(ms) {
      wallOffset += ms
    },
    pending: () => timers.size
  }
  return clock
}
