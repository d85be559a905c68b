/**
 * The simulated Dinky's records, kept in epoch ms and plain fields. The REST, SSE and WS layers turn them into
 * Dinky's wire shapes (field order, time formats), so the world itself stays free of serialization rules.
 */

import type { JobStatus } from '../../shared/models'

export type { JobStatus }

export const TENANT_ID = 1

export interface TaskRecord {
  id: number
  name: string
  /** Execution mode (GatewayType value). */
  type: string
  clusterId: number
  clusterConfigurationId: number | null
  batchModel: boolean
  step: number
  statement: string
  note: string
}

export interface JobInstanceRecord {
  id: number
  tenantId: number
  name: string
  taskId: number
  step: number
  clusterId: number
  jid: string
  status: JobStatus
  historyId: number
  error: string | null
  createTime: number
  updateTime: number
  finishTime: number | null
  failedRestartCount: number
  /** Ticks left in a transient state (FAILING, CANCELLING, RESTARTING, INITIALIZING). */
  pendingTicks: number
  /** Flink's `root-exception` of a failed job. */
  rootException: string | null
  exceptionTime: number | null
}

export interface ClusterRecord {
  id: number
  name: string
  alias: string
  type: string
  hosts: string
  jobManagerHost: string
  version: string
  available: boolean
  autoRegisters: boolean
  clusterConfigurationId: number | null
  taskId: number | null
  note: string
  createTime: number
}

export interface TaskManagerRecord {
  clusterId: number
  containerId: string
  containerPath: string
  dataPort: number
  jmxPort: number
  slotsNumber: number
  freeSlots: number
  cpuCores: number
  physicalMemory: number
  freeMemory: number
  managedMemory: number
  heartbeatAt: number
}

export interface ClusterConfigurationRecord {
  id: number
  name: string
  type: string
  isAvailable: boolean
  note: string
  flinkConfig: Record<string, string>
}

export type ProcessStatus =
  'INITIALIZING' | 'RUNNING' | 'FAILED' | 'CANCELED' | 'FINISHED' | 'UNKNOWN'

export interface ProcessStepRecord {
  key: string
  title: string
  status: ProcessStatus
  type: string
  startTime: number
  endTime: number | null
  log: string
  children: ProcessStepRecord[]
}

/** A Dinky `ProcessEntity`: one run of `FlinkSubmit/<taskId>` and its whole console log. */
export interface ProcessRecord {
  name: string
  key: string
  title: string
  type: string
  status: ProcessStatus
  startTime: number
  endTime: number | null
  log: string
  steps: ProcessStepRecord[]
  threadId: number
}

export interface JvmRecord {
  total: number
  max: number
  free: number
  cpuUsed: number
  nonHeapMax: number
  nonHeapUsed: number
  heapMax: number
  heapUsed: number
  threadPeakCount: number
  threadCount: number
  version: string
  home: string
}
