/**
 * Zod schemas of the console models as they are written to the cache. A cache file is input like any other: what
 * comes back from disk is checked before the renderer sees it, and a file that fails is moved aside.
 */
import { z } from 'zod'
import { JOB_STATUSES } from '../../../shared/models'
import type { Cluster, Job, StatusCounts, SysInfo, TaskManager } from '../../../shared/models'

const nullableString = z.string().nullable()
const nullableNumber = z.number().nullable()

export const jobSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  name: z.string(),
  status: z.enum(JOB_STATUSES),
  jid: nullableString,
  type: nullableString,
  step: z.number(),
  createTime: nullableString,
  updateTime: nullableString,
  finishTime: nullableString,
  durationMs: nullableNumber,
  failedRestartCount: z.number()
}) satisfies z.ZodType<Job>

const count = z.number()
export const statusCountsSchema = z.object({
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
}) satisfies z.ZodType<StatusCounts>

export const clusterSchema = z.object({
  id: z.number(),
  name: z.string(),
  alias: nullableString,
  type: z.string(),
  hosts: nullableString,
  jobManagerHost: nullableString,
  version: nullableString,
  available: z.boolean(),
  enabled: z.boolean(),
  autoRegisters: z.boolean(),
  note: nullableString,
  flinkHttpsBlocked: z.boolean().optional()
}) satisfies z.ZodType<Cluster>

export const taskManagerSchema = z.object({
  id: z.string(),
  address: z.string(),
  slotsTotal: z.number(),
  slotsFree: z.number(),
  cpuCores: z.number(),
  physicalMemoryBytes: z.number(),
  freeMemoryBytes: z.number(),
  heapBytes: z.number(),
  sinceHeartbeatMs: z.number()
}) satisfies z.ZodType<TaskManager>

const jvmSchema = z.object({
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
  version: z.string(),
  home: z.string()
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
  systemInfo: z.object({
    osName: z.string(),
    osArch: z.string(),
    osVersion: z.string(),
    jvmVersion: z.string(),
    jvmVendor: z.string(),
    jvmName: z.string(),
    computerName: z.string(),
    computerUser: z.string()
  })
}) satisfies z.ZodType<SysInfo>

/** Task managers by cluster id; JSON object keys are strings, ids are numbers. */
export const taskManagersSchema = z.record(z.string().regex(/^-?\d+$/), z.array(taskManagerSchema))
