/**
 * A timeline as a file a person opens elsewhere (issue 22): CSV for a spreadsheet, JSON lines for tools (the same
 * lines `dinky-console timeline --json` prints). CSV follows RFC 4180 (CRLF rows, quoted fields, doubled quotes)
 * and is safe against formula injection: a job name such as `=HYPERLINK(…)` comes from the server, and a spreadsheet
 * would run it, so a text cell that starts like a formula is prefixed with `'`.
 */
import type { TimelineEvent } from '../../../shared/timeline'

export const TIMELINE_CSV_COLUMNS = [
  'id',
  'at',
  'until',
  'kind',
  'profileId',
  'jobId',
  'taskId',
  'jobName',
  'from',
  'to',
  'count',
  'total',
  'reason',
  'action',
  'ok',
  'state',
  'rule',
  'severity',
  'path',
  'checkpointId',
  'message'
] as const

type Column = (typeof TIMELINE_CSV_COLUMNS)[number]
type Cell = string | number | boolean | null | undefined

/** Characters a spreadsheet reads as the start of a formula (tab and CR too: some strip them first). */
const FORMULA_START = /^[=+\-@\t\r]/

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '' : new Date(ms).toISOString()

/** One CSV field: text that starts like a formula made inert, then quoted when it holds a quote, comma or line end. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function cells(event: TimelineEvent): Partial<Record<Column, Cell>> {
  const common = {
    id: event.id,
    at: iso(event.at),
    kind: event.kind,
    profileId: event.profileId,
    jobId: event.jobId,
    taskId: event.taskId,
    jobName: event.jobName
  }
  switch (event.kind) {
    case 'status':
      return { ...common, from: event.from, to: event.to }
    case 'restart':
      return { ...common, count: event.count, total: event.total }
    case 'checkpoint-failures':
      return { ...common, until: iso(event.until), count: event.count, message: event.message }
    case 'savepoint':
      return { ...common, path: event.path, checkpointId: event.checkpointId }
    case 'alert':
      return {
        ...common,
        state: event.state,
        rule: event.rule,
        severity: event.severity,
        message: event.detail
      }
    case 'action':
      return { ...common, action: event.action, ok: event.ok, message: event.message }
    case 'gap':
      return { ...common, until: iso(event.until), reason: event.reason }
  }
}

/** The events as a CSV document: a header row, then one row per event in the order given. */
export function timelineCsv(events: readonly TimelineEvent[]): string {
  const rows = [TIMELINE_CSV_COLUMNS.join(',')]
  for (const event of events) {
    const row = cells(event)
    rows.push(TIMELINE_CSV_COLUMNS.map((column) => csvField(row[column])).join(','))
  }
  return rows.join('\r\n') + '\r\n'
}

/** One event as the JSON object of a line: `{"type":"event","at":…,"kind":…,…}` (times in epoch ms). */
export function timelineJsonObject(event: TimelineEvent): Record<string, unknown> {
  const { at, kind, ...rest } = event
  return { type: 'event', at, kind, ...rest }
}

/** The events as JSON lines (one object per line, in the order given, each line ending with `\n`). */
export function timelineJsonLines(events: readonly TimelineEvent[]): string {
  return events.map((event) => JSON.stringify(timelineJsonObject(event)) + '\n').join('')
}
