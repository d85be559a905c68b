/**
 * What happened to a server and its jobs, as the console saw it (issue 22): kept per server in the cache, bounded by
 * age and count, shown in the job drawer and the Overview, printed by `dinky-console timeline`, exported as CSV/JSON.
 * A gap is a period the console could not see (closed, offline, server unreachable): drawn as a gap, never as calm.
 */
import type { JobStatus } from './models'
import type { AlertEvent } from './alerts'

export type TimelineEventKind =
  'status' | 'restart' | 'checkpoint-failures' | 'savepoint' | 'alert' | 'action' | 'gap'

export type GapReason = 'console-closed' | 'offline' | 'unreachable'

export type ConsoleActionKind = 'cancel' | 'stop' | 'restart' | 'savepoint' | 'restore'

interface EventCommon {
  /** Unique within the server's timeline (`<at>-<n>`). */
  id: string
  at: number
  profileId: string
  /** Job instance id; null for server events (gaps, server alerts). */
  jobId: number | null
  taskId: number | null
  jobName: string | null
}

export type TimelineEvent = EventCommon &
  (
    | { kind: 'status'; from: JobStatus | null; to: JobStatus }
    /** Dinky's restart count rose by `count`. */
    | { kind: 'restart'; count: number; total: number }
    /** Failed checkpoints grouped: `count` failures from `at` to `until` (one event while the streak lasts). */
    | { kind: 'checkpoint-failures'; count: number; until: number; message: string | null }
    | { kind: 'savepoint'; path: string | null; checkpointId: number | null }
    | {
        kind: 'alert'
        state: AlertEvent['state']
        rule: string
        severity: AlertEvent['severity']
        detail: string
      }
    | { kind: 'action'; action: ConsoleActionKind; ok: boolean; message: string }
    /** Nothing was seen from `at` to `until` (`until` null while it lasts). */
    | { kind: 'gap'; reason: GapReason; until: number | null }
  )

/** One job's change between what the console last showed and the first live state after a return. */
export interface AwayChange {
  jobId: number
  taskId: number
  jobName: string
  /** Null: the job was not known before (new) / is gone now. */
  from: JobStatus | null
  to: JobStatus | null
  restarts: number
}

/** "While you were away": since the operator last looked, per server. */
export interface AwaySummary {
  profileId: string
  /** When the cached state was last live (the operator's last look). */
  since: number
  /** The first live state after the return. */
  until: number
  changes: AwayChange[]
  /** Timeline events inside the period, counted by kind (alerts fired, checkpoint failures, …). */
  counts: Partial<Record<TimelineEventKind, number>>
  /** Gaps inside the period (the console closed, offline). */
  gaps: Array<{ from: number; to: number; reason: GapReason }>
}

export interface TimelineQuery {
  jobId?: number
  /** Epoch ms; events at or after. */
  since?: number
  /** Newest first, at most this many (default 500). */
  limit?: number
}

/** Bounds of the kept timeline (settings). */
export interface TimelineSettings {
  maxAgeDays: number
  maxEvents: number
}

export const DEFAULT_TIMELINE_SETTINGS: TimelineSettings = { maxAgeDays: 30, maxEvents: 5_000 }
