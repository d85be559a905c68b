/**
 * Tells the operator about alerts on the desktop (issue 22): every event of the center goes through the notice
 * policy (`alertNotice`); what passes is shown, and what the person does with it comes back here: a button snoozes
 * the alert for an hour or acknowledges it, a click opens the job (or the open alerts, for a server alert).
 * Electron-free: showing and opening are ports, so the whole round trip is tested in Node.
 */
import type { AlertEvent, AlertRulesDocument, SnoozeUntil } from '../../shared/alerts'
import type { JobStatus } from '../../shared/models'
import type { Clock } from '../core/ports'
import type { AlertNoticeStrings } from './alert-notice-strings'
import { alertNotice, type AlertNotice, type AlertNoticeActionId } from './alert-notices'

export const NOTIFICATION_SNOOZE_MS = 60 * 60_000

/** What the announcer needs of the alert center. */
export interface AnnouncedCenter {
  subscribe(listener: (event: AlertEvent) => void): () => void
  rules(): AlertRulesDocument
  snooze(key: string, until: SnoozeUntil): void
  acknowledge(key: string): void
}

export interface AlertAnnouncerOptions {
  center: AnnouncedCenter
  clock: Clock
  /** Settings → notifications, read at each event. */
  enabled(): boolean
  /** The OS shows notification buttons. */
  actions: boolean
  strings(): AlertNoticeStrings
  serverName(profileId: string): string | null
  /** A job status in the UI language, for job-status titles. */
  statusName?(status: JobStatus): string
  show(notice: AlertNotice, on: { click(): void; action(id: AlertNoticeActionId): void }): void
  /** Brings the window forward on a job (`jobId`), or on the open alerts when there is no job. */
  open(target: { profileId: string; jobId: number | null }): void
  /** A button was used on an alert that has ended meanwhile (the center no longer knows the key). */
  onActionFailed?(error: unknown): void
}

/** Starts announcing; returns the stop. */
export function announceAlerts(options: AlertAnnouncerOptions): () => void {
  const act = (key: string, id: AlertNoticeActionId) => {
    try {
      if (id === 'snooze-1h')
        options.center.snooze(key, options.clock.now() + NOTIFICATION_SNOOZE_MS)
      else options.center.acknowledge(key)
    } catch (error) {
      options.onActionFailed?.(error)
    }
  }
  return options.center.subscribe((event) => {
    const rule = options.center.rules().rules.find((candidate) => candidate.id === event.rule)
    const notice = alertNotice(event, {
      enabled: options.enabled(),
      actions: options.actions,
      strings: options.strings(),
      serverName: options.serverName(event.profileId),
      ruleName: rule?.name ?? null,
      ...(options.statusName ? { statusName: options.statusName } : {})
    })
    if (!notice) return
    options.show(notice, {
      click: () => options.open({ profileId: notice.profileId, jobId: notice.jobId }),
      action: (id) => act(notice.key, id)
    })
  })
}
