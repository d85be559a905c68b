import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import { SessionTimeline } from '../../../../src/main/core/timeline/session-timeline'
import type { ConnectionState } from '../../../../src/shared/connection'
import type { JobHealthSummary } from '../../../../src/shared/job-health'
import type { Job } from '../../../../src/shared/models'
import type { AwaySummary, TimelineSettings } from '../../../../src/shared/timeline'
import { createFakeClock, type FakeClock } from '../connection/fake-clock'
import { job, memoryModule } from './timeline-fixtures'

const T0 = 1_700_000_000_000
const HOUR = 3_600_000

interface Harness {
  clock: FakeClock
  file: ReturnType<typeof memoryModule>
  timeline: SessionTimeline
  jobs: Job[]
  live(jobs: Job[]): void
  rest(state: ConnectionState): void
}

function harness(
  options: {
    clock?: FakeClock
    file?: ReturnType<typeof memoryModule>
    cached?: Job[]
    cachedAsOf?: number
    settings?: TimelineSettings
  } = {}
): Harness {
  const clock = options.clock ?? createFakeClock(T0)
  const file = options.file ?? memoryModule()
  const h: Harness = {
    clock,
    file,
    jobs: [],
    timeline: null as unknown as SessionTimeline,
    live(jobs) {
      h.jobs = jobs
      h.timeline.observe({
        type: 'jobs',
        jobs: { value: jobs, asOf: clock.now(), stale: false },
        counts: null
      })
    },
    rest(state) {
      h.timeline.observe({ type: 'state', stream: 'rest', state })
    }
  }
  h.timeline = new SessionTimeline({
    profileId: 'p',
    clock,
    logger: silentLogger,
    file,
    settings: () => options.settings ?? { maxAgeDays: 30, maxEvents: 5_000 },
    cachedJobs: options.cached
      ? { value: options.cached, asOf: options.cachedAsOf ?? T0 - HOUR, stale: true }
      : null,
    cachedHealth: [],
    jobs: () => h.jobs
  })
  h.timeline.start()
  return h
}

function summary(
  id: number,
  failed: number,
  lastCompletedAt: number | null,
  asOf: number
): JobHealthSummary {
  return {
    instanceId: id,
    name: `job-${id}`,
    lastCompletedAt,
    failedCheckpoints: failed,
    backpressure: null,
    intervalMs: 10_000,
    reasons: [],
    asOf
  }
}

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

  it('records a console-closed gap from the last alive stamp to the next start', () => {
    const first = harness()
    first.clock.advance(45_000)
    first.timeline.stop()
    const closedAt = first.clock.now()
    first.clock.advance(2 * HOUR)
    const second = harness({ clock: first.clock, file: first.file })
    const gaps = second.timeline.events().filter((e) => e.kind === 'gap')
    expect(gaps).toEqual([
      expect.objectContaining({
        reason: 'console-closed',
        at: closedAt,
        until: closedAt + 2 * HOUR,
        jobId: null
      })
    ])
  })

  it('takes the last alive stamp when the console was killed, and closes the gap it left open', () => {
    const first = harness()
    first.rest({ kind: 'live', since: first.clock.now() })
    first.clock.advance(10_000)
    first.rest({
      kind: 'reconnecting',
      attempt: 1,
      retryAt: 0,
      reason: 'connection-refused',
      since: first.clock.now()
    })
    first.clock.advance(61_000)
    const stamped = T0 + 60_000 // the 30 s timer's last stamp
    // Killed: no stop(); a copy of the document as it was holds an open gap and the last stamp.
    const second = harness({ clock: first.clock, file: memoryModule(first.file.value) })
    const gaps = second.timeline.events().filter((e) => e.kind === 'gap')
    expect(gaps.map((e) => e.kind === 'gap' && [e.reason, e.until])).toEqual([
      ['unreachable', stamped]
    ])
    second.timeline.stop()
    first.timeline.stop()
    first.clock.advance(3 * HOUR)
    const third = harness({ clock: first.clock, file: second.file })
    expect(third.timeline.events()[0]).toMatchObject({
      kind: 'gap',
      reason: 'console-closed',
      until: first.clock.now()
    })
  })

  it('opens an unreachable gap once it lasted, open while it lasts, closed when live again', () => {
    const h = harness()
    h.rest({ kind: 'live', since: h.clock.now() })
    h.clock.advance(5_000)
    const down = h.clock.now()
    h.rest({
      kind: 'reconnecting',
      attempt: 1,
      retryAt: 0,
      reason: 'connection-refused',
      since: down
    })
    expect(h.timeline.events()).toEqual([])
    h.clock.advance(30_000)
    expect(h.timeline.events()).toEqual([
      expect.objectContaining({ kind: 'gap', reason: 'unreachable', at: down, until: null })
    ])
    h.rest({ kind: 'offline', reason: 'network-offline', since: h.clock.now() })
    h.clock.advance(60_000)
    h.rest({ kind: 'live', since: h.clock.now() })
    expect(h.timeline.events()).toEqual([
      expect.objectContaining({ kind: 'gap', reason: 'offline', at: down, until: h.clock.now() })
    ])
  })

  it('does not record a blip shorter than the gap threshold', () => {
    const h = harness()
    h.rest({ kind: 'live', since: h.clock.now() })
    h.rest({
      kind: 'reconnecting',
      attempt: 1,
      retryAt: 0,
      reason: 'timeout',
      since: h.clock.now()
    })
    h.clock.advance(2_000)
    h.rest({ kind: 'live', since: h.clock.now() })
    h.clock.advance(60_000)
    expect(h.timeline.events()).toEqual([])
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
    expect((h.file.value as { events: unknown[] }).events).toHaveLength(1)
  })
})
