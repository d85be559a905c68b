import { describe, expect, it } from 'vitest'
import {
  DetailScheduler,
  type DetailReason
} from '../../../../src/main/core/job-detail/detail-scheduler'
import { silentLogger } from '../../../../src/main/core/logger'
import { createFakeClock } from '../connection/fake-clock'

/** Lets the scheduler's awaited fetch settle between timer steps. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

async function run(clock: ReturnType<typeof createFakeClock>, ms: number, step = 50) {
  for (let t = 0; t < ms; t += step) {
    clock.advance(step)
    await settle()
  }
}

function setup(
  options: { budget?: number; jobs?: number[]; latencyMs?: number; fail?: boolean } = {}
) {
  const clock = createFakeClock()
  const calls: Array<{ id: number; reason: DetailReason; at: number }> = []
  let live = true
  const scheduler = new DetailScheduler({
    clock,
    logger: silentLogger,
    budgetPerSecond: () => options.budget ?? 1,
    candidates: () => options.jobs ?? [],
    isLive: () => live,
    sweepMinAgeMs: 5_000,
    fetch: (id, reason) => {
      calls.push({ id, reason, at: clock.now() })
      if (options.fail) return Promise.reject(new Error('HTTP 502'))
      if (!options.latencyMs) return Promise.resolve()
      return new Promise<void>((resolve) => clock.setTimeout(resolve, options.latencyMs ?? 0))
    }
  })
  return { clock, calls, scheduler, setLive: (value: boolean) => (live = value) }
}

describe('DetailScheduler', () => {
  it('polls an open drawer every 3 s and nothing once it is closed', async () => {
    const { clock, calls, scheduler } = setup()
    scheduler.start()
    scheduler.openJob(7)
    await run(clock, 9_500)
    expect(calls.map((c) => c.id)).toEqual([7, 7, 7, 7])
    expect(calls[1].at - calls[0].at).toBe(3_000)
    scheduler.closeJob(7)
    await run(clock, 10_000)
    expect(calls).toHaveLength(4)
    scheduler.stop()
  })

  it('sweeps running jobs round-robin within the budget, each at most once per min age', async () => {
    const { clock, calls, scheduler } = setup({ budget: 1, jobs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })
    scheduler.start()
    await run(clock, 20_000)
    const started = calls.map((c) => c.at)
    for (let i = 1; i < started.length; i++)
      expect(started[i] - started[i - 1]).toBeGreaterThanOrEqual(1_000)
    expect(calls.length).toBeGreaterThanOrEqual(18)
    expect(calls.slice(0, 10).map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(calls.every((c) => c.reason === 'sweep')).toBe(true)
    scheduler.stop()
  })

  it('follows a changed budget within a second, even in the middle of a long gap', async () => {
    const options = { budget: 0.1, jobs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }
    const { clock, calls, scheduler } = setup(options)
    scheduler.start()
    await run(clock, 3_000)
    expect(calls).toHaveLength(1)
    options.budget = 5
    await run(clock, 1_100)
    // The wait under way (10 s) is cut short: the new budget's pace from the next second on.
    expect(calls.length).toBeGreaterThanOrEqual(2)
    const from = calls.length
    await run(clock, 1_000)
    // 5 a second, less the 50 ms steps of this fake clock's run (the old budget: none at all).
    expect(calls.length - from).toBeGreaterThanOrEqual(3)
    expect(calls.length - from).toBeLessThanOrEqual(5)
    options.budget = 0.5
    const slowFrom = calls.length
    await run(clock, 4_000)
    expect(calls.length - slowFrom).toBeLessThanOrEqual(2)
    scheduler.stop()
  })

  it('serves the open drawer before the sweep, the two sharing one budget', async () => {
    const { clock, calls, scheduler } = setup({ budget: 1, jobs: [1, 2, 3, 4, 5, 6, 7, 8] })
    scheduler.start()
    scheduler.openJob(99)
    await run(clock, 11_500)
    expect(calls[0]).toMatchObject({ id: 99, reason: 'open' })
    expect(calls.filter((c) => c.id === 99).length).toBe(4)
    expect(calls.length).toBeLessThanOrEqual(13)
    scheduler.stop()
  })

  it('reads every open drawer within a bound when more are open than the budget serves every 3 s', async () => {
    // 4 drawers want a read every 3 s (4/3 per second) against 1 per second, with 20 running jobs to sweep.
    const jobs = Array.from({ length: 20 }, (_, i) => i + 1)
    const { clock, calls, scheduler } = setup({ budget: 1, jobs, latencyMs: 120 })
    scheduler.start()
    const openedAt = clock.now()
    for (const id of [1, 2, 3, 4]) scheduler.openJob(id)
    await run(clock, 60_000)
    scheduler.stop()
    const opened = calls.filter((c) => c.reason === 'open')
    for (const id of [1, 2, 3, 4]) {
      const at = [openedAt, ...opened.filter((c) => c.id === id).map((c) => c.at), clock.now()]
      const gaps = at.slice(1).map((t, i) => t - at[i])
      // Least recently read first: each drawer waits for the other three at most, one budget slot each.
      expect(Math.max(...gaps), `drawer ${id}`).toBeLessThanOrEqual(4 * 1_200)
    }
    const starts = calls.map((c) => c.at)
    expect(starts.every((t, i) => i === 0 || t - starts[i - 1] >= 1_000)).toBe(true)
  })

  it('backs off when Dinky is slow or failing, and asks nothing while not live', async () => {
    const slow = setup({ budget: 1, jobs: [1, 2, 3], latencyMs: 4_000 })
    slow.scheduler.start()
    await run(slow.clock, 30_000)
    // A 4 s answer adds a penalty of twice that: one request per 9 s instead of one per second.
    expect(slow.calls.length).toBeLessThanOrEqual(4)
    expect(slow.calls[1].at - slow.calls[0].at).toBeGreaterThanOrEqual(9_000)
    const failing = setup({ budget: 1, jobs: [1, 2, 3], fail: true })
    failing.scheduler.start()
    await run(failing.clock, 30_000)
    expect(failing.calls.length).toBeLessThanOrEqual(5)
    const offline = setup({ jobs: [1, 2] })
    offline.setLive(false)
    offline.scheduler.start()
    await run(offline.clock, 10_000)
    expect(offline.calls).toHaveLength(0)
    for (const s of [slow, failing, offline]) s.scheduler.stop()
  })
})
