/**
 * The checkpoints of a running job, generated lazily from time: Flink's coordinator triggers one every interval,
 * each completes (state growing) or fails while a failure is set (a streak with a count ends by itself), and
 * writes the JobManager log lines Flink writes. Per-checkpoint figures come from a hash of (instance, checkpoint id).
 */

import type { JobInstanceRecord } from './entities'
import type { FlinkLogs } from './flink-logs'
import type { CheckpointRecord, JobFlinkState } from './job-health'
import type { JobRecords } from './job-records'
import { planOf, subtaskCount } from './job-plans'

/**
 * The job's `execution.checkpointing.timeout`: Flink's default 10 minutes, except a creeping plan's (job-plans.ts),
 * whose timeout is its interval, so its growing duration climbs toward a line the charts can draw.
 */
export function checkpointTimeoutMs(instance: JobInstanceRecord, intervalMs: number): number {
  return planOf(instance.name).creep && intervalMs > 0 ? Math.max(100, intervalMs) : 600_000
}

/** Checkpoints of a creeping plan from 15 % of the timeout up by this share each, to {@link CREEP_CEILING}. */
const CREEP_STEP = 0.012
const CREEP_CEILING = 0.92

/** Flink's `web.checkpoints.history` default: the checkpoints that keep a record. */
export const HISTORY_SIZE = 10

/** What the checkpoint run writes to: the interval, the Flink logs and Dinky's alert history. */
export interface CheckpointSink {
  checkpointIntervalMs: number
  readonly logs: FlinkLogs
  readonly records: JobRecords
}

/** A small deterministic hash in [0, 1): the per-checkpoint figures. */
export function unit(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae35)) >>> 0
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
  return ((h ^ (h >>> 13)) >>> 0) / 4_294_967_296
}

/** Adds the checkpoints owed up to `at` (Flink's coordinator firing every interval while the job runs). */
export function advanceCheckpoints(
  health: CheckpointSink,
  instance: JobInstanceRecord,
  state: JobFlinkState,
  at: number
): void {
  if (health.checkpointIntervalMs === 0) return
  const until = instance.status === 'RUNNING' ? at : Math.min(at, instance.updateTime)
  const interval = Math.max(100, health.checkpointIntervalMs)
  const owed = Math.floor((until - state.lastTriggerAt) / interval)
  if (owed <= 0) return
  // Bounded work: only the last HISTORY_SIZE checkpoints get records; older ones are counted.
  const skipped = Math.max(0, owed - HISTORY_SIZE)
  if (skipped > 0) {
    const failed = state.failing === null ? 0 : Math.min(skipped, state.failuresLeft ?? skipped)
    countFailures(state, failed)
    state.completed += skipped - failed
    if (skipped > failed) state.consecutiveFailures = 0
    state.stateSize += (skipped - failed) * 120_000
    state.nextId += skipped
    state.lastTriggerAt += skipped * interval
  }
  for (let i = skipped; i < owed; i += 1) {
    state.lastTriggerAt += interval
    addCheckpoint(health, instance, state, state.lastTriggerAt)
  }
}

function addCheckpoint(
  health: CheckpointSink,
  instance: JobInstanceRecord,
  state: JobFlinkState,
  at: number
): void {
  const id = state.nextId++
  const r = unit(instance.id, id)
  const failing = state.failing !== null
  const plan = planOf(instance.name)
  // The creep counts from the first checkpoint this run keeps a record of, so a fresh demo starts low and climbs.
  state.creepFromId ??= id
  const step = id - state.creepFromId
  const growth = Math.round((40_000 + r * 360_000) * (plan.creep ? 1 + step * 0.08 : 1))
  if (!failing) state.stateSize += growth
  const timeout = checkpointTimeoutMs(instance, health.checkpointIntervalMs)
  // Jitter well under a step, so each creeping checkpoint is slower than the one before until the ceiling.
  const share = Math.min(CREEP_CEILING, 0.15 + step * CREEP_STEP + (r - 0.5) * 0.004)
  const duration = plan.creep ? Math.round(timeout * share) : Math.round(200 + r * 1300)
  const subtasks = subtaskCount(plan)
  const record: CheckpointRecord = {
    id,
    status: failing ? 'FAILED' : 'COMPLETED',
    isSavepoint: false,
    triggerAt: at,
    ackAt: at + duration,
    stateSize: failing ? 0 : state.stateSize,
    checkpointedSize: failing ? 0 : growth,
    durationMs: failing ? duration * 4 : duration,
    numSubtasks: subtasks,
    numAcknowledged: failing ? 1 : subtasks,
    externalPath: failing ? null : `hdfs:///flink/checkpoints/${instance.jid}/chk-${id}`,
    failureMessage: state.failing
  }
  const coordinator = 'org.apache.flink.runtime.checkpoint.CheckpointCoordinator'
  health.logs.appendJobManager(
    instance.clusterId,
    health.logs.line(
      at,
      'INFO',
      coordinator,
      `Triggering checkpoint ${id} (type=CheckpointType{name='Checkpoint', sharingFilesStrategy=FORWARD_BACKWARD}) @ ${at} for job ${instance.jid}.`
    )
  )
  health.logs.appendJobManager(
    instance.clusterId,
    failing
      ? health.logs.line(
          record.ackAt,
          'WARN',
          coordinator,
          `Failed to trigger or complete checkpoint ${id} for job ${instance.jid}. (${state.consecutiveFailures} consecutive failed attempts so far)\norg.apache.flink.runtime.checkpoint.CheckpointException: ${state.failing}`
        )
      : health.logs.line(
          record.ackAt,
          'INFO',
          coordinator,
          `Completed checkpoint ${id} for job ${instance.jid} (${record.checkpointedSize} bytes, checkpointDuration=${duration} ms, finalizationTime=2 ms).`
        )
  )
  state.history.unshift(record)
  if (state.history.length > HISTORY_SIZE) state.history.length = HISTORY_SIZE
  if (failing) {
    // One alert per streak of failures, as an alert rule fires on the change.
    if (state.history[1]?.status !== 'FAILED') {
      health.records.addAlert(
        instance.id,
        `Checkpoint failed: ${instance.name}`,
        at,
        state.failing ?? ''
      )
    }
    countFailures(state, 1)
    state.latestFailed = record
  } else {
    state.completed += 1
    state.consecutiveFailures = 0
    state.latestCompleted = record
  }
}

/** Counts `n` failed checkpoints; a streak with a count ends (checkpoints complete again) once it is spent. */
function countFailures(state: JobFlinkState, n: number): void {
  state.failed += n
  state.consecutiveFailures += n
  if (state.failuresLeft === null) return
  state.failuresLeft -= n
  if (state.failuresLeft > 0) return
  state.failing = null
  state.failuresLeft = null
}
