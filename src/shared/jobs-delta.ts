/**
 * A job list's changes between two polls (issue 23): the rows that are new or changed and the ids that left. At
 * 2,000 jobs the whole list is about 600 kB of JSON and a poll changes a few rows, so the renderer is sent this
 * rather than the list. Pure and shared: main merges two deltas that fall in one IPC batch, the renderer applies
 * them to the list it holds, and both must agree on what the result is.
 */
import type { Job } from './models'

export interface JobsDelta {
  /** When the server said this (epoch ms): the poll's time, the list's new `asOf`. */
  asOf: number
  /** New rows and rows that changed, whole. */
  upserts: Job[]
  /** Ids of job instances no longer listed (a task's newer instance replaced them, a task was deleted). */
  removed: number[]
}

/** True when the delta only moves `asOf` on: the poll found nothing new. */
export function isEmptyDelta(delta: JobsDelta): boolean {
  return delta.upserts.length === 0 && delta.removed.length === 0
}

/**
 * The list after `delta`. Rows keep their place and, when unchanged, their identity (so memoised rows do not
 * redraw); new rows are put in Dinky's order, newest instance (highest id) first, as the console asks for the list.
 * An empty delta returns `jobs` itself.
 */
export function applyJobsDelta(jobs: readonly Job[], delta: JobsDelta): Job[] {
  if (isEmptyDelta(delta)) return jobs as Job[]
  const upserts = new Map<number, Job>()
  for (const job of delta.upserts) upserts.set(job.id, job)
  const removed = new Set(delta.removed)
  const out: Job[] = []
  for (const job of jobs) {
    if (removed.has(job.id)) continue
    const next = upserts.get(job.id)
    out.push(next ?? job)
    if (next) upserts.delete(job.id)
  }
  if (upserts.size === 0) return out
  for (const job of upserts.values()) out.push(job)
  return out.sort((a, b) => b.id - a.id)
}

/** One delta that does what `first` then `second` do (two polls within one 50 ms IPC batch). */
export function mergeJobsDeltas(first: JobsDelta, second: JobsDelta): JobsDelta {
  const upserts = new Map<number, Job>()
  for (const job of first.upserts) upserts.set(job.id, job)
  const removed = new Set(first.removed)
  for (const id of second.removed) {
    upserts.delete(id)
    removed.add(id)
  }
  for (const job of second.upserts) {
    removed.delete(job.id)
    upserts.set(job.id, job)
  }
  return {
    asOf: Math.max(first.asOf, second.asOf),
    upserts: [...upserts.values()],
    removed: [...removed]
  }
}
