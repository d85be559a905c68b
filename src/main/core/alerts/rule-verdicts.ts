/**
 * The pure heart of the rules: whether a rule holds for a job now (`holds`, `clear`, or `unknown` when the job
 * cannot be judged), when that verdict could change by time alone, and one English line saying what was seen.
 * Called only while the server's data is live; staleness is the evaluator's business, not a verdict's.
 */
import type { AlertRule } from '../../../shared/alerts'
import type { JobStatus } from '../../../shared/models'
import type { JobTrack, RuleSlot, ServerTrack } from './alert-tracks'

export type Verdict = 'holds' | 'clear' | 'unknown'

/** Dinky's own "I cannot reach Flink" statuses: the job is not judged while it shows one (inline: per job per rule). */
const flinkLost = (status: JobStatus) => status === 'UNKNOWN' || status === 'RECONNECTING'

type Rule<K extends AlertRule['kind']> = Extract<AlertRule, { kind: K }>

/** The no-checkpoint limit in ms for this job, or null when it is not judged (checkpointing off or not known). */
function checkpointLimit(rule: Rule<'no-checkpoint'>, job: JobTrack): number | null {
  if (job.intervalMs === null || job.intervalMs <= 0) return null
  return rule.intervals !== undefined
    ? rule.intervals * job.intervalMs
    : (rule.minutes ?? 0) * 60_000
}

/** Since when a running job has gone without a completed checkpoint (this run's start at the earliest). */
function checkpointSince(job: JobTrack): number | null {
  if (job.runningSince === null) return null
  return Math.max(job.lastCompletedAt ?? -Infinity, job.runningSince)
}

/** Summaries and samples read before the server's last outage are not judged (principle 11). */
function readThisLivePeriod(kind: AlertRule['kind'], job: JobTrack): boolean {
  const epoch = job.server.liveEpoch
  if (kind === 'metric') return job.sampleEpoch === epoch
  if (kind === 'checkpoint-failures' || kind === 'no-checkpoint' || kind === 'backpressure')
    return job.summaryEpoch === epoch
  return true
}

export function judgeJob(slot: RuleSlot, job: JobTrack, now: number): Verdict {
  const { rule, windowMs } = slot.rule
  if (rule.kind === 'job-status') {
    if (rule.statuses.includes(job.status)) return 'holds'
    return flinkLost(job.status) || job.flinkLost ? 'unknown' : 'clear'
  }
  // Dinky lost Flink: whatever it says of checkpoints or restarts now is not about the job.
  if (flinkLost(job.status) || job.flinkLost) return 'unknown'
  if (!readThisLivePeriod(rule.kind, job)) return 'unknown'
  switch (rule.kind) {
    case 'restarts':
      return job.restarts.countAfter(now - windowMs) >= rule.atLeast ? 'holds' : 'clear'
    case 'checkpoint-failures':
      return job.checkpointFailures.countAfter(now - windowMs) >= rule.atLeast ? 'holds' : 'clear'
    case 'no-checkpoint': {
      const limit = checkpointLimit(rule, job)
      const since = checkpointSince(job)
      return limit !== null && since !== null && now - since >= limit ? 'holds' : 'clear'
    }
    case 'backpressure':
      return job.status === 'RUNNING' && job.highSince !== null && now - job.highSince >= windowMs
        ? 'holds'
        : 'clear'
    case 'metric':
      return job.status === 'RUNNING' && slot.samples?.allOver() ? 'holds' : 'clear'
    default:
      return 'clear'
  }
}

/** When the verdict could change with no new data (Infinity: only new data changes it). */
export function jobVerdictChangesAt(slot: RuleSlot, job: JobTrack, verdict: Verdict): number {
  const { rule, windowMs } = slot.rule
  if (verdict === 'unknown') return Infinity
  switch (rule.kind) {
    case 'restarts':
      return verdict === 'holds' ? job.restarts.dropsBelowAt(rule.atLeast, windowMs) : Infinity
    case 'checkpoint-failures':
      return verdict === 'holds'
        ? job.checkpointFailures.dropsBelowAt(rule.atLeast, windowMs)
        : Infinity
    case 'no-checkpoint': {
      const limit = checkpointLimit(rule, job)
      const since = checkpointSince(job)
      return verdict === 'clear' && limit !== null && since !== null ? since + limit : Infinity
    }
    case 'backpressure':
      return verdict === 'clear' && job.status === 'RUNNING' && job.highSince !== null
        ? job.highSince + windowMs
        : Infinity
    default:
      return Infinity
  }
}

const minutes = (ms: number) => `${+(ms / 60_000).toFixed(1)} min`

/** One line of what the rule saw (English: the CLI's and the timeline's text; no server text in it). */
export function describeJob(slot: RuleSlot, job: JobTrack, now: number, verdict: Verdict): string {
  const { rule, windowMs } = slot.rule
  if (verdict === 'unknown')
    return flinkLost(job.status) || job.flinkLost
      ? `Dinky cannot reach Flink (status ${job.status})`
      : 'not read since the server came back'
  switch (rule.kind) {
    case 'job-status':
      return `status ${job.status}`
    case 'restarts': {
      const count = job.restarts.countAfter(now - windowMs)
      return `${count} restart${count === 1 ? '' : 's'} within ${minutes(windowMs)}`
    }
    case 'checkpoint-failures': {
      const count = job.checkpointFailures.countAfter(now - windowMs)
      return `${count} failed checkpoint${count === 1 ? '' : 's'} within ${minutes(windowMs)}`
    }
    case 'no-checkpoint': {
      const since = checkpointSince(job)
      const limit = checkpointLimit(rule, job)
      if (verdict === 'clear' || since === null || limit === null) return 'checkpoints completing'
      return `no checkpoint completed for ${minutes(now - since)} (limit ${minutes(limit)})`
    }
    case 'backpressure':
      return verdict === 'holds' && job.highSince !== null
        ? `backpressure HIGH for ${minutes(now - job.highSince)}`
        : `backpressure ${job.backpressure?.toUpperCase() ?? 'not HIGH'}`
    case 'metric': {
      const last = slot.samples?.last() ?? null
      const value = last === null ? 'no sample' : String(last)
      return verdict === 'holds'
        ? `${rule.metric} ${value} ${rule.op} ${rule.value} for ${rule.forSamples} samples`
        : `${rule.metric} ${value}`
    }
    default:
      return ''
  }
}

/** `server-stale`: holds once the server has not been live for the rule's minutes (not while stopped on purpose). */
export function judgeServer(slot: RuleSlot, server: ServerTrack, now: number): Verdict {
  if (server.live || !server.watched || server.notLiveSince === null) return 'clear'
  return now - server.notLiveSince >= slot.rule.windowMs ? 'holds' : 'clear'
}

export function serverVerdictChangesAt(
  slot: RuleSlot,
  server: ServerTrack,
  verdict: Verdict
): number {
  if (verdict !== 'clear' || server.live || !server.watched || server.notLiveSince === null)
    return Infinity
  return server.notLiveSince + slot.rule.windowMs
}

export function describeServer(server: ServerTrack, now: number): string {
  if (server.live) return 'live'
  if (!server.watched) return 'no longer watched'
  const state = server.notLiveState
  const since = server.notLiveSince ?? now
  const why =
    state && 'reason' in state ? `${state.kind}: ${state.reason}` : (state?.kind ?? 'not live')
  return `not live for ${minutes(now - since)} (${why})`
}
