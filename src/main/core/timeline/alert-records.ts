/**
 * How an alert center's event goes on a server's timeline (issue 22): the composition root subscribes the center and
 * records each event on the timeline of its server, so "fired", "resolved", "snoozed" sit beside what caused them.
 */
import type { AlertEvent } from '../../../shared/alerts'
import type { TimelineRecord } from './timeline-api'

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
