/**
 * The `--json` output of `watch`: one NDJSON object per session update, each with `ts` (epoch ms) and `type`. A job
 * list prints whole once (`jobs`), then as `jobs-changed` lines only when a poll changed something.
 * Only the console's models reach this point, so no token or password can appear in a line.
 */
import type { ConnectionState } from '../../shared/connection'
import type { Job } from '../../shared/models'
import type { SessionUpdate } from '../../shared/session'

type JsonLine = Record<string, unknown> & { ts: number; type: string }

function jobRow(job: Job) {
  return {
    id: job.id,
    taskId: job.taskId,
    name: job.name,
    status: job.status,
    jid: job.jid,
    updateTime: job.updateTime
  }
}

/** The state fields every `state` line carries, whatever the kind: attempt and wait are 0 unless reconnecting. */
export function stateFields(state: ConnectionState, now: number) {
  return {
    state: state.kind,
    attempt: state.kind === 'reconnecting' || state.kind === 'degraded' ? state.attempt : 0,
    retryInMs:
      state.kind === 'reconnecting' || state.kind === 'degraded'
        ? Math.max(0, state.retryAt - now)
        : 0,
    reason: state.kind === 'live' ? null : state.reason
  }
}

/** The NDJSON object of an update, or null for updates the CLI does not print (user, system info). */
export function toJsonLine(update: SessionUpdate, ts: number): JsonLine | null {
  switch (update.type) {
    case 'state': {
      const detail = update.state.kind === 'reconnecting' ? update.state.detail : undefined
      const fields = stateFields(update.state, ts)
      return { ts, type: 'state', stream: update.stream, ...fields, ...(detail ? { detail } : {}) }
    }
    case 'jobs': {
      // Issue 23: the whole list when it is new (cached, first live, mostly replaced), then only what changed.
      const changes = update.changes
      if (!changes || changes.full) {
        return {
          ts,
          type: 'jobs',
          stale: update.jobs.stale,
          asOf: update.jobs.asOf,
          jobs: update.jobs.value.map(jobRow)
        }
      }
      if (changes.upserts.length === 0 && changes.removed.length === 0) return null
      return {
        ts,
        type: 'jobs-changed',
        stale: update.jobs.stale,
        asOf: update.jobs.asOf,
        total: update.jobs.value.length,
        changed: changes.upserts.map(jobRow),
        removed: changes.removed
      }
    }
    case 'job': {
      const { id, taskId, name, from, to } = update.transition
      return { ts, type: 'job', id, taskId, name, from, to }
    }
    case 'log': {
      const { process, run, stale, lines } = update.chunk
      return { ts, type: 'log', process, run, stale, lines }
    }
    case 'clusters':
      return {
        ts,
        type: 'clusters',
        stale: update.clusters.stale,
        asOf: update.clusters.asOf,
        ...(update.clusters.staleReason ? { staleReason: update.clusters.staleReason } : {}),
        clusters: update.clusters.value,
        taskManagers: update.taskManagers
      }
    case 'jvm':
      return { ts, type: 'jvm', jvm: update.sample.jvm }
    case 'error':
      return { ts, type: 'error', reason: update.reason, message: update.message }
    case 'job-health': {
      // The sweep's view of one job (issue 15): what the Jobs table shows, one line per detail read.
      const s = update.summary
      return {
        ts,
        type: 'health',
        id: s.instanceId,
        name: s.name,
        checkpointAgeMs: s.lastCompletedAt === null ? null : Math.max(0, ts - s.lastCompletedAt),
        failedCheckpoints: s.failedCheckpoints,
        backpressure: s.backpressure,
        reasons: s.reasons,
        asOf: s.asOf
      }
    }
    case 'diagnosis': {
      const { stream, code, detail, advice } = update.diagnosis
      return { ts, type: 'diagnosis', stream, code, detail, advice }
    }
    case 'diagnosis-resolved': {
      const { stream, code, at } = update
      return { ts, type: 'diagnosis-resolved', stream, code, resolvedAt: at }
    }
    default:
      return null
  }
}
