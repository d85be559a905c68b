/**
 * The console's models of a job's health, from Dinky's `refreshJobInfoDetail` (Flink's job, vertices, plan,
 * checkpoints, exceptions) and the DevOps page's other reads (alert history, versions, savepoints, Flink logs).
 * Plain data: they cross IPC and are cached as JSON. Every part the server may leave out is nullable.
 */
import type { JobStatus } from './models'

export type BackpressureLevel = 'ok' | 'low' | 'high'

export interface VertexHealth {
  id: string
  name: string
  parallelism: number | null
  status: string | null
  durationMs: number | null
  readRecords: number | null
  writeRecords: number | null
  readBytes: number | null
  writeBytes: number | null
  /** Highest busy ratio over the vertex's subtasks, 0–100; null when Flink gave none. */
  busyPct: number | null
  backpressure: BackpressureLevel | null
  /** Lowest input watermark over subtasks (epoch ms); null when none yet or not given. */
  watermark: number | null
  /**
   * Issue 24: the vertex's inputs in Flink's plan (`plan.nodes[].inputs[]`): the upstream vertex and how records are
   * shipped (`HASH`, `FORWARD`, `REBALANCE`, …). Absent in older cache entries; empty for a source.
   */
  inputs?: PlanInput[]
  /** Records per second in and out, from two successive reads of the cumulative counts; null until two reads. */
  recordsInPerSecond?: number | null
  recordsOutPerSecond?: number | null
  /** Records per subtask and their max/mean, when subtask figures are known; null or absent when not. */
  skew?: VertexSkew | null
}

export interface PlanInput {
  vertexId: string
  shipStrategy: string | null
}

export interface VertexSkew {
  /** Highest subtask's records over the mean (1 = even); Flink's UI calls a vertex skewed from about 2. */
  maxPerMean: number
  /** Records (in) per subtask, by subtask index, bounded. */
  subtasks: number[]
}

/** Issue 24: one operator's part of a checkpoint (Flink's `/jobs/:jid/checkpoints/details/:id` `tasks`). */
export interface CheckpointOperatorStats {
  vertexId: string
  name: string
  acknowledged: number | null
  subtasks: number | null
  stateSize: number | null
  checkpointedSize: number | null
  endToEndMs: number | null
  syncMs: number | null
  asyncMs: number | null
  alignmentMs: number | null
}

/** The latest checkpoint by operator, or why it cannot be shown (Dinky does not serve it, the read failed). */
export type CheckpointOperators =
  | { checkpointId: number; operators: CheckpointOperatorStats[] }
  | { checkpointId: number | null; unavailable: string }

export interface CheckpointEntry {
  id: number
  status: string
  isSavepoint: boolean
  triggerAt: number | null
  ackAt: number | null
  stateSize: number | null
  checkpointedSize: number | null
  durationMs: number | null
  numSubtasks: number | null
  numAcknowledged: number | null
  externalPath: string | null
  failureMessage: string | null
}

export interface CheckpointSummary {
  total: number
  completed: number
  failed: number
  inProgress: number
  restored: number
  latestCompleted: CheckpointEntry | null
  latestSavepoint: CheckpointEntry | null
  latestFailed: CheckpointEntry | null
  restoredFrom: {
    id: number | null
    at: number | null
    path: string | null
    isSavepoint: boolean
  } | null
  /** Newest first, bounded. */
  history: CheckpointEntry[]
}

export interface CheckpointConfig {
  mode: string | null
  intervalMs: number | null
  timeoutMs: number | null
  minPauseMs: number | null
  maxConcurrent: number | null
  externalized: boolean | null
  stateBackend: string | null
  unaligned: boolean | null
  tolerableFailed: number | null
}

export interface ExceptionEntry {
  name: string | null
  stacktrace: string
  timestamp: number | null
  taskName: string | null
  location: string | null
}

export interface JobExceptions {
  root: string | null
  timestamp: number | null
  /** Newest first, bounded. */
  history: ExceptionEntry[]
}

/** One job instance's health as Dinky reported it at `Fresh.asOf`. */
export interface JobHealthDetail {
  instanceId: number
  taskId: number | null
  name: string
  status: JobStatus
  jid: string | null
  clusterName: string | null
  jobManagerAddress: string | null
  /** Dinky could not reach Flink (status RECONNECTING/UNKNOWN with `jobDataDto.error`): the job may still run. */
  flinkLost: boolean
  /** The job's Flink address is `https://…` on Dinky 1.0/1.1, which cannot read it (see `Cluster`); absent if not. */
  flinkHttpsBlocked?: boolean
  errorMsg: string | null
  startTime: number | null
  durationMs: number | null
  parallelism: number | null
  restartStrategy: string | null
  executionMode: string | null
  vertices: VertexHealth[]
  checkpoints: CheckpointSummary | null
  checkpointConfig: CheckpointConfig | null
  exceptions: JobExceptions | null
  /** Issue 24: the latest completed checkpoint by operator; absent in older cache entries. */
  checkpointOperators?: CheckpointOperators | null
}

export type HealthReason =
  'checkpoint-failing' | 'checkpoint-overdue' | 'backpressure-high' | 'restarting' | 'flink-lost'

/** What the Jobs table shows of a job's health, from the background sweep or the open drawer. */
export interface JobHealthSummary {
  instanceId: number
  name: string
  lastCompletedAt: number | null
  failedCheckpoints: number | null
  backpressure: BackpressureLevel | null
  intervalMs: number | null
  reasons: HealthReason[]
  /** When Dinky said this. */
  asOf: number
  /**
   * Flink's own record of failovers, for the `restarts` alert rule (Dinky 1.0–1.2 never fill `failedRestartCount`):
   * checkpoint restores so far, and the newest failure in the exception history. Absent in older cache entries.
   */
  restored?: number | null
  lastFailureAt?: number | null
}

/**
 * Two readings of one job's health say the same but for when they were read: every field but `asOf` is equal (the
 * reasons in order). A field added to the summary is compared too, without a change here.
 */
export function sameHealthReading(a: JobHealthSummary, b: JobHealthSummary): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof JobHealthSummary>
  for (const field of fields) {
    if (field === 'asOf') continue
    const [x, y] = [a[field], b[field]]
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((value, i) => value !== y[i])) return false
    } else if (!Object.is(x, y)) return false
  }
  return true
}

export interface AlertHistoryEntry {
  id: number
  title: string
  /** Markdown from the server: render inert (no raw HTML). */
  content: string
  status: number | null
  log: string | null
  createTime: string | null
  groupName: string | null
}

export interface TaskVersion {
  id: number
  versionId: number | null
  statement: string
  createTime: string | null
}

export interface SavepointEntry {
  id: number
  name: string | null
  type: string | null
  path: string
  createTime: string | null
}

export interface TaskManagerEntry {
  containerId: string
  dataPort: number | null
  slotsNumber: number | null
  freeSlots: number | null
  sinceHeartbeatMs: number | null
}

export type FlinkLogKind = 'jm-log' | 'jm-stdout' | 'jm-thread-dump' | 'tm-log'

/** Which Flink log: the JobManager's of an address, or one TaskManager's. */
export interface FlinkLogRef {
  kind: FlinkLogKind
  address: string
  containerId?: string
}
