/**
 * Flink's checkpoint answers as Dinky re-serialises them in `JobInfoDetail.jobDataDto` (dinky-common
 * `data/flink/checkpoint/CheckPointOverView`, `CheckpointStatistics`, `config/CheckpointConfigInfo`): field names are
 * their `@JsonProperty` names, in declaration order.
 */

import type { CheckpointRecord, JobFlinkState } from '../world/job-health'

/** `latest`: Flink 1.18 writes `discarded` in `latest.completed` but not in `history` (recordings of real Dinky). */
function statistics(record: CheckpointRecord, latest = false): object {
  const base = {
    id: record.id,
    status: record.status,
    is_savepoint: record.isSavepoint,
    trigger_timestamp: record.triggerAt,
    latest_ack_timestamp: record.ackAt,
    checkpointed_size: record.checkpointedSize,
    state_size: record.stateSize,
    end_to_end_duration: record.durationMs,
    alignment_buffered: 0,
    processed_data: 0,
    persisted_data: 0,
    num_subtasks: record.numSubtasks,
    num_acknowledged_subtasks: record.numAcknowledged,
    checkpoint_type: record.isSavepoint ? 'SAVEPOINT' : 'CHECKPOINT',
    tasks: {}
  }
  return record.status === 'COMPLETED'
    ? { ...base, external_path: record.externalPath, ...(latest ? { discarded: false } : {}) }
    : { ...base, failure_timestamp: record.ackAt, failure_message: record.failureMessage }
}

function summaryOf(values: number[]): object {
  if (values.length === 0)
    return { min: 0, max: 0, avg: 0, p50: '0', p90: '0', p95: '0', p99: '0', p999: '0' }
  let min = values[0]
  let max = values[0]
  let sum = 0
  for (const value of values) {
    min = Math.min(min, value)
    max = Math.max(max, value)
    sum += value
  }
  const p = String(max)
  return { min, max, avg: Math.round(sum / values.length), p50: p, p90: p, p95: p, p99: p, p999: p }
}

/** Flink's `GET /jobs/:jid/checkpoints` (`CheckPointOverView`). */
export function checkpointsOverview(state: JobFlinkState): object {
  const done = state.history.filter((c) => c.status === 'COMPLETED')
  return {
    counts: {
      restored: state.restored,
      total: state.completed + state.failed,
      in_progress: 0,
      completed: state.completed,
      failed: state.failed
    },
    summary: {
      checkpointed_size: summaryOf(done.map((c) => c.checkpointedSize)),
      state_size: summaryOf(done.map((c) => c.stateSize)),
      end_to_end_duration: summaryOf(done.map((c) => c.durationMs)),
      alignment_buffered: summaryOf([]),
      processed_data: summaryOf([]),
      persisted_data: summaryOf([])
    },
    latest: {
      completed: state.latestCompleted ? statistics(state.latestCompleted, true) : null,
      savepoint: state.latestSavepoint ? statistics(state.latestSavepoint, true) : null,
      failed: state.latestFailed ? statistics(state.latestFailed) : null,
      restored: state.restoredFrom
        ? {
            id: state.restoredFrom.id,
            restore_timestamp: state.restoredFrom.at,
            is_savepoint: state.restoredFrom.isSavepoint,
            external_path: state.restoredFrom.path
          }
        : null
    },
    history: state.history.map((record) => statistics(record))
  }
}

/** Flink's `Long.MAX_VALUE`, which JSON text `9223372036854775807` parses to in JavaScript too. */
const LONG_MAX = 2 ** 63

/**
 * Flink's `GET /jobs/:jid/checkpoints/config` (`CheckpointConfigInfo`). With checkpointing off Flink reports the
 * interval as `Long.MAX_VALUE` (seen on a real Flink 1.18.1 behind Dinky 1.1.0) and mode `at_least_once`.
 */
export function checkpointsConfig(intervalMs: number, timeoutMs = 600_000): object {
  return {
    mode: intervalMs === 0 ? 'at_least_once' : 'exactly_once',
    interval: intervalMs === 0 ? LONG_MAX : intervalMs,
    timeout: timeoutMs,
    min_pause: 0,
    max_concurrent: 1,
    externalization: { enabled: true, delete_on_cancellation: false },
    state_backend: 'EmbeddedRocksDBStateBackend',
    checkpoint_storage: 'FileSystemCheckpointStorage',
    unaligned_checkpoints: false,
    tolerable_failed_checkpoints: 0,
    aligned_checkpoint_timeout: 0,
    checkpoints_after_tasks_finish: true,
    state_changelog_enabled: false,
    changelog_periodic_materialization_interval: 600_000,
    changelog_storage: 'memory'
  }
}
