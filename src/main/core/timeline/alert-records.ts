/**
 * How an alert center's event goes on a server's timeline (issue 22): the composition root subscribes the center and
 * records each event on the timeline of its server, so "fired", "resolved", "snoozed" sit beside what caused them.
 */
import type { AlertEvent } from '../../../shared/alerts'
import type { AlertCenter } from '../alerts/alert-center-api'
import type { ServerTimeline, TimelineRecord } from './timeline-api'

/** The timeline record of an alert event (its job's task is not part of an alert event: null). */
export function alertTimelineRecord(event: AlertEvent): TimelineRecord {
  return {
    kind: 'alert',
    at: event.at,
    jobId: event.jobId,
    taskId: null,
    jobName: event.jobName,
    state: event.state,
    rule: event.rule,
    severity: event.severity,
    detail: event.detail
  }
}

/**
 * Records every change of the center's alerts on the timeline of its server (the app and `watch --rules`), until the
 * returned unsubscribe. An alert of a server without a session (closed meanwhile) is not kept anywhere.
 */
export function recordAlertsOnTimelines(
  center: Pick<AlertCenter, 'subscribe'>,
  timelineOf: (profileId: string) => Pick<ServerTimeline, 'record'> | undefined
): () => void {
  return center.subscribe(
    (event) => void timelineOf(event.profileId)?.record(alertTimelineRecord(event))
  )
}
