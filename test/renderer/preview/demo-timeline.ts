/**
 * The preview's timeline (issue 22): a few hours of one server as the console would have kept them — a night the
 * console was closed (a gap), a job that failed meanwhile, a checkpoint streak, a savepoint taken from the console
 * — and the "while you were away" summary of the return.
 */
import type { AwaySummary, TimelineEvent, TimelineQuery } from '../../../src/shared/timeline'
import { demoJobs, NOW } from './demo-world'

const MIN = 60_000

/** An event before the timeline gives it its id and server (distributed over the kinds). */
type Recorded = TimelineEvent extends infer E
  ? E extends TimelineEvent
    ? Omit<E, 'id' | 'profileId'>
    : never
  : never

export function demoTimeline(profileId: string): TimelineEvent[] {
  const jobs = demoJobs()
  const failed = jobs.find((job) => job.status === 'FAILED')!
  const running = jobs[0]!
  const of = (job: typeof running) => ({ jobId: job.id, taskId: job.taskId, jobName: job.name })
  const events: Recorded[] = [
    {
      at: NOW - 4 * MIN,
      ...of(running),
      kind: 'savepoint',
      path: 'hdfs:///flink/savepoints/savepoint-4f1c2a-9e0d1b7c',
      checkpointId: 1_204
    },
    {
      at: NOW - 5 * MIN,
      ...of(running),
      kind: 'action',
      action: 'savepoint',
      ok: true,
      message: 'Success'
    },
    {
      at: NOW - 9 * MIN,
      ...of(running),
      kind: 'checkpoint-failures',
      count: 4,
      until: NOW - 7 * MIN,
      message: 'Checkpoint expired before completing.'
    },
    {
      at: NOW - 12 * MIN,
      ...of(failed),
      kind: 'alert',
      state: 'firing',
      rule: 'failed',
      severity: 'critical',
      detail: 'Job entered FAILED'
    },
    { at: NOW - 12 * MIN, ...of(failed), kind: 'status', from: 'RUNNING', to: 'FAILED' },
    {
      at: NOW - 230 * MIN,
      jobId: null,
      taskId: null,
      jobName: null,
      kind: 'gap',
      reason: 'console-closed',
      until: NOW - 12 * MIN
    },
    { at: NOW - 236 * MIN, ...of(running), kind: 'restart', count: 1, total: 1 },
    { at: NOW - 240 * MIN, ...of(running), kind: 'status', from: 'RESTARTING', to: 'RUNNING' }
  ]
  return events.map(
    (event, index) => ({ ...event, id: `${event.at}-${index}`, profileId }) as TimelineEvent
  )
}

export function demoTimelineQuery(profileId: string, query: TimelineQuery): TimelineEvent[] {
  return demoTimeline(profileId)
    .filter((e) => query.jobId === undefined || e.jobId === query.jobId || e.kind === 'gap')
    .slice(0, query.limit ?? 500)
}

export function demoAway(profileId: string): AwaySummary {
  const failed = demoJobs().find((job) => job.status === 'FAILED')!
  return {
    profileId,
    since: NOW - 230 * MIN,
    until: NOW - 12 * MIN,
    changes: [
      {
        jobId: failed.id,
        taskId: failed.taskId,
        jobName: failed.name,
        from: 'RUNNING',
        to: 'FAILED',
        restarts: 3
      }
    ],
    counts: { alert: 1, status: 1 },
    gaps: [{ from: NOW - 230 * MIN, to: NOW - 12 * MIN, reason: 'console-closed' }]
  }
}
