/**
 * Zod schemas of `refreshJobInfoDetail`'s Flink parts and the DevOps page's other reads. Null-safe by design: Dinky
 * leaves any part null or missing (Flink unreachable, a finished job never fetched, an older Flink), so each part is
 * parsed on its own and a part that fails becomes null instead of failing the whole detail. Lists are cut to a bound
 * *before* their items are parsed, so a hostile server's huge array costs no more than the bound.
 * Shapes: dinky-common `data/flink/**` at DataLinkDC/dinky 0f52a5628 (see wire-job-health.ts in the simulator).
 */
import { z } from 'zod'

const text = z.string().nullish()
const num = z.number().nullish()
const flag = z.boolean().nullish()

/** Parses `value` with `schema`, or null: one bad part must not hide the others. */
export function part<T>(schema: z.ZodType<T>, value: unknown): T | null {
  if (value === null || value === undefined) return null
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** The first `max` items of a list that parse; the rest are not even looked at. */
export function boundedList<T>(schema: z.ZodType<T>, value: unknown, max: number): T[] {
  if (!Array.isArray(value)) return []
  const out: T[] = []
  for (let i = 0; i < value.length && i < max; i++) {
    const item = part(schema, value[i])
    if (item !== null) out.push(item)
  }
  return out
}

/** The envelope's data: only the instance is required; every Flink part is read by its own schema. */
export const refreshDetailSchema = z.object({
  instance: z.object({
    id: z.number(),
    taskId: num,
    name: text,
    status: text,
    jid: text,
    error: text
  }),
  clusterInstance: z
    .object({ name: text, alias: text, jobManagerHost: text, hosts: text })
    .nullish()
    .catch(null),
  history: z
    .object({ jobManagerAddress: text, clusterName: text, error: text })
    .nullish()
    .catch(null),
  jobDataDto: z
    .object({
      job: z.unknown().optional(),
      exceptions: z.unknown().optional(),
      checkpoints: z.unknown().optional(),
      checkpointsConfig: z.unknown().optional(),
      config: z.unknown().optional(),
      error: flag,
      errorMsg: text
    })
    .nullish()
    .catch(null)
})

export const flinkJobSchema = z.object({
  state: text,
  'start-time': num,
  duration: num,
  maxParallelism: num,
  /** The JobManager's clock when it answered: the time the cumulative counts are as of. */
  now: num,
  vertices: z.unknown().optional(),
  plan: z.object({ nodes: z.unknown().optional() }).nullish().catch(null)
})

export const vertexSchema = z.object({
  id: z.string(),
  name: text,
  parallelism: num,
  status: text,
  duration: num,
  metrics: z
    .object({
      'read-records': num,
      'write-records': num,
      'read-bytes': num,
      'write-bytes': num
    })
    .nullish()
    .catch(null)
})

const subtaskSchema = z.object({
  busyRatio: num,
  backpressureLevel: text
})

export const planNodeSchema = z.object({
  id: z.string(),
  inputs: z.unknown().optional(),
  backpressure: z
    .object({ backpressureLevel: text, subtasks: z.unknown().optional() })
    .nullish()
    .catch(null),
  watermark: z.unknown().optional()
})

/** `plan.nodes[].inputs[]`: the upstream vertex and Flink's ship strategy (`HASH`, `FORWARD`, ...). */
export const planInputSchema = z.object({ id: z.string(), ship_strategy: text })

/** `getJobMetricsData`: Flink's `[{id, value}]` of a vertex's metrics, values as strings. */
export const metricValueSchema = z.object({
  id: z.string(),
  value: z.union([z.string(), z.number()]).nullish()
})

export const watermarkSchema = z.object({
  id: text,
  value: z.union([z.string(), z.number()]).nullish()
})
export const subtaskBackpressureSchema = subtaskSchema

export const checkpointStatsSchema = z.object({
  id: z.number(),
  status: text,
  is_savepoint: flag,
  trigger_timestamp: num,
  latest_ack_timestamp: num,
  state_size: num,
  checkpointed_size: num,
  end_to_end_duration: num,
  num_subtasks: num,
  num_acknowledged_subtasks: num,
  external_path: text,
  failure_message: text,
  failure_timestamp: num
})

export const checkpointsSchema = z.object({
  counts: z
    .object({ total: num, completed: num, failed: num, in_progress: num, restored: num })
    .nullish()
    .catch(null),
  latest: z
    .object({
      completed: z.unknown().optional(),
      savepoint: z.unknown().optional(),
      failed: z.unknown().optional(),
      restored: z.unknown().optional()
    })
    .nullish()
    .catch(null),
  history: z.unknown().optional()
})

export const restoredSchema = z.object({
  id: num,
  restore_timestamp: num,
  is_savepoint: flag,
  external_path: text
})

export const checkpointConfigSchema = z.object({
  mode: text,
  interval: num,
  timeout: num,
  min_pause: num,
  max_concurrent: num,
  externalization: z.object({ enabled: flag }).nullish().catch(null),
  state_backend: text,
  unaligned_checkpoints: flag,
  tolerable_failed_checkpoints: num
})

export const jobConfigSchema = z.object({
  'execution-config': z
    .object({ 'execution-mode': text, 'restart-strategy': text, 'job-parallelism': num })
    .nullish()
    .catch(null)
})

export const exceptionsSchema = z.object({
  'root-exception': text,
  timestamp: num,
  exceptionHistory: z.object({ entries: z.unknown().optional() }).nullish().catch(null)
})

export const exceptionEntrySchema = z.object({
  exceptionName: text,
  stacktrace: text,
  timestamp: num,
  taskName: text,
  location: text
})

export const alertHistorySchema = z.object({
  id: z.number(),
  title: text,
  content: text,
  status: num,
  log: text,
  createTime: z.union([z.string(), z.number()]).nullish(),
  alertGroup: z.object({ name: text }).nullish().catch(null)
})

export const taskVersionSchema = z.object({
  id: z.number(),
  versionId: num,
  statement: text,
  createTime: z.union([z.string(), z.number()]).nullish()
})

export const savepointSchema = z.object({
  id: z.number(),
  name: text,
  type: text,
  path: z.string(),
  createTime: z.union([z.string(), z.number()]).nullish()
})

export const taskManagerEntrySchema = z.object({
  containerId: z.string(),
  dataPort: num,
  slotsNumber: num,
  freeSlots: num,
  timeSinceLastHeartbeat: num
})
