/**
 * The alert center (issue 22): one `AlertEvaluator` fed by every attached session — its `rest` connection state
 * (whether its data is live), live job lists, job-health summaries and the metrics of jobs a metric rule covers
 * (held open as `alerts`) — with one timer on the injected clock for whatever waits on time. No Electron: the app,
 * the CLI and the tests run the same center.
 */
import type { AlertEvent, AlertRulesDocument } from '../../../shared/alerts'
import type { SessionEnvelope } from '../../../shared/session'
import type { Clock, Logger, TimerHandle } from '../ports'
import type { SessionHandle } from '../session/session-api'
import type { AlertCenter, AlertServer } from './alert-center-api'
import { AlertEvaluator } from './alert-evaluator'
import { parseAlertRules } from './parse-alert-rules'

export interface AlertCenterOptions {
  clock: Clock
  logger: Logger
  rules: AlertRulesDocument
}

/** The holder name under which the center keeps a job's metrics open. */
export const METRICS_HOLDER = 'alerts'
/** Samples of a just-opened job's history judged at once (the rest is older than any rule looks). */
const HISTORY_SAMPLES = 1000

interface Attached {
  session: SessionHandle
  disposers: Array<() => void>
  /** Jids held open for metric rules. */
  metrics: Set<string>
  /** The session refused to open one (at most `MAX_WANTED_JOBS` at once): said once. */
  metricsRefused: boolean
}

export function createAlertCenter(options: AlertCenterOptions): AlertCenter {
  const { clock } = options
  const logger = options.logger.child('alerts')
  const listeners = new Set<(event: AlertEvent) => void>()
  const attached = new Map<string, Attached>()
  const pendingWants: Array<{ profileId: string; jid: string; want: boolean }> = []
  let timer: TimerHandle | null = null
  let timerAt = Infinity
  let disposed = false

  // Checked here too: rules also arrive over IPC, and a bad document must fail loudly, not half-apply.
  const evaluator = new AlertEvaluator(parseAlertRules(options.rules), {
    emit: (event) => {
      // What is announced is logged; the rest (unknown, confirmations, silenced) is in the events themselves.
      if (event.announce && (event.state === 'firing' || event.state === 'resolved'))
        logger.info(`alert ${event.state}`, {
          rule: event.rule,
          server: event.profileId,
          jobId: event.jobId,
          announce: event.announce
        })
      for (const listener of [...listeners]) {
        try {
          listener(event)
        } catch (error) {
          logger.error('alert listener failed', { error: String(error) })
        }
      }
    },
    wantMetrics: (profileId, jid, want) => pendingWants.push({ profileId, jid, want })
  })

  /** Why deferred: opening metrics from inside an evaluation could feed the evaluator while it is busy. */
  const applyWants = () => {
    while (pendingWants.length > 0) {
      const { profileId, jid, want } = pendingWants.shift()!
      const entry = attached.get(profileId)
      const metrics = entry?.session.metrics
      if (!entry || !metrics) continue
      if (!want) {
        if (entry.metrics.delete(jid)) metrics.close(jid, METRICS_HOLDER)
        continue
      }
      if (entry.metrics.has(jid)) continue
      try {
        const view = metrics.open(jid, METRICS_HOLDER)
        entry.metrics.add(jid)
        if (!view.stale)
          evaluator.metricPoints(profileId, jid, view.points.slice(-HISTORY_SAMPLES), clock.now())
      } catch (error) {
        // Once per server: a metric rule over many jobs would otherwise log a line per job.
        if (entry.metricsRefused) continue
        entry.metricsRefused = true
        logger.warn('metrics for an alert rule unavailable', { jid, error: String(error) })
      }
    }
  }

  const arm = () => {
    applyWants()
    if (disposed) return
    const due = evaluator.nextDue()
    if (due === timerAt) return
    if (timer) clock.clearTimeout(timer)
    timer = null
    timerAt = due
    if (!Number.isFinite(due)) return
    timer = clock.setTimeout(
      () => {
        timer = null
        timerAt = Infinity
        evaluator.tick(clock.now())
        arm()
      },
      Math.max(0, due - clock.now())
    )
  }

  const input = (run: () => void) => {
    if (disposed) return
    run()
    arm()
  }

  const onEnvelope = (profileId: string, { update }: SessionEnvelope) => {
    const now = clock.now()
    switch (update.type) {
      case 'state':
        if (update.stream === 'rest')
          input(() => evaluator.serverState(profileId, update.state, now))
        break
      case 'jobs':
        if (!update.jobs.stale) input(() => evaluator.jobs(profileId, update.jobs.value, now))
        break
      case 'job-health':
        input(() => evaluator.summary(profileId, update.summary, now))
        break
    }
  }

  const detach = (profileId: string) => {
    const entry = attached.get(profileId)
    if (!entry) return
    attached.delete(profileId)
    for (const dispose of entry.disposers) dispose()
    for (const jid of entry.metrics) entry.session.metrics?.close(jid, METRICS_HOLDER)
    input(() => evaluator.removeServer(profileId, clock.now()))
  }

  return {
    attach(session: SessionHandle, server: AlertServer) {
      const { profileId } = session
      detach(profileId)
      const entry: Attached = { session, disposers: [], metrics: new Set(), metricsRefused: false }
      attached.set(profileId, entry)
      const snapshot = session.snapshot()
      const names = { profileId, name: server.name, origin: server.origin }
      input(() => {
        const now = clock.now()
        evaluator.addServer(names, snapshot.jobs?.value ?? null, now)
        evaluator.serverState(profileId, snapshot.streams.rest, now)
        if (snapshot.jobs && !snapshot.jobs.stale && snapshot.streams.rest.kind === 'live')
          evaluator.jobs(profileId, snapshot.jobs.value, now)
      })
      entry.disposers.push(session.subscribe((envelope) => onEnvelope(profileId, envelope)))
      const metrics = session.metrics?.subscribe((update) => {
        if (entry.metrics.has(update.jid))
          input(() => evaluator.metricPoints(profileId, update.jid, update.added, clock.now()))
      })
      if (metrics) entry.disposers.push(metrics)
      return () => {
        if (attached.get(profileId) === entry) detach(profileId)
      }
    },
    setRules(rules) {
      const checked = parseAlertRules(rules)
      input(() => evaluator.setRules(checked, clock.now()))
    },
    rules: () => evaluator.rules(),
    active: () => evaluator.active(clock.now()),
    acknowledge: (key) => input(() => evaluator.acknowledge(key, clock.now())),
    snooze: (key, until) => input(() => evaluator.snooze(key, until, clock.now())),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      if (disposed) return
      for (const profileId of [...attached.keys()]) {
        const entry = attached.get(profileId)!
        attached.delete(profileId)
        for (const dispose of entry.disposers) dispose()
        for (const jid of entry.metrics) entry.session.metrics?.close(jid, METRICS_HOLDER)
      }
      disposed = true
      if (timer) clock.clearTimeout(timer)
      timer = null
      listeners.clear()
    }
  }
}
