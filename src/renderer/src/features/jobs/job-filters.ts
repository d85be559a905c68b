/** The Jobs view's filter and row look, kept pure so they can be tested without rendering a table. */
import { parseDinkyTime } from '../../format/units'
import type { Job, JobStatus } from '../../../../shared/models'

export interface JobFilter {
  /** Case-insensitive substring of the job name. */
  name: string
  /** Empty means every status. */
  statuses: readonly JobStatus[]
}

export function filterJobs(jobs: readonly Job[], filter: JobFilter): Job[] {
  const needle = filter.name.trim().toLowerCase()
  return jobs.filter(
    (job) =>
      (needle === '' || job.name.toLowerCase().includes(needle)) &&
      (filter.statuses.length === 0 || filter.statuses.includes(job.status))
  )
}

/** Row class: failed and failing red, restarting amber — what an operator's eye must find first. */
export function jobRowClass(status: JobStatus): string {
  if (status === 'FAILED' || status === 'FAILING') return 'job-row-alarm'
  if (status === 'RESTARTING') return 'job-row-restarting'
  return ''
}

/** Comparator on a Dinky time string (`yyyy-MM-dd HH:mm:ss` sorts lexically); missing times sort first. */
export function compareTimes(a: string | null, b: string | null): number {
  return (parseDinkyTime(a) ?? 0) - (parseDinkyTime(b) ?? 0)
}
