/**
 * "While you were away" (issue 22): what changed between the jobs the operator last saw (the cached list, or the
 * last live list before a long gap) and the first live list after the return, with the timeline's events and gaps
 * of that period. Pure: the session timeline decides when, this decides what.
 */
import type { Job } from '../../../shared/models'
import type { AwayChange, AwaySummary, TimelineEvent } from '../../../shared/timeline'

/** Changes listed at most (a summary crosses IPC and is read by a person). */
export const MAX_AWAY_CHANGES = 500

export interface AwayBaseline {
  /** When these jobs were live. */
  since: number
  jobs: readonly Job[]
}

/**
 * Per job: its status then and now and the restarts between. A task whose instance was replaced (a restart from
 * Dinky makes a new instance) is one change from the old instance's status to the new one's, not a gone job and a
 * new one. Jobs that did not change are left out.
 */
export function awayChanges(before: readonly Job[], after: readonly Job[]): AwayChange[] {
  const old = new Map(before.map((job) => [job.id, job]))
  const present = new Set(after.map((job) => job.id))
  const replaced = new Map<number, Job>()
  for (const job of before) if (!present.has(job.id)) replaced.set(job.taskId, job)
  const changes: AwayChange[] = []
  const add = (change: AwayChange) => {
    if (changes.length < MAX_AWAY_CHANGES) changes.push(change)
  }
  for (const job of after) {
    const same = old.get(job.id)
    const previous = same ?? replaced.get(job.taskId)
    if (!same && previous) replaced.delete(job.taskId)
    const restarts = same
      ? Math.max(0, job.failedRestartCount - same.failedRestartCount)
      : previous
        ? job.failedRestartCount
        : 0
    const from = previous?.status ?? null
    if (from === job.status && restarts === 0) continue
    add({ jobId: job.id, taskId: job.taskId, jobName: job.name, from, to: job.status, restarts })
  }
  for (const job of replaced.values()) {
    add({
      jobId: job.id,
      taskId: job.taskId,
      jobName: job.name,
      from: job.status,
      to: null,
      restarts: 0
    })
  }
  return changes
}

/** The summary of a return, or null when there is nothing to tell (no change, no event). */
export function awaySummary(options: {
  profileId: string
  baseline: AwayBaseline
  now: { at: number; jobs: readonly Job[] }
  /** The timeline's events in [since, until), oldest first. */
  events: readonly TimelineEvent[]
}): AwaySummary | null {
  const { baseline, now } = options
  const changes = awayChanges(baseline.jobs, now.jobs)
  const counts: AwaySummary['counts'] = {}
  const gaps: AwaySummary['gaps'] = []
  let told = 0
  for (const event of options.events) {
    if (event.kind === 'gap') {
      gaps.push({ from: event.at, to: event.until ?? now.at, reason: event.reason })
      continue
    }
    counts[event.kind] = (counts[event.kind] ?? 0) + 1
    told++
  }
  if (changes.length === 0 && told === 0) return null
  return {
    profileId: options.profileId,
    since: baseline.since,
    until: now.at,
    changes,
    counts,
    gaps
  }
}
