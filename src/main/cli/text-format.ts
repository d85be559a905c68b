/**
 * The readable live view of `watch` (without `--json`): one line per event, a job table when the jobs change, and
 * console lines prefixed by their process. Plain text, so it also reads well in a log file. Every string the
 * server provided passes through `inertTerminalText`: nothing the server sends can act on the terminal.
 */
import type { Job } from '../../shared/models'
import type { SessionUpdate } from '../../shared/session'
import { maxOf } from '../../shared/array-bounds'
import { inertTerminalText as inert } from './inert-text'
import { stateFields } from './ndjson-format'
import { FLINK_HTTPS_BLOCKED_TEXT } from '../core/dinky/flink-https'

const two = (n: number) => String(n).padStart(2, '0')

/** Local wall-clock time: the terminal's reader lives in the local zone, not in UTC. */
function clock(ms: number): string {
  const date = new Date(ms)
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
}

function freshness(stale: boolean, asOf: number): string {
  const date = new Date(asOf)
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`
  return stale ? `cached, as of ${day} ${clock(asOf)}` : `live ${clock(asOf)}`
}

/** Columns a terminal gives the text: CJK and other wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) {
    const code = char.codePointAt(0)!
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd)
    width += wide ? 2 : 1
  }
  return width
}

const padEnd = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)))

function jobTable(jobs: readonly Job[]): string[] {
  const rows = jobs.map((job) => [
    String(job.id),
    inert(job.status),
    inert(job.name),
    inert(job.jid ?? '-')
  ])
  const widths = [4, 12, 24].map((min, i) =>
    maxOf(
      rows.map((row) => displayWidth(row[i])),
      min
    )
  )
  return rows.map(
    (row) =>
      `  ${row[0].padStart(widths[0])}  ${padEnd(row[1], widths[1])}  ${padEnd(row[2], widths[2])}  ${row[3]}`
  )
}

/** Remembers what it printed, so a poll that changed nothing prints nothing. */
export class TextView {
  private lastJobs = ''

  format(update: SessionUpdate, now: number): string[] {
    switch (update.type) {
      case 'state': {
        const state = stateFields(update.state, now)
        const wait =
          state.state === 'reconnecting'
            ? ` attempt ${state.attempt}, retry in ${(state.retryInMs / 1000).toFixed(1)}s`
            : ''
        const detail =
          update.state.kind === 'reconnecting' && update.state.detail
            ? `: ${inert(update.state.detail)}`
            : ''
        const reason = state.reason ? ` (${state.reason}${detail})` : ''
        return [`${clock(now)} [${update.stream}] ${state.state}${wait}${reason}`]
      }
      case 'jobs': {
        const changes = update.changes
        const delta = changes && !changes.full ? changes : null
        if (delta && delta.upserts.length === 0 && delta.removed.length === 0) return []
        const key = JSON.stringify(update.jobs.value.map((job) => [job.id, job.status]))
        if (key === this.lastJobs) return []
        const first = this.lastJobs === ''
        this.lastJobs = key
        const header = `${clock(now)} jobs (${freshness(update.jobs.stale, update.jobs.asOf)}): ${update.jobs.value.length}`
        if (!delta || first) return [header, ...jobTable(update.jobs.value)]
        // Issue 23: past the first table only the rows that changed; 2,000 rows a poll help nobody.
        const gone = delta.removed.length > 0 ? [`  gone: ${delta.removed.join(', ')}`] : []
        return [`${header}, ${delta.upserts.length} changed`, ...jobTable(delta.upserts), ...gone]
      }
      case 'job': {
        const t = update.transition
        return [
          `${clock(now)} job ${t.id} ${inert(t.name)}: ${inert(t.from ?? 'new')} -> ${inert(t.to)}`
        ]
      }
      case 'log': {
        const prefix = `${inert(update.chunk.process)}${update.chunk.stale ? ' (cached)' : ''} | `
        return update.chunk.lines.map((line) => prefix + inert(line))
      }
      case 'clusters': {
        const up = update.clusters.value.filter((cluster) => cluster.available).length
        const total = update.clusters.value.length
        const { stale, asOf, staleReason } = update.clusters
        const why = staleReason ? `stale (${staleReason})` : freshness(stale, asOf)
        const blocked = update.clusters.value
          .filter((cluster) => cluster.flinkHttpsBlocked)
          .map((cluster) => `  cluster ${inert(cluster.name)}: ${FLINK_HTTPS_BLOCKED_TEXT}`)
        return [`${clock(now)} clusters (${why}): ${up}/${total} available`, ...blocked]
      }
      case 'jvm': {
        const { heapUsed, heapMax } = update.sample.jvm
        return [
          `${clock(now)} dinky jvm heap ${(heapUsed / 2 ** 20).toFixed(0)}/${(heapMax / 2 ** 20).toFixed(0)} MiB`
        ]
      }
      case 'error':
        return [`${clock(now)} error (${update.reason}): ${inert(update.message)}`]
      case 'diagnosis': {
        const { stream, code, detail, advice } = update.diagnosis
        return [
          `${clock(now)} [${stream}] diagnosis ${code}: ${inert(detail)}`,
          `  fix: ${inert(advice)}`
        ]
      }
      case 'diagnosis-resolved':
        return [`${clock(now)} [${update.stream}] diagnosis ${update.code} resolved`]
      default:
        return []
    }
  }
}
