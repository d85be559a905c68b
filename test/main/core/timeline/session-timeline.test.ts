import { describe, expect, it } from 'vitest'
import type { AwaySummary } from '../../../../src/shared/timeline'
import { job } from './timeline-fixtures'
import { harness, HOUR, summary, T0 } from './timeline-harness'

describe('SessionTimeline', () => {
  it('records status transitions and restarts (count rising, or entering RESTARTING)', () => {
    const h = harness()
    h.live([job(1, 'RUNNING'), job(2, 'RUNNING')])
    h.clock.advance(5_000)
    h.live([job(1, 'RESTARTING', { failedRestartCount: 2 }), job(2, 'RESTARTING')])
    h.timeline.observe({
      type: 'job',
      transition: {
        id: 1,
        taskId: 10,
        name: 'job-1',
        from: 'RUNNING',
        to: 'RESTARTING',
        at: h.clock.now()
      }
    })
    const events = h.timeline.events()
    expect(events.map((e) => e.kind)).toEqual(['status', 'restart', 'restart'])
    const restarts = events.filter((e) => e.kind === 'restart')
    expect(restarts.map((e) => [e.jobId, e.count, e.total])).toEqual([
      [2, 1, 0],
      [1, 2, 2]
    ])
    expect(events[0]).toMatchObject({ kind: 'status', from: 'RUNNING', to: 'RESTARTING', jobId: 1 })
    expect(events[0].id).toMatch(/^\d+-\d+$/)
  })

  it('groups failed checkpoints into one event per streak, ended by a completed checkpoint', () => {
    const h = harness()
    h.live([job(1, 'RUNNING')])
    const health = (failed: number, completed: number | null) =>
      h.timeline.observe({
        type: 'job-health',
        summary: summary(1, failed, completed, h.clock.now()),
        detail: null
      })
    health(0, 100)
    h.clock.advance(10_000)
    health(2, 100)
    h.clock.advance(10_000)
    health(3, 100)
    h.clock.advance(10_000)
    health(3, 100)
    let streaks = h.timeline.events({ jobId: 1 }).filter((e) => e.kind === 'checkpoint-failures')
    expect(streaks).toHaveLength(1)
    expect(streaks[0]).toMatchObject({ count: 3, at: T0 + 10_000, until: T0 + 20_000 })
    h.clock.advance(10_000)
    health(4, 200)
    streaks = h.timeline.events({ jobId: 1 }).filter((e) => e.kind === 'checkpoint-failures')
    expect(streaks.map((e) => e.kind === 'checkpoint-failures' && e.count)).toEqual([1, 3])
  })

  it('tells subscribers of a grown streak under the same id', () => {
    const h = harness()
    const seen: string[] = []
    h.timeline.subscribe((event) => seen.push(event.id))
    h.timeline.observe({ type: 'job-health', summary: summary(1, 0, null, T0), detail: null })
    h.timeline.observe({ type: 'job-health', summary: summary(1, 1, null, T0 + 1), detail: null })
    h.timeline.observe({ type: 'job-health', summary: summary(1, 2, null, T0 + 2), detail: null })
    expect(seen).toHaveLength(2)
    expect(seen[0]).toBe(seen[1])
  })

  it('summarises what changed while away: cached jobs against the first live ones, until marked seen', () => {
    const asOf = T0 - 2 * HOUR
    const h = harness({
      cached: [job(1, 'RUNNING'), job(2, 'RUNNING', { failedRestartCount: 1 }), job(3, 'RUNNING')],
      cachedAsOf: asOf
    })
    const told: Array<AwaySummary | null> = []
    h.timeline.onAway((s) => told.push(s))
    expect(h.timeline.away()).toBeNull()
    h.live([
      job(1, 'FAILED'),
      job(2, 'RUNNING', { failedRestartCount: 3 }),
      job(3, 'RUNNING'),
      job(4, 'RUNNING')
    ])
    const away = h.timeline.away()
    expect(away).toMatchObject({ profileId: 'p', since: asOf, until: T0 })
    expect(away?.changes).toEqual([
      { jobId: 1, taskId: 10, jobName: 'job-1', from: 'RUNNING', to: 'FAILED', restarts: 0 },
      { jobId: 2, taskId: 20, jobName: 'job-2', from: 'RUNNING', to: 'RUNNING', restarts: 2 },
      { jobId: 4, taskId: 40, jobName: 'job-4', from: null, to: 'RUNNING', restarts: 0 }
    ])
    expect(told).toEqual([away])
    h.timeline.markSeen()
    expect(h.timeline.away()).toBeNull()
    expect(told).toEqual([away, null])
  })

  it('has nothing to say when nothing changed', () => {
    const h = harness({ cached: [job(1, 'RUNNING')] })
    h.live([job(1, 'RUNNING')])
    expect(h.timeline.away()).toBeNull()
  })

  it('keeps at most maxEvents events, and none older than maxAgeDays', () => {
    const h = harness({ settings: { maxAgeDays: 1, maxEvents: 3 } })
    for (let i = 0; i < 5; i++) {
      h.timeline.record({
        kind: 'restart',
        at: h.clock.now() + i,
        jobId: 1,
        taskId: 10,
        jobName: 'j',
        count: 1,
        total: i
      })
    }
    expect(h.timeline.events().map((e) => e.kind === 'restart' && e.total)).toEqual([4, 3, 2])
    h.clock.advance(25 * HOUR)
    h.timeline.record({
      kind: 'restart',
      at: h.clock.now(),
      jobId: 1,
      taskId: 10,
      jobName: 'j',
      count: 1,
      total: 9
    })
    expect(h.timeline.events().map((e) => e.kind === 'restart' && e.total)).toEqual([9])
    // Written within the timeline's own coalescing delay.
    h.clock.advance(10_000)
    expect((h.file.value as { events: unknown[] }).events).toHaveLength(1)
  })

  it('forgets its events when the cache is cleared, and does not write them back', () => {
    const h = harness({ cached: [job(1, 'RUNNING')] })
    h.timeline.record({
      kind: 'restart',
      at: T0,
      jobId: 1,
      taskId: 10,
      jobName: 'j',
      count: 1,
      total: 1
    })
    h.timeline.forget()
    expect(h.timeline.events()).toEqual([])
    expect(h.file.value).toMatchObject({ events: [], aliveAt: T0 })
    h.live([job(1, 'FAILED')])
    expect(h.timeline.away()).toBeNull()
  })

  it('writes a burst of events once, and at once when stopped', () => {
    const h = harness()
    for (let i = 0; i < 100; i++)
      h.timeline.record({
        kind: 'restart',
        at: T0 + i,
        jobId: 1,
        taskId: 10,
        jobName: 'j',
        count: 1,
        total: i
      })
    expect(h.file.writes).toBe(0)
    h.clock.advance(10_000)
    expect(h.file.writes).toBe(1)
    expect((h.file.value as { events: unknown[] }).events).toHaveLength(100)
    h.timeline.record({
      kind: 'restart',
      at: h.clock.now(),
      jobId: 1,
      taskId: 10,
      jobName: 'j',
      count: 1,
      total: 100
    })
    h.timeline.stop()
    expect(h.file.writes).toBe(2)
    expect((h.file.value as { events: unknown[] }).events).toHaveLength(101)
  })
})
