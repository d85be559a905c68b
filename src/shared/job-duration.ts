/**
 * How long a job has run, from Dinky's job list. Dinky saves a running job's row (Flink's `duration` and the
 * `updateTime` of that save) only every 60 refresh cycles, about 5 minutes (`FlinkJobTask.isNeedSave`, seen on a
 * real 1.1.0), so the listed duration lags by up to that much; the time since the save is added back.
 */
import { DONE_STATUSES, type Job } from './models'

/**
 * Why `live`: on a cached (stale) list nobody knows the job still runs, so its duration is shown as saved
 * (never judge stale data). A done job's duration is final; a time Dinky left unreadable keeps the saved figure.
 */
export function liveDurationMs(
  job: Pick<Job, 'status' | 'durationMs' | 'updateTime'>,
  nowMs: number,
  live: boolean
): number | null {
  if (job.durationMs === null || !live || DONE_STATUSES.includes(job.status)) return job.durationMs
  const savedAt = job.updateTime === null ? NaN : Date.parse(job.updateTime)
  if (Number.isNaN(savedAt)) return job.durationMs
  return job.durationMs + Math.max(0, nowMs - savedAt)
}
