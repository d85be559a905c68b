/**
 * A session's timeline module (`session.timeline`, issue 22), beside sync like job health and metrics: it folds the
 * session's updates into events (job events, gaps), records the console's own job actions and what others record
 * (alerts), keeps it all in the server's cache, and on the first live jobs after a return (the start, or a long
 * gap) tells "while you were away" from the jobs last seen against the live ones.
 */
import type { JobHealthSummary } from '../../../shared/job-health'
import type { Fresh, Job } from '../../../shared/models'
import type { JobAction, SessionUpdate } from '../../../shared/session'
import type {
  AwaySummary,
  TimelineEvent,
  TimelineQuery,
  TimelineSettings
} from '../../../shared/timeline'
import type { ModuleCache } from '../cache/module-cache'
import { consoleActionKind, makesSavepoint } from './console-actions'
import type { Clock, Logger } from '../ports'
import { awaySummary, type AwayBaseline } from './away-summary'
import { JobEvents } from './job-events'
import type { ServerTimeline, TimelineRecord } from './timeline-api'
import { DEFAULT_GAP_TIMING, TimelineGaps, type GapTiming } from './timeline-gaps'
import { TimelineStore } from './timeline-store'
import { cutText, TEXT_LIMITS } from './timeline-document'

export interface SessionTimelineOptions {
  profileId: string
  clock: Clock
  logger: Logger
  /** The server's `timeline` cache document; null keeps the timeline in memory (a CLI watch without a cache). */
  file: ModuleCache | null
  /** The server's `timeline-alive` document (the alive stamp); null keeps the stamp in `file`. */
  aliveFile?: ModuleCache | null
  /** Read at every change, so a settings change applies to the running session. */
  settings: () => TimelineSettings
  /** The session's cached jobs as loaded (stale): the baseline of the first away summary. */
  cachedJobs: Fresh<Job[]> | null
  /** The cached job-health summaries: the baseline of checkpoint failures. */
  cachedHealth: readonly JobHealthSummary[]
  /** The session's current job list (names and instances of actions). */
  jobs: () => readonly Job[]
  timing?: Partial<GapTiming>
  /** A gap at least this long owes an away summary on return (default 5 min). */
  awayAfterMs?: number
}

type AwayListener = (summary: AwaySummary | null) => void

export class SessionTimeline implements ServerTimeline {
  readonly profileId: string
  private readonly store: TimelineStore
  private readonly gaps: TimelineGaps
  private readonly jobEvents: JobEvents
  private readonly awayListeners = new Set<AwayListener>()
  private summary: AwaySummary | null = null
  /** The baseline of the summary shown now, so a second return before `markSeen` reaches back to it. */
  private summaryBaseline: AwayBaseline | null = null
  /** Set on a return: the next live jobs list is compared with it. */
  private pending: AwayBaseline | null = null
  private lastLive: AwayBaseline | null = null
  private running = false

  constructor(private readonly options: SessionTimelineOptions) {
    this.profileId = options.profileId
    this.store = new TimelineStore({
      profileId: options.profileId,
      file: options.file,
      aliveFile: options.aliveFile,
      settings: options.settings,
      logger: options.logger,
      clock: options.clock
    })
    const awayAfterMs = options.awayAfterMs ?? 5 * 60_000
    this.gaps = new TimelineGaps(
      this.store,
      options.clock,
      { ...DEFAULT_GAP_TIMING, ...options.timing },
      (gap) => {
        if (gap.until - gap.at >= awayAfterMs && this.lastLive) this.owe(this.lastLive)
      }
    )
    this.jobEvents = new JobEvents(this.store, options.jobs)
    const cached = options.cachedJobs
    this.jobEvents.seed(cached?.value ?? [], options.cachedHealth)
    if (cached && cached.value.length > 0) this.pending = { since: cached.asOf, jobs: cached.value }
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.gaps.start()
  }

  stop(): void {
    if (!this.running) return
    this.running = false
    this.gaps.stop()
    this.store.flush()
  }

  /** Every session update goes through here (the session subscribes the timeline to its model). */
  observe(update: SessionUpdate): void {
    if (!this.running) return
    switch (update.type) {
      case 'state':
        if (update.stream === 'rest') this.gaps.onRestState(update.state)
        return
      case 'jobs':
        if (update.jobs.stale) return
        this.returned(update.jobs)
        this.jobEvents.onJobs(update.jobs.value, update.jobs.asOf)
        this.lastLive = { since: update.jobs.asOf, jobs: update.jobs.value }
        return
      case 'job':
        this.jobEvents.onTransition(update.transition)
        return
      case 'job-health':
        this.jobEvents.onHealth(update.summary, update.detail)
        return
      default:
        return
    }
  }

  /** A job action the console ran: what, whether Dinky took it, and Dinky's message (or the failure). */
  recordAction(action: JobAction, outcome: { ok: boolean; message: string }): TimelineEvent {
    const at = this.options.clock.now()
    const job = this.options.jobs().find((candidate) => candidate.taskId === action.taskId)
    const event = this.store.add({
      kind: 'action',
      at,
      jobId: job?.id ?? null,
      taskId: action.taskId,
      jobName: job?.name ?? null,
      action: consoleActionKind(action),
      ok: outcome.ok,
      message: cutText(outcome.message, TEXT_LIMITS.message)
    })
    if (outcome.ok && makesSavepoint(action)) this.jobEvents.onSavepointAction(action.taskId, at)
    return event
  }

  /** The cache was cleared ("clear cache"): the kept events go too, the timeline starts again from now. */
  forget(): void {
    this.pending = null
    this.store.clear(this.options.clock.now())
  }

  record(event: TimelineRecord): TimelineEvent {
    return this.store.add(event)
  }

  events(query?: TimelineQuery): TimelineEvent[] {
    return this.store.query(query)
  }

  away(): AwaySummary | null {
    return this.summary
  }

  markSeen(): void {
    this.summaryBaseline = null
    if (this.summary === null) return
    this.summary = null
    this.tellAway()
  }

  subscribe(listener: (event: TimelineEvent) => void): () => void {
    return this.store.subscribe(listener)
  }

  onAway(listener: AwayListener): () => void {
    this.awayListeners.add(listener)
    return () => this.awayListeners.delete(listener)
  }

  private owe(baseline: AwayBaseline): void {
    // Not yet seen: the next summary still starts where the operator last looked.
    this.pending = this.summaryBaseline ?? baseline
  }

  private returned(jobs: Fresh<Job[]>): void {
    const baseline = this.pending
    if (!baseline) return
    this.pending = null
    const summary = awaySummary({
      profileId: this.profileId,
      baseline,
      now: { at: jobs.asOf, jobs: jobs.value },
      events: this.store.between(baseline.since, jobs.asOf)
    })
    if (!summary) return
    this.summary = summary
    this.summaryBaseline = baseline
    this.tellAway()
  }

  private tellAway(): void {
    for (const listener of [...this.awayListeners]) {
      try {
        listener(this.summary)
      } catch (error) {
        this.options.logger.error('away listener failed', { error: String(error) })
      }
    }
  }
}
