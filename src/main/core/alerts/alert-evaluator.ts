/**
 * The rules engine without I/O (issue 22): fed what sessions report (connection states, live job lists, health
 * summaries, metric samples) with the time, it keeps one state machine per server and per job and rule, and emits
 * every change of an alert. Principle 11: while a server is not live its job episodes turn `unknown` and hold, and
 * no job rule fires or resolves until a live job list arrives; only `server-stale` judges the staleness itself.
 * Work per poll is proportional to the jobs whose data changed; time-based verdicts wait in one deadline queue.
 */
import type {
  ActiveAlert,
  AlertEvent,
  AlertRulesDocument,
  SnoozeUntil
} from '../../../shared/alerts'
import type { ConnectionState } from '../../../shared/connection'
import type { JobHealthSummary } from '../../../shared/job-health'
import type { MetricsPoint } from '../../../shared/metrics'
import type { Job } from '../../../shared/models'
import type { ServerNames } from './alert-scope'
import { JobTrack, ServerTrack, type RuleSlot } from './alert-tracks'
import { compileRules, type CompiledRules } from './compiled-rules'
import { TargetDeadlines } from './deadline-queue'
import { EpisodeBook, type Episode } from './episode-book'
import { addMetricPoints, metricsWanted } from './metric-match'
import {
  describeJob,
  describeServer,
  judgeJob,
  judgeServer,
  jobVerdictChangesAt,
  serverVerdictChangesAt
} from './rule-verdicts'
import { jobSlots, serverSlots, type SlotContext } from './rule-slots'

export interface EvaluatorHooks {
  emit(event: AlertEvent): void
  /** A metric rule now covers this running job (`want`), or no longer: open or close its metrics. */
  wantMetrics(profileId: string, jid: string, want: boolean): void
}

type Target = JobTrack | ServerTrack

export class AlertEvaluator {
  private compiled: CompiledRules
  private version = 0
  private readonly servers = new Map<string, ServerTrack>()
  private readonly book: EpisodeBook
  private readonly deadlines = new TargetDeadlines<Target>(() =>
    [...this.servers.values()].flatMap((server): Target[] => [server, ...server.jobs.values()])
  )
  private readonly slotContext: SlotContext

  constructor(
    rules: AlertRulesDocument,
    private readonly hooks: EvaluatorHooks
  ) {
    this.book = new EpisodeBook(hooks.emit)
    this.compiled = compileRules(rules, null)
    this.slotContext = {
      compiled: () => this.compiled,
      version: () => this.version,
      endQuietly: (episode, now) => this.book.resolve(episode, now, 'rule no longer applies', true)
    }
    this.book.setSilences(this.compiled.silences)
  }

  rules(): AlertRulesDocument {
    return this.compiled.document
  }

  setRules(document: AlertRulesDocument, now: number): void {
    this.compiled = compileRules(document, this.compiled)
    this.version += 1
    this.book.setSilences(this.compiled.silences)
    for (const server of this.servers.values()) {
      // A server not judged now (not live) judges every job on its next live list.
      server.judgeAll = !server.fresh
      this.evaluateServer(server, now)
      for (const job of server.jobs.values()) {
        if (server.fresh) this.evaluateJob(job, now)
        else this.slotsOf(job, now)
      }
    }
  }

  /** `cachedJobs`: the list known before any live answer (the first live list then announces only changes). */
  addServer(names: ServerNames, cachedJobs: readonly Job[] | null, now: number): void {
    this.removeServer(names.profileId, now)
    const server = new ServerTrack(names, cachedJobs, now)
    this.servers.set(names.profileId, server)
    this.evaluateServer(server, now)
  }

  /** Detached: its episodes end without being announced. */
  removeServer(profileId: string, now: number): void {
    const server = this.servers.get(profileId)
    if (!server) return
    this.servers.delete(profileId)
    server.removed = true
    for (const job of [...server.jobs.values()]) this.removeJob(job, now, 'no longer watched', true)
    for (const slot of server.staleSlots)
      if (slot.episode) this.book.resolve(slot.episode, now, 'no longer watched', true)
  }

  /** The server's `rest` stream state: the one that says whether its job data is live (as job actions do). */
  serverState(profileId: string, state: ConnectionState, now: number): void {
    const server = this.servers.get(profileId)
    if (!server) return
    const live = state.kind === 'live'
    if (live && !server.live) {
      server.live = true
      server.liveEpoch += 1
      server.notLiveSince = null
      server.notLiveState = null
      server.recheck = true
    } else if (!live) {
      const wasLive = server.live
      const wasWatched = server.watched
      server.live = false
      server.fresh = false
      // A session not yet started is `stopped` too (reason `started`): only a stop on purpose ends the watch.
      server.watched = !(state.kind === 'stopped' && state.reason === 'stopped-by-user')
      server.notLiveState = state
      if (wasLive || !wasWatched || server.notLiveSince === null)
        server.notLiveSince = Math.min(state.since, now)
      if (wasLive) this.holdJobs(server, now)
    }
    this.evaluateServer(server, now)
  }

  /** A live job list (`Fresh.stale` false) while the server is live. */
  jobs(profileId: string, jobs: readonly Job[], now: number): void {
    const server = this.servers.get(profileId)
    if (!server || !server.live) return
    const poll = ++server.poll
    const first = !server.sawLiveList
    let seen = 0
    for (const job of jobs) {
      let track = server.jobs.get(job.id)
      // After an outage only the jobs it touched are judged again: those with open episodes, or whose
      // deadline came while their data was stale; any job whose row changed is judged anyway.
      let dirty = server.judgeAll || (server.recheck && track !== undefined && track.missed)
      if (!track) {
        const known = server.cachedStatuses?.get(job.id) ?? job.status
        track = new JobTrack(server, job, now, first && known === job.status)
        server.jobs.set(job.id, track)
        dirty = true
      } else if (track.seenPoll === poll) {
        continue // the same instance twice in one list: the first row counts
      } else {
        const jid = track.jid
        if (track.observe(job, now)) dirty = true
        if (jid !== track.jid && jid !== null) server.byJid.delete(jid)
      }
      if (track.jid !== null) server.byJid.set(track.jid, track)
      track.seenPoll = poll
      seen += 1
      if (dirty) this.evaluateJob(track, now)
    }
    if (seen < server.jobs.size) {
      for (const track of [...server.jobs.values()])
        if (track.seenPoll !== poll) this.removeJob(track, now, 'job no longer listed', false)
    }
    server.sawLiveList = true
    server.fresh = true
    server.judgeAll = false
    server.recheck = false
    server.cachedStatuses = null
  }

  summary(profileId: string, summary: JobHealthSummary, now: number): void {
    const server = this.servers.get(profileId)
    const track = server?.jobs.get(summary.instanceId)
    if (!server || !track) return
    track.observeSummary(summary, now, server.liveEpoch)
    if (server.fresh) this.evaluateJob(track, now)
  }

  /** Samples of a job's metrics (pushed or backfilled), in any order. */
  metricPoints(profileId: string, jid: string, points: readonly MetricsPoint[], now: number) {
    const server = this.servers.get(profileId)
    const track = server?.byJid.get(jid)
    if (!server || !track || points.length === 0) return
    const added = addMetricPoints(track, points)
    if (added) track.sampleEpoch = server.liveEpoch
    if (added && server.fresh) this.evaluateJob(track, now)
  }

  /** Runs what is due by `now`: time-based verdicts, repeats, ends of snoozes and silences. */
  tick(now: number): void {
    for (let target = this.deadlines.popDue(now); target; target = this.deadlines.popDue(now)) {
      if (target instanceof ServerTrack) this.evaluateServer(target, now)
      else if (target.server.fresh) this.evaluateJob(target, now)
      else target.missed = true
    }
  }

  /** The earliest deadline, Infinity when nothing waits on time. */
  nextDue(): number {
    return this.deadlines.next()
  }

  active(now: number): ActiveAlert[] {
    return this.book.active(now)
  }

  acknowledge(key: string, now: number): void {
    const episode = this.book.acknowledge(key, now)
    if (episode) this.reconsider(episode, now)
  }

  snooze(key: string, until: SnoozeUntil, now: number): void {
    const episode = this.book.snooze(key, until, now)
    if (episode) this.reconsider(episode, now)
  }

  private reconsider(episode: Episode, now: number): void {
    const { server, job } = episode
    if (!job) this.evaluateServer(server, now)
    else if (server.fresh) this.evaluateJob(job, now)
  }

  /** The server went stale: every open job episode holds as `unknown` since then. */
  private holdJobs(server: ServerTrack, now: number): void {
    const since = server.notLiveSince ?? now
    const detail = `server not live since ${new Date(since).toISOString()}`
    for (const job of server.jobs.values())
      for (const slot of job.slots) {
        if (!slot.episode) continue
        this.book.unknown(slot.episode, since, now, detail)
        job.missed = true
      }
  }

  private evaluateJob(job: JobTrack, now: number): void {
    job.missed = false
    let due = Infinity
    for (const slot of this.slotsOf(job, now)) {
      const verdict = judgeJob(slot, job, now)
      const episode = slot.episode
      if (verdict === 'holds') {
        // The detail only when something is said: a holding rule is the steady state of a long episode.
        if (!episode)
          this.book.fire(slot, job.server, job, now, describeJob(slot, job, now, verdict))
        else if (episode.state === 'unknown')
          this.book.confirm(episode, now, describeJob(slot, job, now, verdict))
      } else if (episode && verdict === 'clear') {
        this.book.resolve(episode, now, describeJob(slot, job, now, verdict))
      } else if (episode) {
        this.book.unknown(episode, now, now, describeJob(slot, job, now, verdict))
      }
      due = Math.min(due, jobVerdictChangesAt(slot, job, verdict))
      if (slot.episode) due = Math.min(due, this.book.due(slot.episode, now))
    }
    this.wantMetrics(job)
    this.deadlines.set(job, due, now)
  }

  private evaluateServer(server: ServerTrack, now: number): void {
    let due = Infinity
    for (const slot of serverSlots(server, this.slotContext, now)) {
      const verdict = judgeServer(slot, server, now)
      if (verdict === 'holds' && !slot.episode)
        this.book.fire(slot, server, null, now, describeServer(server, now))
      else if (verdict === 'clear' && slot.episode)
        this.book.resolve(slot.episode, now, describeServer(server, now))
      due = Math.min(due, serverVerdictChangesAt(slot, server, verdict))
      if (slot.episode) due = Math.min(due, this.book.due(slot.episode, now))
    }
    this.deadlines.set(server, due, now)
  }

  private slotsOf(job: JobTrack, now: number): RuleSlot[] {
    // The common case inline: the scope decision is cached for this rules version.
    return job.rulesVersion === this.version ? job.slots : jobSlots(job, this.slotContext, now)
  }

  private removeJob(job: JobTrack, now: number, why: string, quietly: boolean): void {
    const server = job.server
    server.jobs.delete(job.id)
    if (job.jid !== null && server.byJid.get(job.jid) === job) server.byJid.delete(job.jid)
    job.removed = true
    for (const slot of job.slots)
      if (slot.episode) this.book.resolve(slot.episode, now, why, quietly)
    this.wantMetrics(job)
  }

  /** Open a job's metrics while a metric rule covers it and it runs; close them otherwise. */
  private wantMetrics(job: JobTrack): void {
    const want = metricsWanted(job)
    const current = job.metricsJid
    if (want === current) return
    const profileId = job.server.names.profileId
    if (current !== null) this.hooks.wantMetrics(profileId, current, false)
    job.metricsJid = want
    if (want !== null) this.hooks.wantMetrics(profileId, want, true)
  }
}
