/**
 * The lifecycle of alerts: an episode opens (firing) when a rule starts to hold, turns `unknown` while its data is
 * stale, and resolves once when the rule stops holding. Announcing is separate from tracking: silences, snoozes,
 * acknowledgements and "it was already so when watching started" keep an event from being announced, never from
 * being recorded. A firing announcement held back by a silence or a snooze is owed, and paid once they end.
 */
import type { ActiveAlert, AlertEvent, AlertSeverity, SnoozeUntil } from '../../../shared/alerts'
import { serverInScope } from './alert-scope'
import type { JobTrack, RuleSlot, ServerTrack } from './alert-tracks'
import type { CompiledRule, CompiledSilence } from './compiled-rules'

export interface Episode {
  key: string
  rule: CompiledRule
  slot: RuleSlot
  server: ServerTrack
  job: JobTrack | null
  state: 'firing' | 'unknown'
  since: number
  unknownSince: number | null
  detail: string
  acknowledgedAt: number | null
  snoozedUntil: SnoozeUntil | null
  /** Silences whose scope covers this episode (their time ranges are checked when it matters). */
  silences: CompiledSilence[]
  announced: boolean
  owed: boolean
  /** When it was last announced (repeats count from here). */
  lastAnnouncedAt: number
}

const SEVERITY_ORDER: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 }

export class EpisodeBook {
  readonly open = new Map<string, Episode>()
  private silences: CompiledSilence[] = []

  constructor(private readonly emit: (event: AlertEvent) => void) {}

  setSilences(silences: CompiledSilence[]): void {
    this.silences = silences
    for (const episode of this.open.values()) episode.silences = this.silencesFor(episode)
  }

  fire(slot: RuleSlot, server: ServerTrack, job: JobTrack | null, now: number, detail: string) {
    const rule = slot.rule
    const episode: Episode = {
      key: `${server.names.profileId}\u0000${rule.rule.id}\u0000${job ? job.id : ''}`,
      rule,
      slot,
      server,
      job,
      state: 'firing',
      since: now,
      unknownSince: null,
      detail,
      acknowledgedAt: null,
      snoozedUntil: null,
      silences: [],
      announced: false,
      owed: false,
      lastAnnouncedAt: now
    }
    episode.silences = this.silencesFor(episode)
    slot.episode = episode
    this.open.set(episode.key, episode)
    const quiet = this.quietBy(episode, now) !== null
    const preexisting = job !== null && job.preexisting && rule.rule.kind === 'job-status'
    episode.announced = !quiet && !preexisting
    episode.owed = quiet && !preexisting
    this.send(episode, 'firing', now, episode.announced)
  }

  /** The data is stale (or the job cannot be judged): the episode holds, marked unknown since `since`. */
  unknown(episode: Episode, since: number, now: number, detail: string): void {
    if (episode.state === 'unknown') return
    episode.state = 'unknown'
    episode.unknownSince = since
    episode.detail = detail
    this.send(episode, 'unknown', now, false)
  }

  /** Live data again and the rule still holds: the same episode goes on (nothing new to announce). */
  confirm(episode: Episode, now: number, detail: string): void {
    if (episode.state === 'firing') return
    episode.state = 'firing'
    episode.unknownSince = null
    episode.detail = detail
    this.send(episode, 'firing', now, false)
  }

  resolve(episode: Episode, now: number, detail: string, quietly = false): void {
    episode.slot.episode = null
    this.open.delete(episode.key)
    episode.detail = detail
    const snoozed = typeof episode.snoozedUntil === 'number' && now < episode.snoozedUntil
    const heard = episode.announced || episode.owed
    const announce = !quietly && heard && !snoozed && this.silencedBy(episode, now) === null
    this.send(episode, 'resolved', now, announce)
  }

  /** Repeats and owed announcements due now; returns when this episode next needs a look (Infinity: never). */
  due(episode: Episode, now: number): number {
    if (episode.state !== 'firing' || episode.acknowledgedAt !== null) return Infinity
    const quietUntil = this.quietUntil(episode, now)
    if (quietUntil > now) return quietUntil
    const repeatMs = episode.rule.repeatMs
    if (episode.owed) {
      episode.owed = false
      episode.announced = true
      episode.lastAnnouncedAt = now
      this.send(episode, 'repeat', now, true)
    } else if (repeatMs !== null && now >= episode.lastAnnouncedAt + repeatMs) {
      episode.lastAnnouncedAt = now
      this.send(episode, 'repeat', now, true)
    }
    return repeatMs !== null ? episode.lastAnnouncedAt + repeatMs : Infinity
  }

  acknowledge(key: string, now: number): Episode | null {
    const episode = this.open.get(key)
    if (!episode || episode.acknowledgedAt !== null) return null
    episode.acknowledgedAt = now
    episode.owed = false
    this.send(episode, 'acknowledged', now, false)
    return episode
  }

  snooze(key: string, until: SnoozeUntil, now: number): Episode | null {
    const episode = this.open.get(key)
    if (!episode) return null
    episode.snoozedUntil = until
    this.send(episode, 'snoozed', now, false)
    return episode
  }

  /** Most severe first, then oldest. */
  active(now: number): ActiveAlert[] {
    return [...this.open.values()]
      .sort(
        (a, b) =>
          SEVERITY_ORDER[a.rule.severity] - SEVERITY_ORDER[b.rule.severity] ||
          a.since - b.since ||
          a.rule.index - b.rule.index
      )
      .map((episode) => this.toActive(episode, now))
  }

  silencedBy(episode: Episode, now: number): CompiledSilence | null {
    for (const silence of episode.silences)
      if (silence.from <= now && now < silence.until) return silence
    return null
  }

  private quietBy(episode: Episode, now: number): string | null {
    const snooze = episode.snoozedUntil
    if (snooze === 'resolved' || (typeof snooze === 'number' && now < snooze)) return 'snooze'
    return this.silencedBy(episode, now)?.label ?? null
  }

  /** The end of what keeps the episode quiet now (`now` when nothing does, Infinity for "until resolved"). */
  private quietUntil(episode: Episode, now: number): number {
    let until = now
    const snooze = episode.snoozedUntil
    if (snooze === 'resolved') return Infinity
    if (typeof snooze === 'number' && snooze > now) until = snooze
    else if (typeof snooze === 'number') episode.snoozedUntil = null
    for (const silence of episode.silences)
      if (silence.from <= until && until < silence.until) until = silence.until
    return until
  }

  private silencesFor(episode: Episode): CompiledSilence[] {
    return this.silences.filter(
      (silence) =>
        (silence.rule === null || silence.rule === episode.rule.rule.id) &&
        serverInScope(silence.scope, episode.server.names) &&
        (silence.scope.anyJob || (episode.job !== null && silence.scope.job(episode.job.name)))
    )
  }

  private toActive(episode: Episode, now: number): ActiveAlert {
    const { rule, server, job } = episode
    return {
      key: episode.key,
      ruleId: rule.rule.id,
      ruleName: rule.name,
      kind: rule.rule.kind,
      severity: rule.severity,
      profileId: server.names.profileId,
      serverName: server.names.name,
      jobId: job?.id ?? null,
      taskId: job?.taskId ?? null,
      jobName: job?.name ?? null,
      state: episode.state,
      since: episode.since,
      unknownSince: episode.unknownSince,
      detail: episode.detail,
      acknowledgedAt: episode.acknowledgedAt,
      snoozedUntil: episode.snoozedUntil,
      silencedBy: this.silencedBy(episode, now)?.label ?? null
    }
  }

  private send(episode: Episode, state: AlertEvent['state'], now: number, announce: boolean) {
    const { rule, server, job } = episode
    this.emit({
      type: 'alert',
      state,
      key: episode.key,
      rule: rule.rule.id,
      kind: rule.rule.kind,
      severity: rule.severity,
      server: server.names.name,
      profileId: server.names.profileId,
      jobId: job?.id ?? null,
      jobName: job?.name ?? null,
      since: episode.since,
      at: now,
      detail: episode.detail,
      announce,
      ...(episode.snoozedUntil !== null ? { snoozedUntil: episode.snoozedUntil } : {})
    })
  }
}
