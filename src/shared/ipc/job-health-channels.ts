/**
 * The job-health part of the IPC contract (issue 15): the drawer's requests and the `jobHealth:update` push.
 * Kept in its own module and spliced into `contract.ts` by one line per map, so the contract stays readable.
 */
import type { Fresh, LogChunk } from '../models'
import type {
  AlertHistoryEntry,
  FlinkLogRef,
  JobHealthDetail,
  JobHealthSummary,
  SavepointEntry,
  TaskManagerEntry,
  TaskVersion
} from '../job-health'

export interface JobHealthRequestChannels {
  /** Opens a job's drawer: polled every 3 s from now on; answers what is known (live, else cached). */
  'jobHealth:open': {
    req: { profileId: string; instanceId: number }
    res: Fresh<JobHealthDetail> | null
  }
  'jobHealth:close': { req: { profileId: string; instanceId: number }; res: void }
  /** A manual refresh (`isForce=true`). */
  'jobHealth:refresh': { req: { profileId: string; instanceId: number }; res: void }
  /** Health of every job the sweep has seen (Jobs table columns), cached included. */
  'jobHealth:summaries': { req: { profileId: string }; res: JobHealthSummary[] }
  'jobHealth:alerts': {
    req: { profileId: string; instanceId: number }
    res: Fresh<AlertHistoryEntry[]>
  }
  'jobHealth:versions': { req: { profileId: string; taskId: number }; res: Fresh<TaskVersion[]> }
  'jobHealth:savepoints': { req: { profileId: string; taskId: number }; res: SavepointEntry[] }
  'jobHealth:task-managers': {
    req: { profileId: string; address: string }
    res: TaskManagerEntry[]
  }
  /** Follows a Flink log (polled; new lines arrive on `logs:append` under the returned process name). */
  'jobHealth:flink-log': {
    req: { profileId: string; ref: FlinkLogRef }
    res: { process: string; chunks: LogChunk[] }
  }
  'jobHealth:flink-log-stop': { req: { profileId: string; process: string }; res: void }
}

export interface JobHealthPushItem {
  profileId: string
  summary: JobHealthSummary
  /** Only for jobs whose drawer is open. */
  detail: Fresh<JobHealthDetail> | null
}

export const JOB_HEALTH_REQUEST_CHANNELS = [
  'jobHealth:open',
  'jobHealth:close',
  'jobHealth:refresh',
  'jobHealth:summaries',
  'jobHealth:alerts',
  'jobHealth:versions',
  'jobHealth:savepoints',
  'jobHealth:task-managers',
  'jobHealth:flink-log',
  'jobHealth:flink-log-stop'
] as const satisfies ReadonlyArray<keyof JobHealthRequestChannels>
