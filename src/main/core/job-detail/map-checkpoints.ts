/**
 * Maps the checkpoint parts of `refreshJobInfoDetail` (Flink's `/jobs/:jid/checkpoints` as Dinky keeps it) into
 * `CheckpointSummary`, bounded like the rest of map-job-health.ts, and says why the per-operator breakdown of the
 * latest checkpoint is missing.
 */
import type {
  CheckpointEntry,
  CheckpointOperators,
  CheckpointSummary
} from '../../../shared/job-health'
import * as s from './job-detail-schemas'
import { cut, LIMITS } from './map-job-health'

function toCheckpoint(value: unknown): CheckpointEntry | null {
  const c = s.part(s.checkpointStatsSchema, value)
  if (!c) return null
  return {
    id: c.id,
    status: cut(c.status, 40) ?? 'UNKNOWN',
    isSavepoint: c.is_savepoint ?? false,
    triggerAt: c.trigger_timestamp ?? null,
    ackAt: c.failure_timestamp ?? c.latest_ack_timestamp ?? null,
    stateSize: c.state_size ?? null,
    checkpointedSize: c.checkpointed_size ?? null,
    durationMs: c.end_to_end_duration ?? null,
    numSubtasks: c.num_subtasks ?? null,
    numAcknowledged: c.num_acknowledged_subtasks ?? null,
    externalPath: cut(c.external_path, 2_000),
    failureMessage: cut(c.failure_message)
  }
}

export function toCheckpoints(value: unknown): CheckpointSummary | null {
  const c = s.part(s.checkpointsSchema, value)
  if (!c) return null
  const restored = s.part(s.restoredSchema, c.latest?.restored)
  const history: CheckpointEntry[] = []
  for (const raw of s.boundedList(s.checkpointStatsSchema, c.history, LIMITS.history)) {
    const entry = toCheckpoint(raw)
    if (entry) history.push(entry)
  }
  return {
    total: c.counts?.total ?? 0,
    completed: c.counts?.completed ?? 0,
    failed: c.counts?.failed ?? 0,
    inProgress: c.counts?.in_progress ?? 0,
    restored: c.counts?.restored ?? 0,
    latestCompleted: toCheckpoint(c.latest?.completed),
    latestSavepoint: toCheckpoint(c.latest?.savepoint),
    latestFailed: toCheckpoint(c.latest?.failed),
    restoredFrom: restored
      ? {
          id: restored.id ?? null,
          at: restored.restore_timestamp ?? null,
          path: cut(restored.external_path, 2_000),
          isSavepoint: restored.is_savepoint ?? false
        }
      : null,
    history
  }
}

/**
 * Why the latest checkpoint is not broken down by operator: Dinky's REST API (v1.0.x–1.1.0, `JobInstanceController`,
 * `FlinkAPI`) reads Flink's `/jobs/:jid/checkpoints` and `/checkpoints/config` but never
 * `/checkpoints/details/:id`; its `/api/flink/**` proxy passes Flink's answer through without Dinky's `Result`
 * envelope, which this client does not speak. A sentence the UI can show as is.
 */
export function operatorsUnavailable(
  checkpoints: CheckpointSummary,
  version: string | null
): CheckpointOperators {
  return {
    checkpointId: checkpoints.latestCompleted?.id ?? null,
    unavailable: `${version ? `Dinky ${version}` : 'This Dinky'} does not serve checkpoint details by operator`
  }
}
