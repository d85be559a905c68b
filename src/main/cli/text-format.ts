/**
 * The readable live view of `watch` (without `--json`): one line per event, a job table when the jobs change, and
 * console lines prefixed by their process. Plain text, so it also reads well in a log file.
 */
import type { Job } from '../../shared/models'
import type { SessionUpdate } from '../../shared/session'
import { stateFields } from './ndjson-format'

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19)
}

function freshness(stale: boolean, asOf: number): string {
  return stale ? `cached, as of ${new Date(asOf).toISOString()}` : `live ${clock(asOf)}`
}

function jobTable(jobs: readonly Job[]): string[] {
  const rows = jobs.map((job) => [String(job.id), job.status, job.name, job.jid ?? '-'])
  const widths = [4, 12, 24].map((min, i) => Math.max(min, ...rows.map((row) => row[i].length)))
  return rows.map(
    (row) =>
      `  ${row[0].padStart(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2].padEnd(widths[2])}  ${row[3]}`
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
        const reason = state.reason ? ` (${state.reason})` : ''
        return [`${clock(now)} [${update.stream}] ${state.state}${wait}${reason}`]
      }
      case 'jobs': {
        const key = JSON.stringify(update.jobs.value.map((job) => [job.id, job.status]))
        if (key === this.lastJobs) return []
        this.lastJobs = key
        const header = `${clock(now)} jobs (${freshness(update.jobs.stale, update.jobs.asOf)}): ${update.jobs.value.length}`
        return [header, ...jobTable(update.jobs.value)]
      }
      case 'job': {
        const t = update.transition
        return [`${clock(now)} job ${t.id} ${t.name}: ${t.from ?? 'new'} -> ${t.to}`]
      }
      case 'log':
        return update.chunk.lines.map(
          (line) => `${update.chunk.process}${update.chunk.stale ? ' (cached)' : ''} | ${line}`
        )
      case 'clusters': {
        const up = update.clusters.value.filter((cluster) => cluster.available).length
        const total = update.clusters.value.length
        return [
          `${clock(now)} clusters (${freshness(update.clusters.stale, update.clusters.asOf)}): ${up}/${total} available`
        ]
      }
      case 'jvm': {
        const { heapUsed, heapMax } = update.sample.jvm
        return [
          `${clock(now)} dinky jvm heap ${(heapUsed / 2 ** 20).toFixed(0)}/${(heapMax / 2 ** 20).toFixed(0)} MiB`
        ]
      }
      case 'error':
        return [`${clock(now)} error (${update.reason}): ${update.message}`]
      default:
        return []
    }
  }
}
