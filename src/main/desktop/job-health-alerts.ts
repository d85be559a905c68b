/**
 * Decides which job-health changes deserve a desktop notification (issue 15), from the summaries the detail poller
 * and the health sweep produce: the failed-checkpoint count of a running job rises; no checkpoint has completed
 * for 3 × the configured interval; backpressure stays HIGH for a minute. Each is an *episode*: announced once when
 * it starts, and not again until it has ended (a checkpoint completed, backpressure eased), however many times the
 * sweep sees it. Alerts reuse the job notifier's `JobAlert` shape, so the notifier needs nothing new.
 */
import type { JobHealthSummary } from '../../shared/job-health'
import type { LanguageChoice } from '../../shared/profiles'
import type { Clock } from '../core/ports'
import type { JobAlert } from './job-alerts'

export type HealthAlertKind = 'checkpoint-failed' | 'checkpoint-overdue' | 'backpressure-high'

export const BACKPRESSURE_ALERT_AFTER_MS = 60_000

interface Strings {
  title: Record<HealthAlertKind, string>
  failed: (count: number) => string
  overdue: (minutes: number) => string
  backpressure: string
}

const EN: Strings = {
  title: {
    'checkpoint-failed': 'checkpoint failed',
    'checkpoint-overdue': 'no checkpoint completed',
    'backpressure-high': 'backpressure HIGH'
  },
  failed: (count) => `${count} failed checkpoint${count === 1 ? '' : 's'} so far`,
  overdue: (minutes) => `Nothing completed for ${minutes} min (3 × the interval)`,
  backpressure: 'HIGH for over a minute'
}

const ZH: Strings = {
  title: {
    'checkpoint-failed': 'Checkpoint 失败',
    'checkpoint-overdue': '长时间没有完成的 Checkpoint',
    'backpressure-high': '反压 HIGH'
  },
  failed: (count) => `累计失败 ${count} 次`,
  overdue: (minutes) => `已 ${minutes} 分钟没有完成（超过 3 倍间隔）`,
  backpressure: '持续超过 1 分钟'
}

export function jobHealthStrings(choice: LanguageChoice, osLocale: string): Strings {
  const language = choice === 'system' ? osLocale : choice
  return language.toLowerCase().startsWith('zh') ? ZH : EN
}

export interface JobHealthAlertsOptions {
  clock: Clock
  enabled(): boolean
  serverName(profileId: string): string
  strings(): Strings
  /** The job's task id, for the notification's click (the Jobs view finds the row by instance id). */
  taskIdOf?(profileId: string, instanceId: number): number
  notify(alert: JobAlert & { kind: HealthAlertKind }): void
}

interface JobState {
  failed: number | null
  lastCompletedAt: number | null
  highSince: number | null
  open: Set<HealthAlertKind>
  seenAt: number
}

const FORGET_AFTER_MS = 6 * 60 * 60_000

export function createJobHealthAlerts(options: JobHealthAlertsOptions) {
  const jobs = new Map<string, JobState>()

  const announce = (
    profileId: string,
    summary: JobHealthSummary,
    kind: HealthAlertKind,
    body: string
  ) => {
    const strings = options.strings()
    options.notify({
      kind,
      profileId,
      jobId: summary.instanceId,
      taskId: options.taskIdOf?.(profileId, summary.instanceId) ?? 0,
      status: 'RUNNING',
      title: `${summary.name}: ${strings.title[kind]}`,
      body: `${options.serverName(profileId)} · ${body}`
    })
  }

  return {
    /** Feeds one summary; returns the kinds announced now. */
    observe(profileId: string, summary: JobHealthSummary): HealthAlertKind[] {
      const now = options.clock.now()
      for (const [key, state] of jobs) if (now - state.seenAt > FORGET_AFTER_MS) jobs.delete(key)
      const key = `${profileId}\u0000${summary.instanceId}`
      const previous = jobs.get(key)
      const state: JobState = previous ?? {
        failed: summary.failedCheckpoints,
        lastCompletedAt: summary.lastCompletedAt,
        highSince: null,
        open: new Set(),
        seenAt: now
      }
      jobs.set(key, state)
      state.seenAt = now
      const announced: HealthAlertKind[] = []
      const strings = options.strings()
      const fire = (kind: HealthAlertKind, active: boolean, body: () => string) => {
        if (!active) return void state.open.delete(kind)
        if (state.open.has(kind)) return
        state.open.add(kind)
        if (!options.enabled()) return
        announce(profileId, summary, kind, body())
        announced.push(kind)
      }
      const completedAgain =
        summary.lastCompletedAt !== null && summary.lastCompletedAt !== state.lastCompletedAt
      const rose =
        previous !== undefined &&
        summary.failedCheckpoints !== null &&
        state.failed !== null &&
        summary.failedCheckpoints > state.failed
      if (completedAgain && !rose) state.open.delete('checkpoint-failed')
      if (rose)
        fire('checkpoint-failed', true, () => strings.failed(summary.failedCheckpoints ?? 0))
      const overdue = summary.reasons.includes('checkpoint-overdue')
      const minutes = Math.max(1, Math.round((3 * (summary.intervalMs ?? 0)) / 60_000))
      fire('checkpoint-overdue', overdue, () => strings.overdue(minutes))
      if (summary.backpressure === 'high') state.highSince ??= summary.asOf
      else state.highSince = null
      const highLong =
        state.highSince !== null && summary.asOf - state.highSince >= BACKPRESSURE_ALERT_AFTER_MS
      fire('backpressure-high', highLong, () => strings.backpressure)
      state.failed = summary.failedCheckpoints ?? state.failed
      state.lastCompletedAt = summary.lastCompletedAt ?? state.lastCompletedAt
      return announced
    }
  }
}
