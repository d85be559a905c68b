/**
 * The readable lines of `dinky-console timeline` (without `--json`): one line per event, oldest first, local time,
 * gaps spelled out as gaps. Every string the server provided (job names, messages, paths, rule details) passes
 * through `inertTerminalText`, so nothing in the cache can act on the terminal.
 */
import type { TimelineEvent } from '../../shared/timeline'
import { inertTerminalText as inert } from './inert-text'

const two = (n: number) => String(n).padStart(2, '0')

/** Local date and time: the terminal's reader lives in the local zone. */
export function localTime(ms: number): string {
  const d = new Date(ms)
  const day = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`
  return `${day} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
}

function span(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (minutes < 1) return `${Math.round(ms / 1000)} s`
  if (minutes < 120) return `${minutes} min`
  const hours = ms / 3_600_000
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} d`
}

function what(event: TimelineEvent): string {
  switch (event.kind) {
    case 'status':
      return `status ${event.from ?? '(new)'} -> ${event.to}`
    case 'restart':
      return `restarted ${event.count}x (total ${event.total})`
    case 'checkpoint-failures': {
      const until = event.until > event.at ? ` until ${localTime(event.until)}` : ''
      const why = event.message ? `: ${inert(event.message)}` : ''
      return `${event.count} failed checkpoint(s)${until}${why}`
    }
    case 'savepoint':
      return `savepoint${event.checkpointId === null ? '' : ` #${event.checkpointId}`} ${inert(event.path ?? '(path not known yet)')}`
    case 'alert':
      return `alert ${inert(event.rule)} ${event.state} (${event.severity}): ${inert(event.detail)}`
    case 'action':
      return `console action ${event.action} ${event.ok ? 'ok' : 'FAILED'}: ${inert(event.message)}`
    case 'gap': {
      const reason =
        event.reason === 'console-closed'
          ? 'console closed'
          : event.reason === 'offline'
            ? 'offline'
            : 'server unreachable'
      const end =
        event.until === null
          ? 'still going'
          : `until ${localTime(event.until)}, ${span(event.until - event.at)}`
      return `GAP (${reason}) ${end}: nothing seen`
    }
  }
}

/** One event as a line a person reads. */
export function timelineTextLine(event: TimelineEvent): string {
  const job = event.jobId === null ? 'server' : `${inert(event.jobName ?? '?')} (#${event.jobId})`
  return `${localTime(event.at)}  ${job}  ${what(event)}`
}
