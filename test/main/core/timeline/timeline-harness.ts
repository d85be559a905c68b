/** Test harness of the session timeline: a `SessionTimeline` on a fake clock and an in-memory cache document. */
import { silentLogger } from '../../../../src/main/core/logger'
import { SessionTimeline } from '../../../../src/main/core/timeline/session-timeline'
import type { ConnectionState } from '../../../../src/shared/connection'
import type { JobHealthSummary } from '../../../../src/shared/job-health'
import type { Job } from '../../../../src/shared/models'
import type { TimelineSettings } from '../../../../src/shared/timeline'
import { createFakeClock, type FakeClock } from '../connection/fake-clock'
import { memoryModule } from './timeline-fixtures'

export const T0 = 1_700_000_000_000
export const HOUR = 3_600_000

export interface Harness {
  clock: FakeClock
  file: ReturnType<typeof memoryModule>
  timeline: SessionTimeline
  jobs: Job[]
  live(jobs: Job[]): void
  rest(state: ConnectionState): void
}

export function harness(
  options: {
    clock?: FakeClock
    file?: ReturnType<typeof memoryModule>
    aliveFile?: ReturnType<typeof memoryModule>
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
    aliveFile: options.aliveFile,
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

export function summary(
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
