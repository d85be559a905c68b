/**
 * The job events of a timeline, derived from what the session sees: status transitions (`job` updates), restarts
 * (Dinky's `failedRestartCount` rising, or a job entering RESTARTING: Dinky itself never raises the count), failed
 * checkpoints grouped into one event per streak (a job-health summary's `failedCheckpoints` rising; the streak ends
 * when a checkpoint completes or the count starts over) and new savepoints (the latest savepoint of a job's detail).
 * Only live data is judged: cached values are the baseline, never news.
 */
import type { JobHealthDetail, JobHealthSummary } from '../../../shared/job-health'
import type { Fresh, Job, JobStatus, JobTransition } from '../../../shared/models'
import type { TimelineEvent } from '../../../shared/timeline'
import type { TimelineRecord } from './timeline-api'

type CheckpointEvent = Extract<TimelineEvent, { kind: 'checkpoint-failures' }>
type SavepointEvent = Extract<TimelineEvent, { kind: 'savepoint' }>

/** An action-made savepoint whose path the detail tells within this long is the same savepoint. */
const SAVEPOINT_MATCH_MS = 10 * 60_000
/** Jobs remembered at most (the sweep visits running jobs; a server has hundreds, not millions). */
const MAX_TRACKED = 5_000
/** Action-made savepoints waiting for their path, at most. */
const MAX_PENDING_SAVEPOINTS = 100

interface Sink {
  add(record: TimelineRecord): TimelineEvent
  update<E extends TimelineEvent>(event: E): E
}

interface CheckpointState {
  failed: number
  lastCompletedAt: number | null
  streak: CheckpointEvent | null
}

export class JobEvents {
  private readonly restarts = new Map<number, { status: JobStatus; count: number }>()
  private readonly checkpoints = new Map<number, CheckpointState>()
  private readonly savepoints = new Map<number, number | null>()
  /** Savepoints recorded from the console's own actions, by task, waiting for the detail to name them. */
  private readonly actionSavepoints = new Map<number, SavepointEvent>()

  constructor(
    private readonly sink: Sink,
    private readonly jobs: () => readonly Job[]
  ) {}

  /** Cached jobs and health summaries: what a first live value is compared with. */
  seed(jobs: readonly Job[], summaries: readonly JobHealthSummary[]): void {
    for (const job of jobs)
      this.restarts.set(job.id, { status: job.status, count: job.failedRestartCount })
    for (const summary of summaries) this.trackCheckpoints(summary)
  }

  onJobs(jobs: readonly Job[], at: number): void {
    for (const job of jobs) {
      const known = this.restarts.get(job.id)
      this.restarts.set(job.id, { status: job.status, count: job.failedRestartCount })
      if (!known) continue
      const rise = Math.max(0, job.failedRestartCount - known.count)
      const entered = job.status === 'RESTARTING' && known.status !== 'RESTARTING' ? 1 : 0
      const count = Math.max(rise, entered)
      if (count === 0) continue
      this.sink.add({ kind: 'restart', at, ...who(job), count, total: job.failedRestartCount })
    }
    const present = new Set(jobs.map((job) => job.id))
    for (const id of this.restarts.keys()) if (!present.has(id)) this.restarts.delete(id)
  }

  onTransition(transition: JobTransition): void {
    this.sink.add({
      kind: 'status',
      at: transition.at,
      jobId: transition.id,
      taskId: transition.taskId,
      jobName: transition.name,
      from: transition.from,
      to: transition.to
    })
  }

  onHealth(summary: JobHealthSummary, detail: Fresh<JobHealthDetail> | null): void {
    const before = this.checkpoints.get(summary.instanceId)
    const state = this.trackCheckpoints(summary)
    if (before && state) this.judgeCheckpoints(summary, before, state, detail?.value ?? null)
    if (detail && !detail.stale) this.judgeSavepoint(detail.value, detail.asOf)
  }

  /** A savepoint the console asked for and Dinky accepted: on the timeline now, its path once a detail tells. */
  onSavepointAction(taskId: number, at: number): void {
    const job = this.jobs().find((candidate) => candidate.taskId === taskId)
    const event = this.sink.add({
      kind: 'savepoint',
      at,
      jobId: job?.id ?? null,
      taskId,
      jobName: job?.name ?? null,
      path: null,
      checkpointId: null
    }) as SavepointEvent
    this.actionSavepoints.delete(taskId)
    this.actionSavepoints.set(taskId, event)
    if (this.actionSavepoints.size > MAX_PENDING_SAVEPOINTS)
      this.actionSavepoints.delete(this.actionSavepoints.keys().next().value as number)
  }

  private trackCheckpoints(summary: JobHealthSummary): CheckpointState | null {
    if (summary.failedCheckpoints === null) return null
    const previous = this.checkpoints.get(summary.instanceId)
    const state: CheckpointState = {
      failed: summary.failedCheckpoints,
      lastCompletedAt: summary.lastCompletedAt,
      streak: previous?.streak ?? null
    }
    this.checkpoints.delete(summary.instanceId)
    this.checkpoints.set(summary.instanceId, state)
    if (this.checkpoints.size > MAX_TRACKED)
      this.checkpoints.delete(this.checkpoints.keys().next().value as number)
    return state
  }

  private judgeCheckpoints(
    summary: JobHealthSummary,
    before: CheckpointState,
    state: CheckpointState,
    detail: JobHealthDetail | null
  ): void {
    const completed =
      state.lastCompletedAt !== null && state.lastCompletedAt !== before.lastCompletedAt
    // Counts start over with a new run of the job in Flink: a new baseline, not a negative rise.
    if (completed || state.failed < before.failed) state.streak = null
    const rise = state.failed - before.failed
    if (rise <= 0) return
    const message =
      detail?.checkpoints?.latestFailed?.failureMessage ?? state.streak?.message ?? null
    if (state.streak) {
      const { streak } = state
      state.streak = this.sink.update({
        ...streak,
        count: streak.count + rise,
        until: Math.max(streak.until, summary.asOf),
        message
      })
      return
    }
    const job = this.jobs().find((candidate) => candidate.id === summary.instanceId)
    state.streak = this.sink.add({
      kind: 'checkpoint-failures',
      at: summary.asOf,
      jobId: summary.instanceId,
      taskId: job?.taskId ?? null,
      jobName: summary.name,
      count: rise,
      until: summary.asOf,
      message
    }) as CheckpointEvent
  }

  private judgeSavepoint(detail: JobHealthDetail, asOf: number): void {
    const latest = detail.checkpoints?.latestSavepoint ?? null
    const id = latest?.id ?? null
    const known = this.savepoints.get(detail.instanceId)
    this.savepoints.set(detail.instanceId, id)
    if (this.savepoints.size > MAX_TRACKED)
      this.savepoints.delete(this.savepoints.keys().next().value as number)
    if (known === undefined || id === null || id === known || !latest) return
    const taskId = detail.taskId
    const pending = taskId === null ? undefined : this.actionSavepoints.get(taskId)
    if (pending && taskId !== null && asOf - pending.at <= SAVEPOINT_MATCH_MS) {
      this.actionSavepoints.delete(taskId)
      this.sink.update({ ...pending, path: latest.externalPath, checkpointId: latest.id })
      return
    }
    this.sink.add({
      kind: 'savepoint',
      at: latest.ackAt ?? latest.triggerAt ?? asOf,
      jobId: detail.instanceId,
      taskId,
      jobName: detail.name,
      path: latest.externalPath,
      checkpointId: latest.id
    })
  }
}

function who(job: Job): { jobId: number; taskId: number; jobName: string } {
  return { jobId: job.id, taskId: job.taskId, jobName: job.name }
}
