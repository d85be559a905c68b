/**
 * One server of the fleet in a few figures (issue 23): its state and freshness, version and transport, job counts by
 * status, the failing jobs by name, firing alerts and cluster availability. The renderer's fleet overview and the
 * CLI's `fleet` lines are both made here, from what each already holds, so they cannot tell different stories.
 */
import { SEVERITY, worstState, type ConnectionState } from './connection'
import { ALARM_STATUSES, type Cluster, type Fresh, type Job, type JobStatus } from './models'

/** A server's state as the fleet tells it: the worst of its streams, or `unknown` before any was reported. */
export type FleetState = ConnectionState['kind'] | 'unknown'

export interface FleetFailingJob {
  jobId: number
  taskId: number
  name: string
  status: JobStatus
}

export interface FleetServerSummary {
  profileId: string
  name: string
  url: string
  state: FleetState
  /** When the job list was read (epoch ms), null when nothing was ever read. */
  asOf: number | null
  /** True when what is shown is not live: the server is not live, or its job list is a cached copy. */
  stale: boolean
  version: string | null
  transport: 'sse' | 'ws' | null
  /** Jobs by status, only statuses that occur; `total` is the number of jobs listed. */
  counts: Partial<Record<JobStatus, number>> & { total: number }
  /** Jobs in an alarm status (FAILED, FAILING, RESTARTING), worst first, at most `FAILING_LISTED`. */
  failing: FleetFailingJob[]
  /** How many jobs are failing in all (the list above is cut). */
  failingTotal: number
  /** Alerts firing on this server (not snoozed, acknowledged or silenced ones too: they still fire). */
  alertsFiring: number
  /** Clusters that answer, of the enabled ones; null when the cluster list was never read. */
  clusters: { available: number; total: number } | null
  readOnly: boolean
}

export const FAILING_LISTED = 10

/** What one server's summary is made of; every part may be missing (a server never reached). */
export interface FleetServerInput {
  profile: { id: string; name: string; url: string; readOnly?: boolean }
  streams: readonly ConnectionState[]
  jobs: Fresh<readonly Job[]> | null
  clusters: Fresh<readonly Cluster[]> | null
  version: string | null
  transport: 'sse' | 'ws' | null
  alertsFiring: number
}

export function summarizeServer(input: FleetServerInput): FleetServerSummary {
  const { profile, jobs } = input
  const state: FleetState = worstState(input.streams)?.kind ?? 'unknown'
  const counts: FleetServerSummary['counts'] = { total: 0 }
  const failing: FleetFailingJob[] = []
  for (const job of jobs?.value ?? []) {
    counts.total += 1
    counts[job.status] = (counts[job.status] ?? 0) + 1
    if (ALARM_STATUSES.includes(job.status)) {
      failing.push({ jobId: job.id, taskId: job.taskId, name: job.name, status: job.status })
    }
  }
  failing.sort(
    (a, b) =>
      ALARM_STATUSES.indexOf(a.status) - ALARM_STATUSES.indexOf(b.status) ||
      a.name.localeCompare(b.name)
  )
  const enabled = input.clusters?.value.filter((cluster) => cluster.enabled) ?? null
  return {
    profileId: profile.id,
    name: profile.name,
    url: profile.url,
    state,
    asOf: jobs && jobs.asOf > 0 ? jobs.asOf : null,
    // Degraded is live data by polling (the stream alone is retried): as fresh as live.
    stale: (state !== 'live' && state !== 'degraded') || !jobs || jobs.stale,
    version: input.version,
    transport: input.transport,
    counts,
    failing: failing.slice(0, FAILING_LISTED),
    failingTotal: failing.length,
    alertsFiring: input.alertsFiring,
    clusters: enabled && {
      available: enabled.filter((cluster) => cluster.available).length,
      total: enabled.length
    },
    readOnly: profile.readOnly === true
  }
}

/** How bad a server looks, lower is worse: failing jobs, firing alerts, then its connection, then down clusters. */
function badness(server: FleetServerSummary): number[] {
  // Never heard from (no stream reported yet): as unsure as a server still connecting, not as fine as a live one.
  const stateRank = SEVERITY.indexOf(server.state === 'unknown' ? 'connecting' : server.state)
  const clustersDown = server.clusters ? server.clusters.total - server.clusters.available : 0
  return [-server.failingTotal, -server.alertsFiring, stateRank, -clustersDown]
}

/** Worst first; ties by name, so the order is stable while nothing changes. */
export function compareFleetServers(a: FleetServerSummary, b: FleetServerSummary): number {
  const [x, y] = [badness(a), badness(b)]
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i]
  return a.name.localeCompare(b.name) || a.profileId.localeCompare(b.profileId)
}
