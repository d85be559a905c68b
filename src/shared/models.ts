/**
 * The console's own models of what Dinky reports, after normalisation. Every transport and Dinky version is
 * mapped into these shapes by the core; the cache, the IPC contract, the CLI and the renderer speak only these.
 * Plain data only: they cross IPC with structured clone and are written to the cache as JSON. Times are epoch ms or
 * ISO-8601 text with a UTC offset, never Dinky's zone-less server-local text.
 */

/** Dinky's `JobStatus` enum (dinky-common), names as on the wire. */
export const JOB_STATUSES = [
  'INITIALIZING',
  'CREATED',
  'RUNNING',
  'FAILING',
  'FAILED',
  'CANCELLING',
  'CANCELED',
  'FINISHED',
  'RESTARTING',
  'SUSPENDED',
  'RECONCILING',
  'RECONNECTING',
  'UNKNOWN'
] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** `JobStatus.isDone()` in Dinky. */
export const DONE_STATUSES: readonly JobStatus[] = ['FAILED', 'CANCELED', 'FINISHED', 'UNKNOWN']
/** Statuses an operator wants to hear about (notifications, red rows). */
export const ALARM_STATUSES: readonly JobStatus[] = ['FAILED', 'FAILING', 'RESTARTING']

/** Dinky's `JobStatus.get()`: case-insensitive, anything else is UNKNOWN. */
export function toJobStatus(value: unknown): JobStatus {
  const upper = typeof value === 'string' ? value.toUpperCase() : ''
  return (JOB_STATUSES as readonly string[]).includes(upper) ? (upper as JobStatus) : 'UNKNOWN'
}

/** One row of `POST /api/jobInstance` (a `JobInstanceVo`): the latest instance of a task. */
export interface Job {
  id: number
  taskId: number
  name: string
  status: JobStatus
  /** Flink job id; null before submission reached Flink. */
  jid: string | null
  /** Execution mode: local, standalone, yarn-session, kubernetes-application, ... */
  type: string | null
  /** Task life cycle: 0 unknown, 1 develop, 2 publish. */
  step: number
  /**
   * ISO-8601 with the server's UTC offset, e.g. `2024-08-27T10:15:30+08:00`: Dinky's server-local
   * `yyyy-MM-dd HH:mm:ss` with the offset the core estimated from the server's own clock, so `Date.parse` gives the
   * right instant in any zone. A cache written by an earlier build may still hold the zone-less form.
   */
  createTime: string | null
  updateTime: string | null
  finishTime: string | null
  durationMs: number | null
  failedRestartCount: number
}

/** `GET /api/jobInstance/getStatusCount`. */
export interface StatusCounts {
  all: number
  initializing: number
  running: number
  finished: number
  failed: number
  canceled: number
  restarting: number
  created: number
  failing: number
  cancelling: number
  suspended: number
  reconciling: number
  unknown: number
}

/** A Flink cluster registered in Dinky (`ClusterInstance`). */
export interface Cluster {
  id: number
  name: string
  alias: string | null
  /** GatewayType value: local, standalone, yarn-session, kubernetes-session, ... */
  type: string
  hosts: string | null
  jobManagerHost: string | null
  /** Flink version. */
  version: string | null
  available: boolean
  enabled: boolean
  autoRegisters: boolean
  note: string | null
  /**
   * The cluster's Flink address is `https://…` and the server is Dinky 1.0/1.1, whose `FlinkAPI` always prefixes
   * `http://`: every Flink read through Dinky fails (fixed in Dinky 1.2.0). Absent on older cache files.
   */
  flinkHttpsBlocked?: boolean
}

/** A Flink task manager of a cluster, from `getTaskManagerList`. */
export interface TaskManager {
  id: string
  address: string
  slotsTotal: number
  slotsFree: number
  cpuCores: number
  physicalMemoryBytes: number
  freeMemoryBytes: number
  heapBytes: number
  /** Milliseconds since the task manager's last heartbeat to the JobManager. */
  sinceHeartbeatMs: number
}

/** `Jvm` of Dinky's server, from `getJvmInfo` (SSE) or `JVM_INFO` (WS) or `getSysInfo`. */
export interface Jvm {
  total: number
  max: number
  free: number
  /** System load average, not a percentage (Dinky's naming). */
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

/** `GET /api/system/getSysInfo` (`MetricsTotal`). */
export interface SysInfo {
  jvm: Jvm
  cpu: { cpuNum: number; total: number; sys: number; used: number; wait: number; free: number }
  mem: { total: number; used: number; free: number }
  systemInfo: {
    osName: string
    osArch: string
    osVersion: string
    jvmVersion: string
    jvmVendor: string
    jvmName: string
    computerName: string
    computerUser: string
  }
}

/** A JVM sample with the time it was received, for the small time-series charts. */
export interface JvmSample {
  at: number
  jvm: Jvm
}

/** `getJobInfoDetail`, reduced to what an operator reads. */
export interface JobDetail {
  job: Job
  clusterName: string | null
  jobManagerAddress: string | null
  /** Flink's `root-exception`, or Dinky's instance/history error when Flink has none. */
  rootException: string | null
  exceptionTimestamp: number | null
  /** The Flink submission statement, when Dinky returns it. */
  statement: string | null
}

/** A status change of one job instance, seen between two snapshots. */
export interface JobTransition {
  id: number
  taskId: number
  name: string
  from: JobStatus | null
  to: JobStatus
  at: number
}

/** A piece of a console log: lines appended to one run of one process, each line delivered once. */
export interface LogChunk {
  /** Dinky process name, e.g. `FlinkSubmit/12`. */
  process: string
  /** `ProcessEntity.key`: a new key is a new run, whose lines start afresh. */
  run: string
  lines: string[]
  /** True for lines read from the cache rather than the live server. */
  stale: boolean
}

/** What a snapshot part carries: the data, when it was true, and whether it came from the cache. */
export interface Fresh<T> {
  value: T
  /** Epoch ms at which the server said this. */
  asOf: number
  stale: boolean
  /** Why a live part went stale (its endpoint failed while the rest of the poll did not). */
  staleReason?: string
}
