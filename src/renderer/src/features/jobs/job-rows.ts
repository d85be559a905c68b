/**
 * The Jobs table's rows, derived cheaply enough for 2,000 jobs on each of several servers: a row wraps one job of
 * one server with what sorting and filtering read (its lowercase name, its times as numbers), made once per job
 * object and reused while the server keeps sending the same object, so a poll that changed one job allocates one row.
 */
import { ALARM_STATUSES, JOB_STATUSES, type Job, type JobStatus } from '../../../../shared/models'
import { parseDinkyTime } from '../../format/units'

export interface JobRow {
  profileId: string
  job: Job
  /** The name lowercased once, for the name filter. */
  needle: string
  /** `updateTime` as epoch ms (0 when unreadable: sorts first, as the table always did). */
  updatedMs: number
  /** `Date.parse(updateTime)` as `liveDurationMs` reads it, NaN when unreadable. */
  savedAtMs: number
}

/** Alarm statuses first (worst first), then the rest in Dinky's order: an ascending status sort puts trouble on top. */
const STATUS_ORDER: readonly JobStatus[] = [
  ...ALARM_STATUSES,
  ...JOB_STATUSES.filter((status) => !ALARM_STATUSES.includes(status))
]
export const STATUS_RANK = Object.fromEntries(
  STATUS_ORDER.map((status, index) => [status, index])
) as Record<JobStatus, number>

const rowOfJob = new WeakMap<Job, JobRow>()
const rowsOfList = new WeakMap<readonly Job[], JobRow[]>()

function rowOf(profileId: string, job: Job): JobRow {
  const cached = rowOfJob.get(job)
  if (cached && cached.profileId === profileId) return cached
  const row: JobRow = {
    profileId,
    job,
    needle: job.name.toLowerCase(),
    updatedMs: parseDinkyTime(job.updateTime) ?? 0,
    savedAtMs: job.updateTime === null ? NaN : Date.parse(job.updateTime)
  }
  rowOfJob.set(job, row)
  return row
}

/**
 * One server's rows; the same array while the server's job list is the same array, so a poll of another server
 * costs this one nothing.
 */
export function serverRows(profileId: string, jobs: readonly Job[]): JobRow[] {
  const cached = rowsOfList.get(jobs)
  if (cached && (cached.length === 0 || cached[0].profileId === profileId)) return cached
  const rows = new Array<JobRow>(jobs.length)
  for (let i = 0; i < jobs.length; i++) rows[i] = rowOf(profileId, jobs[i])
  rowsOfList.set(jobs, rows)
  return rows
}

let lastMerge: { lists: ReadonlyArray<readonly [string, readonly Job[]]>; rows: JobRow[] } | null =
  null

/**
 * The rows of several servers, in the order given; the same array as last time when every server's list is the same
 * array, so a push that only moved a list's `asOf` (or another part of the store) costs no copy and no sort.
 */
export function mergedRows(lists: ReadonlyArray<readonly [string, readonly Job[]]>): JobRow[] {
  const last = lastMerge
  if (
    last &&
    last.lists.length === lists.length &&
    last.lists.every(([id, jobs], i) => id === lists[i][0] && jobs === lists[i][1])
  ) {
    return last.rows
  }
  const parts = lists.map(([profileId, jobs]) => serverRows(profileId, jobs))
  const rows = parts.length === 1 ? parts[0] : parts.flat()
  lastMerge = { lists, rows }
  return rows
}

export interface RowFilter {
  /** Case-insensitive substring of the job name. */
  name: string
  /** Empty means every status. */
  statuses: readonly JobStatus[]
  /** Empty means every server. */
  servers: readonly string[]
}

export const NO_FILTER: RowFilter = { name: '', statuses: [], servers: [] }

/** The rows that pass, in their order; the input itself when nothing filters (no copy of 6,000 rows). */
export function filterRows(rows: readonly JobRow[], filter: RowFilter): readonly JobRow[] {
  const needle = filter.name.trim().toLowerCase()
  const statuses = filter.statuses.length > 0 ? new Set(filter.statuses) : null
  const servers = filter.servers.length > 0 ? new Set(filter.servers) : null
  if (needle === '' && !statuses && !servers) return rows
  const kept: JobRow[] = []
  for (const row of rows) {
    if (needle !== '' && !row.needle.includes(needle)) continue
    if (statuses && !statuses.has(row.job.status)) continue
    if (servers && !servers.has(row.profileId)) continue
    kept.push(row)
  }
  return kept
}
