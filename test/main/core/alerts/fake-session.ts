/**
 * A session double for alert-center tests: what the center reads of a `SessionHandle` (snapshot, numbered updates,
 * metrics open/close/subscribe), driven by the test. Job rows, health summaries and metric samples are built here so
 * each test states only what it is about.
 */
import type { ConnectionState } from '../../../../src/shared/connection'
import type { JobHealthSummary } from '../../../../src/shared/job-health'
import type { JobMetricsView, MetricsPoint, MetricsUpdate } from '../../../../src/shared/metrics'
import type { Job, JobStatus } from '../../../../src/shared/models'
import type {
  SessionEnvelope,
  SessionSnapshot,
  SessionUpdate
} from '../../../../src/shared/session'
import type { SessionHandle } from '../../../../src/main/core/session/session-api'

export interface FakeSession {
  handle: SessionHandle
  emit(update: SessionUpdate): void
  rest(kind: 'live' | 'reconnecting' | 'stopped', since: number): void
  jobs(jobs: Job[], asOf: number): void
  health(summary: Partial<JobHealthSummary> & { instanceId: number }, asOf: number): void
  samples(jid: string, points: MetricsPoint[]): void
  /** Jids held open, with their holders. */
  opened: Map<string, Set<string>>
}

export function job(id: number, status: JobStatus, extra: Partial<Job> = {}): Job {
  return {
    id,
    taskId: id + 100,
    name: `job-${id}`,
    status,
    jid: `jid${id}`,
    type: 'local',
    step: 2,
    createTime: null,
    updateTime: null,
    finishTime: null,
    durationMs: null,
    failedRestartCount: 0,
    ...extra
  }
}

export function point(at: number, vertex: string, metric: string, value: string): MetricsPoint {
  return { at, values: { [vertex]: { [metric]: value } }, source: 'push' }
}

function restState(kind: 'live' | 'reconnecting' | 'stopped', since: number): ConnectionState {
  if (kind === 'live') return { kind, since }
  if (kind === 'stopped') return { kind, reason: 'stopped-by-user', since }
  return { kind, attempt: 1, retryAt: since + 1000, reason: 'connection-refused', since }
}

export function createFakeSession(
  profileId = 'p1',
  initial: Partial<SessionSnapshot> = {}
): FakeSession {
  const listeners = new Set<(envelope: SessionEnvelope) => void>()
  const metricListeners = new Set<(update: MetricsUpdate) => void>()
  const opened = new Map<string, Set<string>>()
  let seq = 0
  const stopped: ConnectionState = { kind: 'stopped', reason: 'started', since: 0 }
  const snapshot: SessionSnapshot = {
    profileId,
    seq: 0,
    serverVersion: '1.1.0',
    transport: 'sse',
    user: null,
    streams: { topics: stopped, jvm: stopped, rest: stopped },
    jobs: null,
    counts: null,
    clusters: null,
    taskManagers: {},
    sysInfo: null,
    jvm: [],
    logs: [],
    ...initial
  }
  const emit = (update: SessionUpdate) => {
    if (update.type === 'state')
      snapshot.streams = { ...snapshot.streams, [update.stream]: update.state }
    if (update.type === 'jobs') snapshot.jobs = update.jobs
    snapshot.seq = ++seq
    for (const listener of [...listeners]) listener({ profileId, seq, update })
  }
  const view = (jid: string): JobMetricsView => ({
    jid,
    outages: [],
    lastSampleAt: null,
    intervalMs: 5000,
    diagnosis: 'waiting',
    layout: null,
    stale: false,
    asOf: null,
    points: []
  })
  const metrics = {
    open(jid: string, holder: string) {
      const holders = opened.get(jid) ?? new Set<string>()
      holders.add(holder)
      opened.set(jid, holders)
      return view(jid)
    },
    close(jid: string, holder: string) {
      opened.get(jid)?.delete(holder)
      if (opened.get(jid)?.size === 0) opened.delete(jid)
    },
    subscribe(listener: (update: MetricsUpdate) => void) {
      metricListeners.add(listener)
      return () => metricListeners.delete(listener)
    }
  }
  const handle = {
    profileId,
    snapshot: () => snapshot,
    subscribe(listener: (envelope: SessionEnvelope) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    metrics
  } as unknown as SessionHandle
  return {
    handle,
    emit,
    opened,
    rest: (kind, since) => emit({ type: 'state', stream: 'rest', state: restState(kind, since) }),
    jobs: (jobs, asOf) =>
      emit({ type: 'jobs', jobs: { value: jobs, asOf, stale: false }, counts: null }),
    health: (summary, asOf) =>
      emit({
        type: 'job-health',
        summary: {
          name: `job-${summary.instanceId}`,
          lastCompletedAt: null,
          failedCheckpoints: 0,
          backpressure: 'ok',
          intervalMs: 10_000,
          reasons: [],
          asOf,
          ...summary
        },
        detail: null
      }),
    samples(jid, points) {
      const update = { ...view(jid), added: points }
      for (const listener of [...metricListeners]) listener(update)
    }
  }
}
