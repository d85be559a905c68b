import { describe, expect, it } from 'vitest'
import { createWatchdog } from '../../../../src/main/core/connection/watchdog'
import { createClockJumpDetector } from '../../../../src/main/core/connection/clock-jump'
import { createFakeClock } from './fake-clock'

describe('createWatchdog', () => {
  it('fires once the stream has been silent for the timeout', () => {
    const clock = createFakeClock()
    let fired = 0
    const watchdog = createWatchdog(clock, 27_000, () => fired++)
    watchdog.arm()
    clock.advance(26_999)
    expect(fired).toBe(0)
    clock.advance(1)
    expect(fired).toBe(1)
    expect(watchdog.armed).toBe(false)
  })

  it('is re-armed by every touch, with a single timer', () => {
    const clock = createFakeClock()
    let fired = 0
    const watchdog = createWatchdog(clock, 10_000, () => fired++)
    watchdog.arm()
    for (let i = 0; i < 100; i++) {
      clock.advance(5_000)
      watchdog.touch()
    }
    expect(fired).toBe(0)
    expect(clock.pending()).toBe(1)
    clock.advance(10_000)
    expect(fired).toBe(1)
    expect(clock.pending()).toBe(0)
  })

  it('does nothing after disarm, and touch does not re-arm it', () => {
    const clock = createFakeClock()
    let fired = 0
    const watchdog = createWatchdog(clock, 1_000, () => fired++)
    watchdog.arm()
    watchdog.disarm()
    watchdog.touch()
    clock.advance(5_000)
    expect(fired).toBe(0)
    expect(clock.pending()).toBe(0)
  })
})

describe('createClockJumpDetector', () => {
  it('reports a wall-clock jump beyond the threshold and keeps watching', () => {
    const clock = createFakeClock()
    const jumps: number[] = []
    const dispose = createClockJumpDetector({ clock, intervalMs: 1_000, thresholdMs: 5_000 }, (d) =>
      jumps.push(d)
    )
    clock.advance(3_000)
    expect(jumps).toEqual([])
    clock.jump(60_000)
    clock.advance(1_000)
    expect(jumps).toHaveLength(1)
    expect(jumps[0]).toBeGreaterThanOrEqual(59_000)
    clock.jump(-30_000)
    clock.advance(1_000)
    expect(jumps).toHaveLength(2)
    expect(jumps[1]).toBeLessThan(0)
    dispose()
    expect(clock.pending()).toBe(0)
  })
})
