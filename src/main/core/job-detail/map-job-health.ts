/**
 * Maps `refreshJobInfoDetail` into `JobHealthDetail`, and a detail into the Jobs table's `JobHealthSummary`.
 * Bounded: vertices, checkpoint history and exception entries are cut to fixed counts, long texts to fixed lengths,
 * and no `Math.max(...arr)` or spread of a server-sized array is ever taken.
 */
import { toJobStatus } from '../../../shared/models'
import type {
  BackpressureLevel,
  HealthReason,
  JobHealthDetail,
  JobHealthSummary,
  VertexHealth
} from '../../../shared/job-health'
import { flinkHttpsBlocked } from '../dinky/flink-https'
import { operatorsUnavailable, toCheckpoints } from './map-checkpoints'
import * as s from './job-detail-schemas'
import type { z } from 'zod'

export const LIMITS = {
  vertices: 200,
  /** Inputs per vertex (a union of many tables fans in wide). */
  inputs: 256,
  subtasks: 1_024,
  history: 30,
  exceptions: 20,
  stacktraceChars: 64_000,
  textChars: 4_000
} as const

export const cut = (
  value: string | null | undefined,
  max: number = LIMITS.textChars
): string | null =>
  value === null || value === undefined
    ? null
    : value.length > max
      ? value.slice(0, max) + ' …'
      : value

const level = (value: string | null | undefined): BackpressureLevel | null => {
  const lower = value?.toLowerCase()
  return lower === 'ok' || lower === 'low' || lower === 'high' ? lower : null
}

/** Flink's "no watermark" is Long.MIN_VALUE; anything not a plausible epoch ms is "none". */
/**
 * Why: with checkpointing off Flink reports the interval as `Long.MAX_VALUE` (a real Flink 1.18.1 did), which no
 * view should print as a duration of 292 million years. Null means "no periodic checkpoints".
 */
function intervalOf(value: number | null | undefined): number | null {
  return value === null || value === undefined || value >= Number.MAX_SAFE_INTEGER ? null : value
}

function watermarkOf(value: unknown): number | null {
  let lowest: number | null = null
  for (const mark of s.boundedList(s.watermarkSchema, value, LIMITS.subtasks)) {
    const ms = Number(mark.value)
    if (!Number.isFinite(ms) || ms <= 0) continue
    lowest = lowest === null ? ms : Math.min(lowest, ms)
  }
  return lowest
}

function toVertices(job: z.infer<typeof s.flinkJobSchema> | null): VertexHealth[] {
  if (!job) return []
  const nodes = new Map<string, z.infer<typeof s.planNodeSchema>>()
  for (const node of s.boundedList(s.planNodeSchema, job.plan?.nodes, LIMITS.vertices))
    nodes.set(node.id, node)
  return s.boundedList(s.vertexSchema, job.vertices, LIMITS.vertices).map((vertex) => {
    const node = nodes.get(vertex.id)
    let busy: number | null = null
    const subtasks = s.boundedList(
      s.subtaskBackpressureSchema,
      node?.backpressure?.subtasks,
      LIMITS.subtasks
    )
    for (const subtask of subtasks) {
      if (typeof subtask.busyRatio === 'number' && Number.isFinite(subtask.busyRatio))
        busy = busy === null ? subtask.busyRatio : Math.max(busy, subtask.busyRatio)
    }
    return {
      id: vertex.id,
      name: cut(vertex.name) ?? vertex.id,
      parallelism: vertex.parallelism ?? null,
      status: cut(vertex.status, 40),
      durationMs: vertex.duration ?? null,
      readRecords: vertex.metrics?.['read-records'] ?? null,
      writeRecords: vertex.metrics?.['write-records'] ?? null,
      readBytes: vertex.metrics?.['read-bytes'] ?? null,
      writeBytes: vertex.metrics?.['write-bytes'] ?? null,
      busyPct: busy === null ? null : Math.round(Math.min(1, Math.max(0, busy)) * 100),
      backpressure: level(node?.backpressure?.backpressureLevel),
      watermark: node ? watermarkOf(node.watermark) : null,
      inputs: s.boundedList(s.planInputSchema, node?.inputs, LIMITS.inputs).map((input) => ({
        vertexId: cut(input.id, 64) ?? '',
        shipStrategy: cut(input.ship_strategy, 60)
      })),
      // Rates and skew need more than this one read: the job-detail service lays them on (job-flow.ts).
      recordsInPerSecond: null,
      recordsOutPerSecond: null,
      skew: null
    }
  })
}

/** `refreshJobInfoDetail`'s data → `JobHealthDetail`; never throws on a missing or malformed Flink part. */
/** `dinkyVersion`: the server's release, which decides whether an `https://` Flink address can be read. */
export function toJobHealthDetail(
  data: z.infer<typeof s.refreshDetailSchema>,
  dinkyVersion: string | null = null
): JobHealthDetail {
  const dto = data.jobDataDto ?? null
  const job = s.part(s.flinkJobSchema, dto?.job)
  const config = s.part(s.jobConfigSchema, dto?.config)?.['execution-config'] ?? null
  const cpConfig = s.part(s.checkpointConfigSchema, dto?.checkpointsConfig)
  const exceptions = s.part(s.exceptionsSchema, dto?.exceptions)
  const status = toJobStatus(data.instance.status)
  const checkpoints = toCheckpoints(dto?.checkpoints)
  return {
    instanceId: data.instance.id,
    taskId: data.instance.taskId ?? null,
    name: cut(data.instance.name, 300) ?? `#${data.instance.id}`,
    status,
    jid: cut(data.instance.jid, 64),
    clusterName: cut(
      data.clusterInstance?.alias || data.clusterInstance?.name || data.history?.clusterName,
      300
    ),
    jobManagerAddress: cut(
      data.clusterInstance?.jobManagerHost ?? data.history?.jobManagerAddress,
      300
    ),
    flinkLost: (status === 'RECONNECTING' || status === 'UNKNOWN') && dto?.error === true,
    ...(flinkHttpsBlocked(
      dinkyVersion,
      data.clusterInstance?.jobManagerHost,
      data.clusterInstance?.hosts,
      data.history?.jobManagerAddress
    )
      ? { flinkHttpsBlocked: true }
      : {}),
    errorMsg: cut(dto?.errorMsg ?? data.instance.error ?? null),
    startTime: job?.['start-time'] ?? null,
    durationMs: job?.duration ?? null,
    parallelism: config?.['job-parallelism'] ?? null,
    restartStrategy: cut(config?.['restart-strategy']),
    executionMode: cut(config?.['execution-mode'], 100),
    vertices: toVertices(job),
    checkpoints,
    checkpointOperators: checkpoints ? operatorsUnavailable(checkpoints, dinkyVersion) : null,
    checkpointConfig: cpConfig
      ? {
          mode: cut(cpConfig.mode, 100),
          intervalMs: intervalOf(cpConfig.interval),
          timeoutMs: cpConfig.timeout ?? null,
          minPauseMs: cpConfig.min_pause ?? null,
          maxConcurrent: cpConfig.max_concurrent ?? null,
          externalized: cpConfig.externalization?.enabled ?? null,
          stateBackend: cut(cpConfig.state_backend, 200),
          unaligned: cpConfig.unaligned_checkpoints ?? null,
          tolerableFailed: cpConfig.tolerable_failed_checkpoints ?? null
        }
      : null,
    exceptions: exceptions
      ? {
          root: cut(exceptions['root-exception'], LIMITS.stacktraceChars),
          timestamp: exceptions.timestamp ?? null,
          history: s
            .boundedList(
              s.exceptionEntrySchema,
              exceptions.exceptionHistory?.entries,
              LIMITS.exceptions
            )
            .map((entry) => ({
              name: cut(entry.exceptionName, 500),
              stacktrace: cut(entry.stacktrace, LIMITS.stacktraceChars) ?? '',
              timestamp: entry.timestamp ?? null,
              taskName: cut(entry.taskName, 500),
              location: cut(entry.location, 300)
            }))
        }
      : null
  }
}

/** Overdue: no completed checkpoint for this many intervals. */
export const OVERDUE_INTERVALS = 3

/** The Jobs table's view of a detail: what is wrong right now, judged at `now`. */
export function toJobHealthSummary(
  detail: JobHealthDetail,
  asOf: number,
  now: number
): JobHealthSummary {
  const cp = detail.checkpoints
  const completedAt = cp?.latestCompleted?.ackAt ?? cp?.latestCompleted?.triggerAt ?? null
  const failedAt = cp?.latestFailed?.triggerAt ?? null
  const interval = detail.checkpointConfig?.intervalMs ?? null
  let backpressure: BackpressureLevel | null = null
  for (const vertex of detail.vertices) {
    if (vertex.backpressure === 'high') backpressure = 'high'
    else if (vertex.backpressure === 'low' && backpressure !== 'high') backpressure = 'low'
    else if (vertex.backpressure === 'ok' && backpressure === null) backpressure = 'ok'
  }
  const reasons: HealthReason[] = []
  const running = detail.status === 'RUNNING'
  if (detail.flinkLost) reasons.push('flink-lost')
  if (running && failedAt !== null && (completedAt === null || failedAt > completedAt))
    reasons.push('checkpoint-failing')
  const since = completedAt ?? detail.startTime
  if (
    running &&
    interval &&
    interval > 0 &&
    since !== null &&
    now - since > OVERDUE_INTERVALS * interval
  )
    reasons.push('checkpoint-overdue')
  if (running && backpressure === 'high') reasons.push('backpressure-high')
  if (detail.status === 'RESTARTING') reasons.push('restarting')
  return {
    instanceId: detail.instanceId,
    name: detail.name,
    lastCompletedAt: completedAt,
    failedCheckpoints: cp ? cp.failed : null,
    backpressure,
    intervalMs: interval,
    reasons,
    asOf,
    restored: cp ? cp.restored : null,
    lastFailureAt: lastFailureAt(detail)
  }
}

/** The newest failure Flink recorded (root exception or history), epoch ms; null when none. */
function lastFailureAt(detail: JobHealthDetail): number | null {
  const exceptions = detail.exceptions
  if (!exceptions) return null
  let newest = exceptions.timestamp
  for (const entry of exceptions.history)
    if (entry.timestamp !== null && (newest === null || entry.timestamp > newest))
      newest = entry.timestamp
  return newest
}
