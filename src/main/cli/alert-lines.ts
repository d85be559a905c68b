/**
 * How `watch --rules` prints alerts (issue 22): an NDJSON `alert` line per change an operator acts on (firing,
 * resolved, unknown; a repeat is a `firing` line with `repeat: true`), or one readable line. `announce: false` marks
 * what a silence keeps quiet (still printed: a log should say what happened). Job names are server text: JSON
 * escapes them, the text line shows them inert.
 */
import type { AlertEvent } from '../../shared/alerts'
import { inertTerminalText as inert } from './inert-text'

const PRINTED = new Set<AlertEvent['state']>(['firing', 'resolved', 'unknown', 'repeat'])

export function alertJsonLine(event: AlertEvent, ts: number): Record<string, unknown> | null {
  if (!PRINTED.has(event.state)) return null
  return {
    ts,
    type: 'alert',
    state: event.state === 'repeat' ? 'firing' : event.state,
    rule: event.rule,
    kind: event.kind,
    severity: event.severity,
    server: event.server,
    jobId: event.jobId,
    jobName: event.jobName,
    since: event.since,
    detail: event.detail,
    announce: event.announce,
    ...(event.state === 'repeat' ? { repeat: true } : {})
  }
}

const two = (n: number) => String(n).padStart(2, '0')

function clock(ms: number): string {
  const date = new Date(ms)
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
}

/** `10:42:07 ALERT FIRING [critical] failed · prod · orders_etl #12 · status FAILED (since 10:41:58)` */
export function alertTextLine(event: AlertEvent, ts: number): string | null {
  if (!PRINTED.has(event.state)) return null
  const state = event.state === 'repeat' ? 'FIRING (again)' : event.state.toUpperCase()
  const job = event.jobId === null ? '' : ` · ${inert(event.jobName ?? '')} #${event.jobId}`
  const quiet = event.announce ? '' : ' (silenced)'
  return (
    `${clock(ts)} ALERT ${state} [${event.severity}] ${inert(event.rule)} · ${inert(event.server)}` +
    `${job} · ${inert(event.detail)} (since ${clock(event.since)})${quiet}`
  )
}
