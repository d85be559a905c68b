/**
 * What one server session knows and emits, in the console's models. The core's Session produces these; the CLI
 * prints them, the cache stores them and the Electron broadcaster batches them onto the IPC push channels.
 */
import type { ConnectionState, StateChange, StreamName } from './connection'
import type { Diagnosis, DiagnosisCode } from './diagnosis'
import type {
  Cluster,
  Fresh,
  Job,
  JobTransition,
  JvmSample,
  LogChunk,
  StatusCounts,
  SysInfo,
  TaskManager
} from './models'
import type { JobHealthDetail, JobHealthSummary } from './job-health'

/**
 * What a `jobs` update changed for a consumer that holds the lists before it (issue 23). The session model works
 * it out once (`JobListChanges`); the IPC edge sends the renderer only this, `watch --json` prints only this, and
 * the cache skips rewriting an unchanged list. Consumers that judge the whole list (alerts, timeline) ignore it.
 */
export interface JobsChanges {
  /**
   * The list is to be taken whole (the first one of a session, a cached copy, or most rows changed at once);
   * `upserts` and `removed` are then empty.
   */
  full: boolean
  upserts: Job[]
  removed: number[]
  /** The status counts differ from the last ones read (false when they were not read this time). */
  countsChanged: boolean
}

export type SessionUpdate =
  | { type: 'state'; stream: StreamName; state: ConnectionState }
  | {
      type: 'jobs'
      jobs: Fresh<Job[]>
      counts: Fresh<StatusCounts> | null
      /** Set by the session model; absent (a cached copy replayed, a test's update) means a whole list. */
      changes?: JobsChanges
    }
  | { type: 'job'; transition: JobTransition }
  | { type: 'log'; chunk: LogChunk }
  | {
      type: 'clusters'
      clusters: Fresh<Cluster[]>
      /** Task managers by cluster id. */
      taskManagers: Record<number, TaskManager[]>
    }
  | { type: 'sysinfo'; sysInfo: Fresh<SysInfo> }
  | { type: 'jvm'; sample: JvmSample }
  | { type: 'user'; user: SessionUser | null }
  | { type: 'error'; reason: string; message: string }
  /** Job health (issue 15): a job's summary after each detail read, with the detail when its drawer is open. */
  | { type: 'job-health'; summary: JobHealthSummary; detail: Fresh<JobHealthDetail> | null }
  /** A proxy or address problem was recognised (or re-measured); see `Diagnosis`. */
  | { type: 'diagnosis'; diagnosis: Diagnosis }
  /** A diagnosis no longer holds (see `Diagnosis.resolvedAt`); a new `diagnosis` of its code and stream revives it. */
  | { type: 'diagnosis-resolved'; code: DiagnosisCode; stream: StreamName; at: number }

/** Every update a session emits is numbered, so a consumer that sees a gap asks for a snapshot. */
export interface SessionEnvelope {
  profileId: string
  seq: number
  update: SessionUpdate
}

export interface SessionUser {
  username: string
  nickname: string | null
  tenantId: number
  tenantCode: string | null
  tenants: Array<{ id: number; tenantCode: string }>
}

/** The last run of a followed process and its retained lines. */
export interface LogTail {
  process: string
  run: string
  lines: string[]
  stale: boolean
}

/** Everything a fresh consumer needs to draw one server, with the sequence number it is current to. */
export interface SessionSnapshot {
  profileId: string
  seq: number
  serverVersion: string | null
  transport: 'sse' | 'ws' | null
  user: SessionUser | null
  streams: Record<StreamName, ConnectionState>
  jobs: Fresh<Job[]> | null
  counts: Fresh<StatusCounts> | null
  clusters: Fresh<Cluster[]> | null
  taskManagers: Record<number, TaskManager[]>
  sysInfo: Fresh<SysInfo> | null
  jvm: JvmSample[]
  logs: LogTail[]
}

/** The diagnostics panel of one server. */
export interface Diagnostics {
  profileId: string
  serverVersion: string | null
  transport: 'sse' | 'ws' | null
  history: StateChange[]
  lastHeartbeatAt: number | null
  heartbeatIntervalsMs: number[]
  reconnects: number
  eventsPerSecond: number
  /** Response headers of the last stream that opened (secrets removed). */
  streamHeaders: Record<string, string> | null
  /** False when the stream's Content-Type is not `text/event-stream`. */
  contentTypeOk: boolean | null
  /** True when heartbeats arrive in bursts: a proxy is buffering the stream. */
  heartbeatsBursty: boolean
  /**
   * The diagnoses of this session, newest last (one per code and stream), those that no longer hold with their
   * `resolvedAt`; absent where nothing records them.
   */
  findings?: Diagnosis[]
}

/** A job action, always by task id as Dinky's `/api/task/*` wants. */
export type JobAction =
  | { kind: 'cancel'; taskId: number; withSavepoint: boolean }
  | { kind: 'restart'; taskId: number; savepointPath: string | null }
  | { kind: 'savepoint'; taskId: number; savepointType: 'trigger' | 'stop' | 'cancel' }
