import { describe, expect, it } from 'vitest'
import { DeadlineQueue, TargetDeadlines } from '../../../../src/main/core/alerts/deadline-queue'
import { EventWindow, SampleWindow } from '../../../../src/main/core/alerts/event-window'

describe('deadline queue', () => {
  it('pops in time order', () => {
    const queue = new DeadlineQueue<string>()
    for (const [at, name] of [
      [5, 'e'],
      [1, 'a'],
      [3, 'c'],
      [2, 'b'],
      [4, 'd']
    ] as const)
      queue.push(at, name)
    const order: string[] = []
    for (let top = queue.pop(); top; top = queue.pop()) order.push(top.target)
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('keeps one deadline per target: moved ones skip their stale entry, and the queue stays bounded', () => {
    const targets = Array.from({ length: 10 }, () => ({ dueAt: Infinity, removed: false }))
    const deadlines = new TargetDeadlines(() => targets)
    // Every target's deadline moves 1,000 times: stale entries are compacted away, not kept.
    for (let round = 1; round <= 1_000; round++)
      targets.forEach((target, i) => deadlines.set(target, 10_000 + round * 10 + i, 0))
    expect(deadlines.size).toBeLessThanOrEqual(2 * 1024 + 1)
    expect(deadlines.next()).toBe(20_000)
    targets[0].removed = true
    expect(deadlines.next()).toBe(20_001)
    const due: number[] = []
    for (let t = deadlines.popDue(30_000); t; t = deadlines.popDue(30_000)) due.push(t.dueAt)
    expect(due).toEqual(Array(9).fill(Infinity))
    expect(deadlines.next()).toBe(Infinity)
  })
})

describe('event and sample windows', () => {
  it('counts events after a time, bounded in entries but not in count', () => {
    const window = new EventWindow()
    for (let at = 1; at <= 100; at++) window.add(at, 1)
    expect(window.countAfter(0)).toBe(100)
    expect(window.countAfter(90)).toBe(10)
    expect(window.dropsBelowAt(10, 1_000)).toBe(91 + 1_000)
    expect(window.dropsBelowAt(101, 1_000)).toBe(Infinity)
  })

  it('keeps the last N samples in time order whatever order they arrive in', () => {
    const window = new SampleWindow(3)
    window.add(3, true, 30)
    window.add(1, false, 10)
    window.add(2, true, 20)
    expect(window.allOver()).toBe(false)
    window.add(4, true, 40)
    expect(window.ats).toEqual([2, 3, 4])
    expect(window.allOver()).toBe(true)
    window.add(1, false, 10)
    window.add(3, false, 99)
    expect(window.allOver()).toBe(true)
    expect(window.last()).toBe(40)
  })
})
