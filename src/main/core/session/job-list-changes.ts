/**
 * Which rows of a polled job list are news to those who hold the previous one (issue 23): the renderer, over IPC,
 * and `watch --json`. Dinky pushes no job status, so the console polls the whole list every few seconds; at 2,000
 * jobs sending it whole every time cost 622 kB a poll and a redraw of everything for nothing.
 *
 * What is not news (the decision, from what real Dinky sends between polls, test/fixtures/real-dinky): Dinky's
 * `JobRefreshHandler` saves an unfinished job's row (Flink's `duration` and the save's `updateTime`) every 60
 * refresh cycles, about 5 minutes, so at 2,000 running jobs a few rows move every poll with nothing happening. Both
 * fields then move together and the job's start (`updateTime - durationMs`) stays put within the second's rounding;
 * the renderer shows the duration from them (`liveDurationMs`: the saved duration plus the time since the save), so
 * the old row already shows the right duration. Such a re-saved row is held back and sent with the next sweep, at
 * most one a minute: the only thing it changes on screen is the Updated time, by less than that minute.
 */
import { DONE_STATUSES, type Fresh, type Job, type StatusCounts } from '../../../shared/models'
import type { JobsChanges } from '../../../shared/session'

/** How often re-saved rows are sent after all; also the cache's refresh of an unchanged list (session model). */
export const SWEEP_MS = 60_000
/** Dinky's times are whole seconds and Flink's duration is read a moment before the save. */
const SAVE_JITTER_MS = 2_000

export class JobListChanges {
  /** The rows as last told: a held-back re-saved row stays here in its old form until it is sent. */
  private view = new Map<number, Job>()
  private counts: StatusCounts | null = null
  private lastSweepAt = Number.NEGATIVE_INFINITY
  /** Whether a list was told at all (an empty view may be an empty server's list). */
  private told = false

  /** The changes of `jobs` (and `counts`, when read) against what was told before; tells it. */
  next(jobs: Fresh<Job[]>, counts: Fresh<StatusCounts> | null): JobsChanges {
    const countsChanged = counts !== null && !sameCounts(this.counts, counts.value)
    if (counts) this.counts = counts.value
    const sweep = jobs.asOf - this.lastSweepAt >= SWEEP_MS
    if (sweep) this.lastSweepAt = jobs.asOf
    const first = !this.told
    this.told = true
    const next = new Map<number, Job>()
    const upserts: Job[] = []
    for (const job of jobs.value) {
      const told = this.view.get(job.id)
      const news = told === undefined || isNews(told, job, sweep)
      if (news) upserts.push(job)
      next.set(job.id, news ? job : told)
    }
    const removed: number[] = []
    for (const id of this.view.keys()) if (!next.has(id)) removed.push(id)
    // A cached copy, the first list, or a list mostly replaced (a tenant switch) is cheaper taken whole.
    const full = jobs.stale || first || upserts.length + removed.length > jobs.value.length / 2
    if (!full) {
      this.view = next
      return { full: false, upserts, removed, countsChanged }
    }
    this.view = new Map(jobs.value.map((job) => [job.id, job]))
    return { full: true, upserts: [], removed: [], countsChanged }
  }
}

/** Whether `job` differs from the row told before in a way the renderer could not show without it. */
function isNews(told: Job, job: Job, sweep: boolean): boolean {
  // Every field but the two a save moves; a field added to `Job` later counts without a change here.
  for (const key of Object.keys(job) as Array<keyof Job>) {
    if (key === 'updateTime' || key === 'durationMs') continue
    if (told[key] !== job[key]) return true
  }
  if (told.updateTime === job.updateTime && told.durationMs === job.durationMs) return false
  return sweep || !resaved(told, job)
}

/** Dinky's periodic save of an unfinished row: both times moved, the start they imply did not. */
function resaved(told: Job, job: Job): boolean {
  if (DONE_STATUSES.includes(job.status)) return false
  const before = impliedStart(told)
  const after = impliedStart(job)
  return before !== null && after !== null && Math.abs(before - after) <= SAVE_JITTER_MS
}

function impliedStart(job: Job): number | null {
  if (job.updateTime === null || job.durationMs === null) return null
  const savedAt = Date.parse(job.updateTime)
  return Number.isNaN(savedAt) ? null : savedAt - job.durationMs
}

function sameCounts(a: StatusCounts | null, b: StatusCounts): boolean {
  if (a === null) return false
  for (const key of Object.keys(b) as Array<keyof StatusCounts>) if (a[key] !== b[key]) return false
  return true
}
