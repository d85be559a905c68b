/**
 * What `dinky-console fleet` prints for one picture of the fleet: the NDJSON `fleet` line (`--json`) or a readable
 * table, both made from `summarizeServer` (the same summary as the app's fleet overview), worst server first. Every
 * string a server provided (job names, statuses, its version) is inert in the table; JSON escapes it by itself.
 */
import { compareFleetServers, type FleetServerSummary } from '../../shared/fleet'
import { maxOf } from '../../shared/array-bounds'
import { inertTerminalText as inert } from './inert-text'
import { clock, displayWidth, padEnd } from './text-format'

/** One server of the fleet as the CLI names it: by the `--server` it was given. */
export interface FleetEntry {
  server: string
  summary: FleetServerSummary
}

/** The servers worst first, as both outputs list them. */
export function worstFirst(entries: readonly FleetEntry[]): FleetEntry[] {
  return [...entries].sort((a, b) => compareFleetServers(a.summary, b.summary))
}

/**
 * One server's fields of the `fleet` line. No `alertsFiring`: `fleet` evaluates no alert rules, and a 0 would say
 * that nothing fires.
 */
function serverFields({ server, summary: s }: FleetEntry) {
  return {
    server,
    state: s.state,
    asOf: s.asOf,
    stale: s.stale,
    version: s.version,
    transport: s.transport,
    readOnly: s.readOnly,
    counts: s.counts,
    failing: s.failing,
    failingTotal: s.failingTotal,
    clusters: s.clusters
  }
}

/** The `{"type":"fleet","servers":[…]}` object of one picture, servers worst first. */
export function fleetJsonLine(entries: readonly FleetEntry[], ts: number) {
  return { ts, type: 'fleet' as const, servers: worstFirst(entries).map(serverFields) }
}

/**
 * What decides whether a picture is new: everything printed but the read times, so a poll that only refreshed
 * `asOf` prints nothing, and a change (a status, a state, stale or live) prints the whole picture once.
 */
export function fleetChangeKey(entries: readonly FleetEntry[]): string {
  return JSON.stringify(worstFirst(entries).map((entry) => ({ ...serverFields(entry), asOf: 0 })))
}

function freshness(s: FleetServerSummary, now: number): string {
  if (s.asOf === null) return 'never read'
  if (!s.stale) return `live ${clock(s.asOf)}`
  const minutes = Math.max(0, Math.round((now - s.asOf) / 60_000))
  return `cached ${minutes < 1 ? '<1' : minutes} min ago`
}

function jobCounts(s: FleetServerSummary): string {
  const parts = Object.entries(s.counts)
    .filter(([status]) => status !== 'total')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${inert(status)} ${count}`)
  return `${s.counts.total}${parts.length ? ` (${parts.join(', ')})` : ''}`
}

/** The readable picture: a header, one row per server worst first, its failing jobs by name below it. */
export function fleetTextLines(entries: readonly FleetEntry[], now: number): string[] {
  const sorted = worstFirst(entries)
  const header = ['STATE', 'SERVER', 'AS OF', 'VERSION', 'CLUSTERS', 'JOBS']
  const rows = sorted.map(({ server, summary: s }) => [
    `${s.state}${s.readOnly ? ' (read-only)' : ''}`,
    inert(server),
    freshness(s, now),
    s.version === null ? '-' : `${inert(s.version)}${s.transport ? ` ${s.transport}` : ''}`,
    s.clusters ? `${s.clusters.available}/${s.clusters.total}` : '-',
    jobCounts(s)
  ])
  const widths = header.map((title, i) =>
    maxOf(
      rows.map((row) => displayWidth(row[i])),
      title.length
    )
  )
  const line = (cells: string[]) =>
    '  ' +
    cells.map((cell, i) => (i === cells.length - 1 ? cell : padEnd(cell, widths[i]))).join('  ')
  const lines = [`${clock(now)} fleet: ${sorted.length} servers`, line(header)]
  sorted.forEach(({ summary: s }, i) => {
    lines.push(line(rows[i]))
    if (s.failingTotal === 0) return
    const named = s.failing.map((job) => `${inert(job.name)} (${inert(job.status)})`)
    const more =
      s.failingTotal > s.failing.length ? `, +${s.failingTotal - s.failing.length} more` : ''
    lines.push(`      failing: ${named.join(', ')}${more}`)
  })
  return lines
}
