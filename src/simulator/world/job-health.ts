/**
 * The Flink side of each simulated job: checkpoints that advance on the configured interval (state growing, some
 * failing on demand), backpressure per vertex, whether Flink is reachable from Dinky (RECONNECTING, then UNKNOWN
 * after a minute, as `JobRefreshHandler.refreshJob` does at Dinky HEAD), savepoints and alert history. Kept in
 * epoch ms; the wire layer (`wire-job-health.ts`) gives it Flink's and Dinky's shapes.
 *
 * Checkpoints are generated lazily from time (`advance`), so the figures are the same whatever the tick rate;
 * the per-checkpoint numbers come from a hash of (instance, checkpoint id), not from the world's generator, so
 * a request's timing never changes the world's other chances.
 */

import type { JobInstanceRecord, TaskManagerRecord } from './entities'
import { FlinkLogs } from './flink-logs'
import { JobRecords } from './job-records'
import { DONE, setStatus } from './job-lifecycle'

export interface CheckpointRecord {
  id: number
  status: 'COMPLETED' | 'FAILED'
  isSavepoint: boolean
  triggerAt: number
  ackAt: number
  stateSize: number
  checkpointedSize: number
  durationMs: number
  numSubtasks: number
  numAcknowledged: number
  externalPath: string | null
  failureMessage: string | null
}

export interface RestoredRecord {
  id: number
  at: number
  isSavepoint: boolean
  path: string
}

export interface JobFlinkState {
  instanceId: number
  nextId: number
  lastTriggerAt: number
  completed: number
  failed: number
  restored: number
  /** Newest first, at most {@link HISTORY_SIZE} (Flink's `web.checkpoints.history` default is 10). */
  history: CheckpointRecord[]
  latestCompleted: CheckpointRecord | null
  latestSavepoint: CheckpointRecord | null
  latestFailed: CheckpointRecord | null
  restoredFrom: RestoredRecord | null
  stateSize: number
  /** Failure message of every new checkpoint while set. */
  failing: string | null
  /** Index of the vertex whose output is backpressured (HIGH), or null. */
  backpressureVertex: number | null
}

const HISTORY_SIZE = 10
/** Dinky gives up reconnecting after a minute (`JobRefreshHandler`: `duration < 1` minute). */
export const RECONNECT_GIVE_UP_MS = 60_000
export const CHECKPOINT_FAILURE = 'Checkpoint expired before completing.'

/** A small deterministic hash in [0, 1): the per-checkpoint figures. */
export function unit(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae35)) >>> 0
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
  return ((h ^ (h >>> 13)) >>> 0) / 4_294_967_296
}

export class JobHealth {
  /** Flink's `execution.checkpointing.interval` of every simulated job (demo-fast by default); 0 means off. */
  checkpointIntervalMs = 10_000
  readonly logs = new FlinkLogs()
  private readonly byInstance = new Map<number, JobFlinkState>()
  /** Cluster id → epoch ms since which Flink cannot be reached from Dinky. */
  private readonly flinkDown = new Map<number, number>()
  readonly records = new JobRecords()

  /** The Flink state of an instance, advanced to `at` (frozen while its Flink is unreachable). */
  state(instance: JobInstanceRecord, at: number): JobFlinkState {
    let state = this.byInstance.get(instance.id)
    if (!state) {
      state = {
        instanceId: instance.id,
        nextId: 1,
        lastTriggerAt: instance.createTime,
        completed: 0,
        failed: 0,
        restored: 0,
        history: [],
        latestCompleted: null,
        latestSavepoint: null,
        latestFailed: null,
        restoredFrom: null,
        stateSize: 0,
        failing: null,
        backpressureVertex: null
      }
      this.byInstance.set(instance.id, state)
    }
    this.advance(instance, state, this.flinkTime(instance, at))
    return state
  }

  /** The time Flink's figures are as of: now, or when Flink became unreachable. */
  flinkTime(instance: JobInstanceRecord, at: number): number {
    const down = this.flinkDown.get(instance.clusterId)
    return down === undefined ? at : Math.min(at, down)
  }

  isFlinkReachable(clusterId: number): boolean {
    return !this.flinkDown.has(clusterId)
  }

  setFlinkReachable(clusterId: number, reachable: boolean, at: number): void {
    if (reachable) this.flinkDown.delete(clusterId)
    else if (!this.flinkDown.has(clusterId)) this.flinkDown.set(clusterId, at)
  }

  /**
   * Dinky's refresh of one unfinished instance: Flink unreachable turns it RECONNECTING, and UNKNOWN once that
   * has lasted a minute; Flink back turns RECONNECTING into RUNNING again (UNKNOWN is done: Dinky stops).
   */
  refresh(instance: JobInstanceRecord, at: number): void {
    const down = this.flinkDown.get(instance.clusterId)
    if (down === undefined) {
      if (instance.status === 'RECONNECTING') setStatus(instance, 'RUNNING', at)
      return
    }
    if (DONE.includes(instance.status)) return
    if (at - down >= RECONNECT_GIVE_UP_MS) setStatus(instance, 'UNKNOWN', at)
    else if (instance.status !== 'RECONNECTING') setStatus(instance, 'RECONNECTING', at)
  }

  failCheckpoints(instance: JobInstanceRecord, on: boolean, at: number): void {
    const state = this.state(instance, at)
    state.failing = on ? CHECKPOINT_FAILURE : null
  }

  setBackpressure(instance: JobInstanceRecord, vertex: number | null, at: number): void {
    const state = this.state(instance, at)
    if (vertex !== null && state.backpressureVertex === null) {
      this.records.addAlert(
        instance.id,
        `Backpressure HIGH: ${instance.name}`,
        at,
        'vertex ' + vertex
      )
    }
    state.backpressureVertex = vertex
  }

  /** `restartTask?savePointPath=`: the new instance starts restored from that checkpoint or savepoint. */
  restoreFrom(instance: JobInstanceRecord, path: string, previous: JobFlinkState | null): void {
    const state = this.state(instance, instance.createTime)
    const from = previous?.history.find((c) => c.externalPath === path)
    state.restored = 1
    state.restoredFrom = {
      id: from?.id ?? 0,
      at: instance.createTime,
      isSavepoint: from?.isSavepoint ?? path.includes('savepoint'),
      path
    }
    state.nextId = (from?.id ?? 0) + 1
    state.stateSize = from?.stateSize ?? 0
  }

  /** Dinky's background refresh of the latest instances: statuses follow Flink's reachability, checkpoints run. */
  tick(
    latest: readonly JobInstanceRecord[],
    at: number,
    managers: readonly TaskManagerRecord[] = []
  ): void {
    for (const instance of latest) {
      this.refresh(instance, at)
      if (instance.status !== 'RUNNING') continue
      this.state(instance, at)
      for (const tm of managers.filter((m) => m.clusterId === instance.clusterId)) {
        const logger = 'org.apache.flink.runtime.taskexecutor.TaskExecutor'
        const message = `Triggering checkpoint for job ${instance.jid} on ${tm.containerId}.`
        this.logs.appendTaskManager(tm.containerId, this.logs.line(at, 'INFO', logger, message))
      }
    }
  }

  private advance(instance: JobInstanceRecord, state: JobFlinkState, at: number): void {
    if (this.checkpointIntervalMs === 0) return
    const until = instance.status === 'RUNNING' ? at : Math.min(at, instance.updateTime)
    const interval = Math.max(100, this.checkpointIntervalMs)
    const owed = Math.floor((until - state.lastTriggerAt) / interval)
    if (owed <= 0) return
    // Bounded work: only the last HISTORY_SIZE checkpoints get records; older ones are counted.
    const skipped = Math.max(0, owed - HISTORY_SIZE)
    if (skipped > 0) {
      state.completed += skipped
      state.stateSize += skipped * 120_000
      state.nextId += skipped
      state.lastTriggerAt += skipped * interval
    }
    for (let i = skipped; i < owed; i += 1) {
      state.lastTriggerAt += interval
      this.addCheckpoint(instance, state, state.lastTriggerAt)
    }
  }

  private addCheckpoint(instance: JobInstanceRecord, state: JobFlinkState, at: number): void {
    const id = state.nextId++
    const r = unit(instance.id, id)
    const failing = state.failing !== null
    const growth = Math.round(40_000 + r * 360_000)
    if (!failing) state.stateSize += growth
    const duration = Math.round(200 + r * 1300)
    const record: CheckpointRecord = {
      id,
      status: failing ? 'FAILED' : 'COMPLETED',
      isSavepoint: false,
      triggerAt: at,
      ackAt: at + duration,
      stateSize: failing ? 0 : state.stateSize,
      checkpointedSize: failing ? 0 : growth,
      durationMs: failing ? duration * 4 : duration,
      numSubtasks: 3,
      numAcknowledged: failing ? 1 : 3,
      externalPath: failing ? null : `hdfs:///flink/checkpoints/${instance.jid}/chk-${id}`,
      failureMessage: state.failing
    }
    const coordinator = 'org.apache.flink.runtime.checkpoint.CheckpointCoordinator'
    this.logs.appendJobManager(
      instance.clusterId,
      this.logs.line(
        at,
        'INFO',
        coordinator,
        `Triggering checkpoint ${id} (type=CheckpointType{name='Checkpoint', sharingFilesStrategy=FORWARD_BACKWARD}) @ ${at} for job ${instance.jid}.`
      )
    )
    this.logs.appendJobManager(
      instance.clusterId,
      failing
        ? this.logs.line(
            record.ackAt,
            'WARN',
            coordinator,
            `Failed to trigger or complete checkpoint ${id} for job ${instance.jid}. (0 consecutive failed attempts so far)\norg.apache.flink.runtime.checkpoint.CheckpointException: ${state.failing}`
          )
        : this.logs.line(
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
        this.records.addAlert(
          instance.id,
          `Checkpoint failed: ${instance.name}`,
          at,
          state.failing ?? ''
        )
      }
      state.failed += 1
      state.latestFailed = record
    } else {
      state.completed += 1
      state.latestCompleted = record
    }
  }
}
