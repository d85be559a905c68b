/**
 * Decides which job transitions deserve a desktop notification: a job entering FAILED, FAILING or RESTARTING, once.
 * Resyncs after reconnects can report the same transition again; a key per job and status, remembered for a while,
 * keeps the operator from being told twice.
 */
import type { Clock } from '../core/ports'
import { ALARM_STATUSES, type JobTransition } from '../../shared/models'
import { plainNotificationText } from './plain-notification-text'

export interface JobAlert {
  profileId: string
  jobId: number
  taskId: number
  title: string
  body: string
  status: JobTransition['to']
}

export interface JobAlertsOptions {
  clock: Clock
  /** A transition seen again within this window is not announced again. */
  dedupeWindowMs?: number
  serverName(profileId: string): string
  /** A status as the person reads it (the UI language); Dinky's enum name by default. */
  statusName?(status: JobTransition['to']): string
  enabled(): boolean
  notify(alert: JobAlert): void
}

export function createJobAlerts(options: JobAlertsOptions) {
  const windowMs = options.dedupeWindowMs ?? 30 * 60_000
  const seen = new Map<string, number>()

  return {
    /** Feeds one transition; announces it when it is an alarm not announced recently. */
    observe(profileId: string, transition: JobTransition): boolean {
      if (!ALARM_STATUSES.includes(transition.to) || !options.enabled()) return false
      const now = options.clock.now()
      for (const [key, at] of seen) if (now - at > windowMs) seen.delete(key)
      const key = `${profileId}\u0000${transition.id}\u0000${transition.to}`
      if (seen.has(key)) return false
      seen.set(key, now)
      const named = (status: JobTransition['to']) => options.statusName?.(status) ?? status
      options.notify({
        profileId,
        jobId: transition.id,
        taskId: transition.taskId,
        status: transition.to,
        // The job's name is the server's text: plain, one line, bounded, whatever it holds.
        title: `${plainNotificationText(transition.name)}: ${named(transition.to)}`,
        body: plainNotificationText(
          transition.from
            ? `${options.serverName(profileId)} · ${named(transition.from)} → ${named(transition.to)}`
            : options.serverName(profileId),
          240
        )
      })
      return true
    }
  }
}
