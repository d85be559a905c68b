/**
 * `alert_rules` (issue 22): the alert center's cost per poll with 2,000 jobs and 10 rules (every kind, globs, a
 * silence), fed through a session's updates on a manual clock as the app feeds it: one live job list (1 % of the jobs
 * changing status, restarts among them) plus the health summaries a poll brings (5 %: checkpoint failures rising,
 * backpressure HIGH, checkpoints completing), the clock moved 5 s per poll so the time-based rules run on their timer.
 * Baseline, in the same run: copying the job list once (what the session does with every list anyway). Also the
 * first poll after a reconnect (jobs with open alerts judged again) and a rules edit (every job judged).
 */
import type { AlertRule, AlertRulesDocument } from '../src/shared/alerts'
import type { JobHealthSummary } from '../src/shared/job-health'
import type { Job, JobStatus } from '../src/shared/models'
import type { SessionEnvelope, SessionUpdate } from '../src/shared/session'
import { createAlertCenter } from '../src/main/core/alerts/alert-center'
import { silentLogger } from '../src/main/core/logger'
import type { SessionHandle } from '../src/main/core/session/session-api'
import { median, percentile, round, type BenchOptions, type BenchResult } from './bench-types'
import { ManualClock } from './manual-clock'

const JOBS = 2_000
const TARGET_MS = 1
const POLL_MS = 5_000

const RULES: AlertRule[] = [
  { id: 'failed', kind: 'job-status', statuses: ['FAILED', 'FAILING', 'RESTARTING'] },
  { id: 'etl-down', kind: 'job-status', statuses: ['CANCELED'], job: 'etl_*' },
  { id: 'unknown', kind: 'job-status', statuses: ['UNKNOWN'], job: 'job_1???' },
  { id: 'restarts', kind: 'restarts', atLeast: 3, withinMinutes: 10, repeatMinutes: 30 },
  { id: 'cp-failed', kind: 'checkpoint-failures', atLeast: 2, withinMinutes: 10 },
  { id: 'cp-overdue', kind: 'no-checkpoint', intervals: 3 },
  { id: 'cp-stale', kind: 'no-checkpoint', minutes: 15, job: 'job_0*' },
  { id: 'bp', kind: 'backpressure', minutes: 1 },
  { id: 'lag', kind: 'metric', metric: 'pendingRecords', op: '>', value: 1e5, forSamples: 3 },
  { id: 'down', kind: 'server-stale', minutes: 5 }
]
const DOCUMENT: AlertRulesDocument = {
  rules: RULES,
  silences: [{ job: 'etl_0*', until: '2099-01-01T00:00:00Z' }]
}

function makeJobs(): Job[] {
  return Array.from({ length: JOBS }, (_, i) => ({
    id: 10_000 + i,
    taskId: i + 1,
    name: i % 10 === 0 ? `etl_${String(i).padStart(4, '0')}` : `job_${String(i).padStart(4, '0')}`,
    status: 'RUNNING' as JobStatus,
    jid: null,
    type: 'kubernetes-application',
    step: 2,
    createTime: null,
    updateTime: null,
    finishTime: null,
    durationMs: null,
    failedRestartCount: 0
  }))
}

/** The few parts of a session the center uses, driven by the bench. */
function benchSession() {
  const listeners = new Set<(envelope: SessionEnvelope) => void>()
  let seq = 0
  const handle = {
    profileId: 'bench',
    snapshot: () => ({
      jobs: null,
      streams: { rest: { kind: 'stopped', reason: 'started', since: 0 } }
    }),
    subscribe: (listener: (envelope: SessionEnvelope) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  } as unknown as SessionHandle
  const emit = (update: SessionUpdate) => {
    const envelope = { profileId: 'bench', seq: ++seq, update }
    for (const listener of listeners) listener(envelope)
  }
  return { handle, emit }
}

const BAD: JobStatus[] = ['FAILED', 'RESTARTING', 'CANCELED', 'UNKNOWN']

function measure(polls: number) {
  const clock = new ManualClock()
  clock.advance(Date.parse('2026-12-07T00:00:00Z'))
  const center = createAlertCenter({ clock, logger: silentLogger, rules: DOCUMENT })
  let events = 0
  center.subscribe(() => (events += 1))
  const session = benchSession()
  center.attach(session.handle, { name: 'bench', origin: 'http://bench:8888' })
  session.emit({ type: 'state', stream: 'rest', state: { kind: 'live', since: clock.now() } })
  let jobs = makeJobs()
  const summaries = new Map<number, JobHealthSummary>()
  const poll = (n: number): number => {
    clock.advance(POLL_MS)
    const now = clock.now()
    // The session's own copy of the list it received: the baseline is the same copy, timed alone.
    jobs = jobs.map((job) => ({ ...job }))
    // 1 % of the jobs change each poll: 10 go wrong, the 10 that went wrong 3 polls ago come back.
    for (let k = 0; k < JOBS / 200; k++) {
      const bad = jobs[(n * 37 + k * 101) % JOBS]
      bad.status = BAD[(n + k) % BAD.length]
      if (bad.status === 'RESTARTING') bad.failedRestartCount += 1
      jobs[((n - 3) * 37 + k * 101 + 4 * JOBS) % JOBS].status = 'RUNNING'
    }
    const started = performance.now()
    session.emit({ type: 'jobs', jobs: { value: jobs, asOf: now, stale: false }, counts: null })
    for (let k = 0; k < JOBS / 20; k++) {
      const job = jobs[(n * 53 + k * 17) % JOBS]
      const before = summaries.get(job.id)
      const summary: JobHealthSummary = {
        instanceId: job.id,
        name: job.name,
        // Mostly healthy: 1 in 50 reads keeps an old checkpoint, 1 in 20 sees a failure, 1 in 30 HIGH.
        lastCompletedAt: (n + k) % 50 === 0 ? (before?.lastCompletedAt ?? now) : now - 1_000,
        failedCheckpoints: (before?.failedCheckpoints ?? 0) + ((n + k) % 20 === 0 ? 1 : 0),
        backpressure: (n + k) % 30 === 0 ? 'high' : 'ok',
        intervalMs: 60_000,
        reasons: [],
        asOf: now
      }
      summaries.set(job.id, summary)
      session.emit({ type: 'job-health', summary, detail: null })
    }
    return performance.now() - started
  }
  const copyBaseline = () => {
    const started = performance.now()
    const copy = jobs.map((job) => ({ ...job }))
    const ms = performance.now() - started
    if (copy.length !== JOBS) throw new Error('copy lost jobs')
    return ms
  }
  /** The first list after a reconnect: the jobs with open alerts (or missed deadlines) judged again. */
  const reconnectPoll = (): number => {
    openAtReconnect.push(center.active().length)
    session.emit({
      type: 'state',
      stream: 'rest',
      state: { kind: 'reconnecting', attempt: 1, retryAt: 0, reason: 'timeout', since: clock.now() }
    })
    session.emit({ type: 'state', stream: 'rest', state: { kind: 'live', since: clock.now() } })
    const started = performance.now()
    session.emit({
      type: 'jobs',
      jobs: { value: jobs, asOf: clock.now(), stale: false },
      counts: null
    })
    return performance.now() - started
  }
  /** Rules edited (here: the same document again): every job re-scoped and judged against every rule. */
  const rulesEdited = (): number => {
    const started = performance.now()
    center.setRules(DOCUMENT)
    return performance.now() - started
  }
  const warm = Math.min(100, polls)
  for (let n = 0; n < warm; n++) poll(n)
  const ours: number[] = []
  const baseline: number[] = []
  const full: number[] = []
  const reconnect: number[] = []
  const openAtReconnect: number[] = []
  for (let n = warm; n < warm + polls; n++) {
    ours.push(poll(n))
    baseline.push(copyBaseline())
    if (n % 20 === 0) reconnect.push(reconnectPoll())
    if (n % 20 === 10) full.push(rulesEdited())
  }
  const active = center.active().length
  center.dispose()
  return { ours, baseline, full, reconnect, events, active, open: median(openAtReconnect) }
}

export async function runAlertRules(options: BenchOptions): Promise<BenchResult> {
  const polls = options.quick ? 200 : 1_000
  options.log(`alert_rules: ${JOBS} jobs × ${RULES.length} rules, ${polls} polls`)
  const { ours, baseline, full, reconnect, events, active, open } = measure(polls)
  const p50 = median(ours)
  const p95 = percentile(ours, 95)
  const fullP50 = median(full)
  const reconnectP50 = median(reconnect)
  const met = p50 < TARGET_MS
  return {
    name: 'alert_rules',
    method:
      `AlertCenter fed ${JOBS} jobs × ${RULES.length} rules (every kind, globs, a silence) through session ` +
      'updates on a manual clock, 5 s per poll: one live list (1 % changing) + summaries of 5 % of the jobs; ' +
      'timed from the list to the last summary handled; also the first poll after a reconnect, and a rules edit ' +
      '(every job judged). Baseline: copying the job list, same run.',
    figures: {
      ms_per_poll_p50: round(p50, 3),
      ms_per_poll_p95: round(p95, 3),
      copy_list_ms_p50: round(median(baseline), 3),
      reconnect_poll_ms_p50: round(reconnectP50, 3),
      full_judge_ms_p50: round(fullP50, 3),
      target_ms: TARGET_MS,
      jobs: JOBS,
      rules: RULES.length,
      polls,
      events,
      open_alerts_at_end: active,
      open_alerts_at_reconnect: open
    },
    verdicts: [
      `a poll costs ${round(p50, 3)} ms (p95 ${round(p95, 3)} ms) against ${round(median(baseline), 3)} ms to copy the list`,
      met
        ? `under ${TARGET_MS} ms per poll (median): met`
        : `under ${TARGET_MS} ms per poll (median): NOT met`,
      `the first poll after a reconnect confirms the ${open} open alerts: ${round(reconnectP50, 3)} ms`,
      `rules edited (every job re-scoped and judged against every rule): ${round(fullP50, 3)} ms`
    ]
  }
}
