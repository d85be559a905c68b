/**
 * Which alert events become desktop notifications, and what they say (issue 22). The center decides *whether* an
 * event is worth telling (`announce`: silences, snoozes and acknowledgements already applied); this policy adds the
 * app's own switch (Settings → notifications) and turns the event into plain, bounded text in the UI language.
 * Server text (job and server names, the core's detail line) goes through `plainNotificationText`. A firing or
 * repeated alert carries "Snooze 1 h" and "Acknowledge" buttons where the OS shows them; a resolved one is a
 * recovery notice without buttons. Electron-free, so it is tested in Node.
 */
import type { AlertEvent } from '../../shared/alerts'
import { JOB_STATUSES, type JobStatus } from '../../shared/models'
import type { AlertNoticeStrings } from './alert-notice-strings'
import { plainNotificationText } from './plain-notification-text'

export type AlertNoticeActionId = 'snooze-1h' | 'acknowledge'

export interface AlertNotice {
  key: string
  profileId: string
  jobId: number | null
  title: string
  body: string
  urgency: 'critical' | 'normal' | 'low'
  /** Buttons, in the order they are shown; empty where the OS has none, and on a recovery. */
  actions: Array<{ id: AlertNoticeActionId; text: string }>
  recovery: boolean
}

export interface AlertNoticeOptions {
  /** Settings → notifications. */
  enabled: boolean
  /** The OS shows notification buttons (macOS, Windows). */
  actions: boolean
  strings: AlertNoticeStrings
  /** The server's name as the operator named the profile (the event's `server` is the fallback). */
  serverName: string | null
  /** The rule's name as the operator wrote it (the event's rule id is the fallback). */
  ruleName: string | null
  /** A job status in the UI language: a job-status alert is titled by the status it saw ("orders: Failed"). */
  statusName?(status: JobStatus): string
}

/** The status a job-status event saw, from the core's detail line (`status FAILED`). */
function statusOf(event: AlertEvent): JobStatus | null {
  const match = event.kind === 'job-status' ? /^status ([A-Z_]+)$/.exec(event.detail) : null
  const status = match?.[1] as JobStatus | undefined
  return status && JOB_STATUSES.includes(status) ? status : null
}

/**
 * Electron shows notification buttons on macOS and Windows only. `DINKY_NOTIFICATION_ACTIONS=on|off` overrides
 * the platform's answer, which is how the end-to-end tests (a Linux stand-in) reach the buttons.
 */
export function notificationActionsSupported(
  platform: string,
  env: Record<string, string | undefined>
): boolean {
  const forced = env['DINKY_NOTIFICATION_ACTIONS']
  if (forced === 'on' || forced === 'off') return forced === 'on'
  return platform === 'darwin' || platform === 'win32'
}

const ANNOUNCED: ReadonlySet<AlertEvent['state']> = new Set(['firing', 'repeat', 'resolved'])

/** The notification for one event, or null when it is not to be shown. */
export function alertNotice(event: AlertEvent, options: AlertNoticeOptions): AlertNotice | null {
  if (!options.enabled || !event.announce || !ANNOUNCED.has(event.state)) return null
  const { strings } = options
  const server = plainNotificationText(options.serverName ?? event.server, 60)
  const subject = event.jobName === null ? server : plainNotificationText(event.jobName, 80)
  const status = statusOf(event)
  const what = `${subject}: ${status && options.statusName ? options.statusName(status) : strings.kind[event.kind]}`
  const recovery = event.state === 'resolved'
  const title =
    event.state === 'repeat' ? strings.still(what) : recovery ? strings.resolved(what) : what
  const rule = plainNotificationText(options.ruleName ?? event.rule, 60)
  const body = plainNotificationText([server, rule, event.detail].filter(Boolean).join(' · '), 240)
  return {
    key: event.key,
    profileId: event.profileId,
    jobId: event.jobId,
    title,
    body,
    urgency: recovery ? 'low' : event.severity === 'critical' ? 'critical' : 'normal',
    actions:
      options.actions && !recovery
        ? [
            { id: 'snooze-1h', text: strings.snoozeHour },
            { id: 'acknowledge', text: strings.acknowledge }
          ]
        : [],
    recovery
  }
}
