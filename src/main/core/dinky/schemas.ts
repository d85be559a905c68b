/**
 * Zod schemas of every Dinky body the console reads. They accept what the protocol spec documents for 1.0–1.2 and
 * nothing looser: a field the models need that is missing or of the wrong type fails validation, and the client turns
 * that into a `malformed-response` error naming the endpoint. Unknown extra fields are dropped. WS payloads omit
 * nulls (NON_NULL) and send dates as epoch ms, so optional-nullable fields and `string | number` dates are accepted.
 */
import { z } from 'zod'

const text = z.string().nullish()
const count = z.number().nullish()
/** `yyyy-MM-dd HH:mm:ss`, ISO LocalDateTime, or epoch ms (WS). */
const dateLike = z.union([z.string(), z.number()]).nullish()

/** `Result<T>`: `{data, code, msg, time, success}`. */
export const resultEnvelope = z.object({
  code: z.number(),
  msg: z.string().nullish(),
  data: z.unknown().optional(),
  /** The server's local now, `yyyy-MM-dd HH:mm:ss`: the source of its UTC offset. */
  time: z.string().nullish(),
  success: z.boolean().nullish()
})

/** `ProTableResult<T>`: `{total, success, current, pageSize, data[]}`. */
export const proTableEnvelope = z.object({
  total: z.number(),
  success: z.boolean().nullish(),
  current: z.number().nullish(),
  pageSize: z.number().nullish(),
  data: z.array(z.unknown()).nullable()
})

export const versionSchema = z.string().min(1)

/** `JobInstanceVo` (list) and `JobInstance` (detail) share the fields the console reads. */
export const jobInstanceSchema = z.object({
  id: z.number(),
  taskId: z.number().nullish(),
  name: z.string().nullish(),
  status: z.string().nullish(),
  jid: text,
  type: text,
  step: count,
  createTime: dateLike,
  updateTime: dateLike,
  finishTime: dateLike,
  duration: count,
  failedRestartCount: count,
  error: text
})

export const statusCountSchema = z.object({
  all: count,
  initializing: count,
  running: count,
  finished: count,
  failed: count,
  canceled: count,
  restarting: count,
  created: count,
  failing: count,
  cancelling: count,
  suspended: count,
  reconciling: count,
  unknown: count
})

export const clusterInstanceSchema = z.object({
  id: z.number(),
  name: z.string(),
  alias: text,
  type: z.string().nullish(),
  hosts: text,
  jobManagerHost: text,
  version: text,
  status: z.union([z.number(), z.boolean()]).nullish(),
  enabled: z.boolean().nullish(),
  autoRegisters: z.boolean().nullish(),
  note: text
})

/** Dinky's `TaskManagerConfiguration` keeps Flink's nested objects as JSON text; accept either form. */
function jsonText<T extends z.ZodType>(inner: T) {
  const fromText = (value: unknown) => {
    if (typeof value !== 'string') return value
    try {
      return JSON.parse(value)
    } catch {
      return value
    }
  }
  return z.preprocess(fromText, inner.nullish())
}

/** Flink's task manager info as Dinky relays it (`id`/`path`, or Dinky's `containerId`/`containerPath`). */
export const taskManagerSchema = z.object({
  id: z.string().nullish(),
  containerId: z.string().nullish(),
  path: z.string().nullish(),
  containerPath: z.string().nullish(),
  slotsNumber: count,
  freeSlots: count,
  timeSinceLastHeartbeat: count,
  hardware: jsonText(
    z.object({ cpuCores: count, physicalMemory: count, freeMemory: count, managedMemory: count })
  ),
  memoryConfiguration: jsonText(z.object({ frameworkHeap: count, taskHeap: count }).partial())
})

export const clusterConfigurationSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string().nullish(),
  enabled: z.boolean().nullish(),
  isAvailable: z.boolean().nullish(),
  note: text
})

export const jvmSchema = z.object({
  total: z.number(),
  max: z.number(),
  free: z.number(),
  cpuUsed: z.number(),
  nonHeapMax: z.number(),
  nonHeapUsed: z.number(),
  heapMax: z.number(),
  heapUsed: z.number(),
  threadPeakCount: z.number(),
  threadCount: z.number(),
  version: z.string().nullish(),
  home: z.string().nullish()
})

export const sysInfoSchema = z.object({
  jvm: jvmSchema,
  cpu: z.object({
    cpuNum: z.number(),
    total: z.number(),
    sys: z.number(),
    used: z.number(),
    wait: z.number(),
    free: z.number()
  }),
  mem: z.object({ total: z.number(), used: z.number(), free: z.number() }),
  systemInfo: z.record(z.string(), z.unknown())
})

interface ProcessStepWire {
  key?: string | null
  title?: string | null
  type?: string | null
  status?: string | null
  startTime?: string | number | null
  endTime?: string | number | null
  time?: number | null
  log?: string | null
  children?: ProcessStepWire[] | null
}

export const processStepSchema: z.ZodType<ProcessStepWire> = z.lazy(() =>
  z.object({
    key: text,
    title: text,
    type: text,
    status: text,
    startTime: dateLike,
    endTime: dateLike,
    time: count,
    log: text,
    children: z.array(processStepSchema).nullish()
  })
)

export const processEntitySchema = z.object({
  key: z.string(),
  title: text,
  log: text,
  type: text,
  status: text,
  startTime: dateLike,
  endTime: dateLike,
  time: count,
  lastUpdateStep: processStepSchema.nullish(),
  children: z.array(processStepSchema).nullish(),
  threadId: count
})

export const metricsSchema = z.object({
  model: z.string(),
  heartTime: text,
  content: z.record(z.string(), z.record(z.string(), z.unknown())).nullish()
})

const tenantSchema = z.object({ id: z.number(), tenantCode: z.string().nullish() })

export const userDtoSchema = z.object({
  user: z.object({ username: z.string(), nickname: text }),
  tenantList: z.array(tenantSchema).nullish(),
  currentTenant: tenantSchema.nullish()
})

export const tenantResultSchema = tenantSchema

export const tokenInfoSchema = z.object({
  tokenName: z.string().nullish(),
  isLogin: z.boolean().nullish(),
  loginId: z.union([z.string(), z.number()]).nullish(),
  tokenTimeout: count
})

export const jobInfoDetailSchema = z.object({
  instance: jobInstanceSchema,
  clusterInstance: z.object({ name: text, alias: text, jobManagerHost: text }).nullish(),
  history: z
    .object({
      error: text,
      statement: text,
      clusterName: text,
      jobManagerAddress: text,
      type: text
    })
    .nullish(),
  jobDataDto: z
    .object({
      exceptions: z.object({ 'root-exception': text, timestamp: count }).nullish()
    })
    .nullish()
})

export const topicSetSchema = z.array(z.string())

/** `SseDataVo` (SSE and WS frames alike). */
export const sseDataSchema = z.object({
  sessionKey: z.string().nullish(),
  topic: z.string(),
  data: z.unknown()
})
