/**
 * Maps validated Dinky bodies into the console's models. Pure functions over the output of `schemas.ts`: the only
 * place that knows Dinky's field names and defaults. Server-local times become ISO-8601 with the server's UTC
 * offset (`server-zone.ts`), passed in as `offsetMs`.
 */
import type { z } from 'zod'
import type {
  Cluster,
  Job,
  JobDetail,
  Jvm,
  StatusCounts,
  SysInfo,
  TaskManager
} from '../../../shared/models'
import { toJobStatus } from '../../../shared/models'
import type { SessionUser } from '../../../shared/session'
import type {
  clusterConfigurationSchema,
  clusterInstanceSchema,
  jobInfoDetailSchema,
  jobInstanceSchema,
  jvmSchema,
  metricsSchema,
  processEntitySchema,
  processStepSchema,
  statusCountSchema,
  taskManagerSchema,
  userDtoSchema
} from './schemas'
import { flinkHttpsBlocked } from './flink-https'
import { DINKY_DEFAULT_OFFSET_MS, toZonedTime } from './server-zone'
import type { ClusterConfigurationSummary, DinkyProcess, MetricsSample, ProcessStep } from './types'

/** No job finished before 1971: anything earlier is Dinky's "not finished" sentinel, never a real time. */
const FIRST_REAL_FINISH_MS = Date.UTC(1971, 0, 1)

/**
 * Why: Dinky 1.x stores Flink's `end-time` of a running job (-1) as a time, so a running job's `finishTime` reads
 * `1970-01-01 00:00:00` in the server's zone (seen on a real 1.1.0), not null. The console keeps null for it.
 */
function finishTimeOf(value: string | number | null | undefined, offsetMs: number): string | null {
  const zoned = toZonedTime(value, offsetMs)
  if (zoned === null) return null
  const ms = Date.parse(zoned)
  return Number.isNaN(ms) || ms >= FIRST_REAL_FINISH_MS ? zoned : null
}

/** `offsetMs`: the server's UTC offset (`DinkyClient.serverUtcOffsetMs()`), for its zone-less times. */
export function toJob(
  vo: z.infer<typeof jobInstanceSchema>,
  offsetMs = DINKY_DEFAULT_OFFSET_MS
): Job {
  return {
    id: vo.id,
    taskId: vo.taskId ?? 0,
    name: vo.name ?? '',
    status: toJobStatus(vo.status),
    jid: vo.jid ?? null,
    type: vo.type ?? null,
    step: vo.step ?? 0,
    createTime: toZonedTime(vo.createTime, offsetMs),
    updateTime: toZonedTime(vo.updateTime, offsetMs),
    finishTime: finishTimeOf(vo.finishTime, offsetMs),
    durationMs: vo.duration ?? null,
    failedRestartCount: vo.failedRestartCount ?? 0
  }
}

export function toStatusCounts(body: z.infer<typeof statusCountSchema>): StatusCounts {
  return {
    all: body.all ?? 0,
    initializing: body.initializing ?? 0,
    running: body.running ?? 0,
    finished: body.finished ?? 0,
    failed: body.failed ?? 0,
    canceled: body.canceled ?? 0,
    restarting: body.restarting ?? 0,
    created: body.created ?? 0,
    failing: body.failing ?? 0,
    cancelling: body.cancelling ?? 0,
    suspended: body.suspended ?? 0,
    reconciling: body.reconciling ?? 0,
    unknown: body.unknown ?? 0
  }
}

/** `dinkyVersion`: the server's release, which decides whether an `https://` Flink address can be read. */
export function toCluster(
  body: z.infer<typeof clusterInstanceSchema>,
  dinkyVersion: string | null = null
): Cluster {
  const blocked = flinkHttpsBlocked(dinkyVersion, body.hosts, body.jobManagerHost)
  return {
    ...(blocked ? { flinkHttpsBlocked: true } : {}),
    id: body.id,
    name: body.name,
    alias: body.alias ?? null,
    type: body.type ?? 'unknown',
    hosts: body.hosts ?? null,
    jobManagerHost: body.jobManagerHost ?? null,
    version: body.version ?? null,
    available: body.status === 1 || body.status === true,
    enabled: body.enabled ?? true,
    autoRegisters: body.autoRegisters ?? false,
    note: body.note ?? null
  }
}

/** Anything above this is an epoch-ms timestamp, not a duration (Flink names the field after what it is not). */
const EPOCH_MS_FLOOR = 100_000_000_000

export function toTaskManager(body: z.infer<typeof taskManagerSchema>, now: number): TaskManager {
  const memory = body.memoryConfiguration
  const heartbeat = body.timeSinceLastHeartbeat ?? 0
  return {
    id: body.id ?? body.containerId ?? '',
    address: body.path ?? body.containerPath ?? '',
    slotsTotal: body.slotsNumber ?? 0,
    slotsFree: body.freeSlots ?? 0,
    cpuCores: body.hardware?.cpuCores ?? 0,
    physicalMemoryBytes: body.hardware?.physicalMemory ?? 0,
    freeMemoryBytes: body.hardware?.freeMemory ?? 0,
    heapBytes: (memory?.frameworkHeap ?? 0) + (memory?.taskHeap ?? 0),
    sinceHeartbeatMs: heartbeat > EPOCH_MS_FLOOR ? Math.max(0, now - heartbeat) : heartbeat
  }
}

export function toClusterConfiguration(
  body: z.infer<typeof clusterConfigurationSchema>
): ClusterConfigurationSummary {
  return {
    id: body.id,
    name: body.name,
    type: body.type ?? 'unknown',
    enabled: body.enabled ?? true,
    available: body.isAvailable ?? null,
    note: body.note ?? null
  }
}

export function toJvm(body: z.infer<typeof jvmSchema>): Jvm {
  return { ...body, version: body.version ?? '', home: body.home ?? '' }
}

function toProcessStep(step: z.infer<typeof processStepSchema>, offsetMs: number): ProcessStep {
  return {
    key: step.key ?? '',
    title: step.title ?? '',
    type: step.type ?? 'UNKNOWN',
    status: step.status ?? 'UNKNOWN',
    startTime: toZonedTime(step.startTime, offsetMs),
    endTime: toZonedTime(step.endTime, offsetMs),
    timeMs: step.time ?? 0,
    log: step.log ?? '',
    children: (step.children ?? []).map((child) => toProcessStep(child, offsetMs))
  }
}

export function toProcess(
  body: z.infer<typeof processEntitySchema>,
  offsetMs = DINKY_DEFAULT_OFFSET_MS
): DinkyProcess {
  return {
    ...toProcessStep(body, offsetMs),
    lastUpdateStep: body.lastUpdateStep ? toProcessStep(body.lastUpdateStep, offsetMs) : null,
    threadId: body.threadId ?? null
  }
}

export function toMetricsSample(
  body: z.infer<typeof metricsSchema>,
  offsetMs = DINKY_DEFAULT_OFFSET_MS
): MetricsSample {
  const content: Record<string, Record<string, string>> = {}
  for (const [vertex, metrics] of Object.entries(body.content ?? {})) {
    content[vertex] = Object.fromEntries(
      Object.entries(metrics).map(([name, value]) => [name, String(value)])
    )
  }
  return { model: body.model, heartTime: toZonedTime(body.heartTime, offsetMs), content }
}

export function toSessionUser(body: z.infer<typeof userDtoSchema>, tenantId: number): SessionUser {
  const tenants = (body.tenantList ?? []).map((t) => ({ id: t.id, tenantCode: t.tenantCode ?? '' }))
  const current = body.currentTenant ?? tenants.find((t) => t.id === tenantId) ?? null
  return {
    username: body.user.username,
    nickname: body.user.nickname ?? null,
    tenantId: current?.id ?? tenantId,
    tenantCode: current?.tenantCode ?? null,
    tenants
  }
}

export function toJobDetail(
  body: z.infer<typeof jobInfoDetailSchema>,
  offsetMs = DINKY_DEFAULT_OFFSET_MS
): JobDetail {
  const exceptions = body.jobDataDto?.exceptions
  const rootException =
    exceptions?.['root-exception'] || body.instance.error || body.history?.error || null
  return {
    job: toJob({ ...body.instance, type: body.instance.type ?? body.history?.type }, offsetMs),
    clusterName:
      body.clusterInstance?.alias ||
      body.clusterInstance?.name ||
      body.history?.clusterName ||
      null,
    jobManagerAddress:
      body.clusterInstance?.jobManagerHost ?? body.history?.jobManagerAddress ?? null,
    rootException,
    exceptionTimestamp: exceptions?.timestamp ?? null,
    statement: body.history?.statement ?? null
  }
}

const SYSTEM_INFO_KEYS = [
  'osName',
  'osArch',
  'osVersion',
  'jvmVersion',
  'jvmVendor',
  'jvmName',
  'computerName',
  'computerUser'
] as const

export function toSystemInfo(body: Record<string, unknown>): SysInfo['systemInfo'] {
  const entries = SYSTEM_INFO_KEYS.map((key) => [key, String(body[key] ?? '')])
  return Object.fromEntries(entries) as SysInfo['systemInfo']
}
