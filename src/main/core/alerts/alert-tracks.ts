/**
 * What the alert evaluator remembers of one server and of each of its jobs: the facts its rules judge (status,
 * restarts, checkpoint failures, backpressure, metric samples), the rules in scope (decided once per rules version
 * and job name, not per poll) and their open episodes. Plain state; `alert-evaluator.ts` drives it.
 */
import type { ConnectionState } from '../../../shared/connection'
import type { BackpressureLevel, JobHealthSummary } from '../../../shared/job-health'
import type { Job, JobStatus } from '../../../shared/models'
import type { ServerNames } from './alert-scope'
import type { CompiledRule } from './compiled-rules'
import type { Episode } from './episode-book'
import type { SampleWindow } from './event-window'
import { EventWindow } from './event-window'

/** One rule in scope of one job (or of a server, for `server-stale`), and its open episode. */
export interface RuleSlot {
  rule: CompiledRule
  episode: Episode | null
  /** Metric rules: the last `forSamples` samples. */
  samples: SampleWindow | null
}

export class JobTrack {
  /** Dinky's job instance id. */
  readonly id: number
  taskId: number
  name: string
  jid: string | null
  status: JobStatus
  restartCount: number
  /** When the job was first seen RUNNING in live data since it last was not (no-checkpoint counts from here). */
  runningSince: number | null
  readonly restarts = new EventWindow()
  readonly checkpointFailures = new EventWindow()
  failedCheckpoints: number | null = null
  lastCompletedAt: number | null = null
  intervalMs: number | null = null
  backpressure: BackpressureLevel | null = null
  highSince: number | null = null
  /** The last summary said Dinky lost Flink (`flink-lost`); cleared when the list shows another status. */
  flinkLost = false
  /**
   * The server's live period (`ServerTrack.liveEpoch`) of the last summary and of the last metric sample: rules on
   * them judge only what was read in the current one, never what was read before an outage.
   */
  summaryEpoch = -1
  sampleEpoch = -1
  /** Seen in this state at the first live list after attach, and the cache said nothing different. */
  preexisting: boolean
  slots: RuleSlot[] = []
  rulesVersion = -1
  dueAt = Infinity
  /** Held unknown, or its deadline came while the server was stale: judged again on the first live list. */
  missed = false
  seenPoll = 0
  /**
   * Restarts seen by the list (count rises, entries into RESTARTING) and by Flink (restores, failures), each from
   * first sight. They see the same failovers, so the larger of the two is the count; `counted` is what was added.
   */
  private listRestarts = 0
  private flinkRestarts = 0
  private restartsCounted = 0
  private restored: number | null = null
  private lastFailureAt: number | null = null
  /** The jid whose metrics are held open for this job's metric rules, if any. */
  metricsJid: string | null = null
  removed = false

  constructor(
    readonly server: ServerTrack,
    job: Job,
    now: number,
    preexisting: boolean
  ) {
    this.id = job.id
    this.taskId = job.taskId
    this.name = job.name
    this.jid = job.jid
    this.status = job.status
    this.restartCount = job.failedRestartCount
    this.runningSince = job.status === 'RUNNING' ? now : null
    this.preexisting = preexisting
  }

  /**
   * Takes a newer row of the job from a live list; true when something a rule judges changed. Restarts are the rise
   * of `failedRestartCount`, or an entry into RESTARTING when the count did not move (one restart, not two).
   */
  observe(job: Job, now: number): boolean {
    const rose =
      job.failedRestartCount > this.restartCount ? job.failedRestartCount - this.restartCount : 0
    const entered = job.status === 'RESTARTING' && this.status !== 'RESTARTING' ? 1 : 0
    const restarts = Math.max(rose, entered)
    const changed =
      restarts > 0 ||
      job.status !== this.status ||
      job.name !== this.name ||
      job.jid !== this.jid ||
      job.failedRestartCount !== this.restartCount
    if (!changed) return false
    this.listRestarts += restarts
    this.countRestarts(now)
    if (job.status === 'RUNNING' && this.status !== 'RUNNING') this.runningSince = now
    if (job.status !== 'RUNNING') this.runningSince = null
    // A renamed job may fall into other rules' scopes.
    if (job.name !== this.name) this.rulesVersion = -1
    if (job.status !== this.status && job.status !== 'UNKNOWN' && job.status !== 'RECONNECTING')
      this.flinkLost = false
    this.status = job.status
    this.taskId = job.taskId
    this.name = job.name
    this.jid = job.jid
    this.restartCount = job.failedRestartCount
    this.preexisting = false
    return true
  }

  /**
   * Takes a health summary: a rise of the failed-checkpoint count is that many failures now; a rise of Flink's
   * checkpoint restores (or a newer failure while the job runs) is a failover Dinky's list may not show.
   */
  observeSummary(summary: JobHealthSummary, now: number, epoch: number): void {
    if (this.summaryEpoch !== epoch) {
      // The first summary since the server came back: what happened while it was away has no time we know, so
      // counts start again from here rather than landing in the window as if they happened now.
      this.summaryEpoch = epoch
      this.failedCheckpoints = null
      this.restored = null
      this.highSince = null
    }
    let failovers = 0
    const restored = summary.restored ?? null
    if (restored !== null && this.restored !== null && restored > this.restored)
      failovers = restored - this.restored
    if (restored !== null) this.restored = restored
    const failedAt = summary.lastFailureAt ?? null
    if (failedAt !== null && this.lastFailureAt !== null && failedAt > this.lastFailureAt)
      if (this.status === 'RUNNING' || this.status === 'RESTARTING') failovers ||= 1
    if (failedAt !== null) this.lastFailureAt = Math.max(failedAt, this.lastFailureAt ?? failedAt)
    this.flinkRestarts += failovers
    this.countRestarts(now)
    const failed = summary.failedCheckpoints
    if (failed !== null && this.failedCheckpoints !== null && failed > this.failedCheckpoints)
      this.checkpointFailures.add(now, failed - this.failedCheckpoints)
    if (failed !== null) this.failedCheckpoints = failed
    this.lastCompletedAt = summary.lastCompletedAt ?? this.lastCompletedAt
    this.intervalMs = summary.intervalMs
    this.backpressure = summary.backpressure
    if (summary.backpressure === 'high') this.highSince ??= Math.min(summary.asOf, now)
    else this.highSince = null
    this.flinkLost = summary.reasons.includes('flink-lost')
  }

  private countRestarts(now: number): void {
    const total = Math.max(this.listRestarts, this.flinkRestarts)
    if (total > this.restartsCounted) this.restarts.add(now, total - this.restartsCounted)
    this.restartsCounted = total
  }
}

export class ServerTrack {
  live = false
  /** Since when the server is not live (its `rest` state's `since`); null while live. */
  notLiveSince: number | null
  notLiveState: ConnectionState | null = null
  /** False once the session was stopped on purpose (logout, profile closed): not stale, just not watched. */
  watched = true
  readonly jobs = new Map<number, JobTrack>()
  readonly byJid = new Map<string, JobTrack>()
  /** Job rules whose server scope matches, and the `server-stale` slots. */
  jobRules: CompiledRule[] = []
  staleSlots: RuleSlot[] = []
  rulesVersion = -1
  /** Statuses of the cached list at attach: the first live list reports only what differs as news. */
  cachedStatuses: Map<number, JobStatus> | null
  sawLiveList = false
  /**
   * Live, and a live job list has arrived since it became live: only then are job rules judged (between the `live`
   * state and that list, what the tracks hold is still from before the outage).
   */
  fresh = false
  /** At the start (or once rules changed while not live): the next live list judges every job. */
  judgeAll = true
  /** After an outage: the next live list judges the jobs marked `missed` (and any whose row changed). */
  recheck = false
  /** Counts the server's live periods (each return to live starts a new one). */
  liveEpoch = 0
  poll = 0
  dueAt = Infinity
  removed = false

  constructor(
    readonly names: ServerNames,
    cachedJobs: readonly Job[] | null,
    now: number
  ) {
    this.notLiveSince = now
    this.cachedStatuses = cachedJobs ? new Map(cachedJobs.map((j) => [j.id, j.status])) : null
  }
}
