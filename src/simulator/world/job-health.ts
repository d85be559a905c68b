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
import { advanceCheckpoints } from './checkpoint-run'

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

/** One failover of a running job (Flink's exception history entry of a task failure that led to a restart). */
export interface RestartRecord {
  at: number
  exception: string
  taskName: string
}

export interface JobFlinkState {
  instanceId: number
  nextId: number
  lastTriggerAt: number
  completed: number
  failed: number
  restored: number
  /** Newest first, at most `HISTORY_SIZE` of checkpoint-run.ts (Flink's `web.checkpoints.history`). */
  history: CheckpointRecord[]
  latestCompleted: CheckpointRecord | null
  latestSavepoint: CheckpointRecord | null
  latestFailed: CheckpointRecord | null
  restoredFrom: RestoredRecord | null
  stateSize: number
  /** Failure message of every new checkpoint while set. */
  failing: string | null
  /** Failures left in a streak before checkpoints complete again; null: until told otherwise. */
  failuresLeft: number | null
  /** Checkpoints failed in a row (Flink's `consecutive failed attempts`). */
  consecutiveFailures: number
  /** Failovers of this run, newest first, at most {@link RESTART_HISTORY} (Flink's `web.exception-history-size`). */
  restarts: RestartRecord[]
  /** When the job last entered RESTARTING (Flink's `timestamps.RESTARTING`), 0 never. */
  lastRestartAt: number
  /** Index of the vertex whose output is backpressured (HIGH), or null. */
  backpressureVertex: number | null
  /** A creeping plan's first recorded checkpoint id (job-plans.ts), null until one is recorded. */
  creepFromId: number | null
}

const RESTART_HISTORY = 16
/** What fails the tasks of a job in a restart loop: a poison record, Flink restarting it over and over. */
export const RESTART_CAUSE =
  'java.lang.NullPointerException: Cannot invoke "String.length()" because "value" is null\n' +
  '\tat com.example.orders.OrderParser.parse(OrderParser.java:42)\n' +
  '\tat org.apache.flink.streaming.api.operators.StreamMap.processElement(StreamMap.java:38)'
/** Dinky gives up reconnecting after a minute (`JobRefreshHandler`: `duration < 1` minute). */
export const RECONNECT_GIVE_UP_MS = 60_000
export const CHECKPOINT_FAILURE = 'Checkpoint expired before completing.'

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
        failuresLeft: null,
        consecutiveFailures: 0,
        restarts: [],
        lastRestartAt: 0,
        backpressureVertex: null,
        creepFromId: null
      }
      this.byInstance.set(instance.id, state)
    }
    advanceCheckpoints(this, instance, state, this.flinkTime(instance, at))
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

  /** Every new checkpoint fails while on; with `count`, only the next `count` fail, then they complete again. */
  failCheckpoints(instance: JobInstanceRecord, on: boolean, at: number, count?: number): void {
    const state = this.state(instance, at)
    state.failing = on ? CHECKPOINT_FAILURE : null
    state.failuresLeft = on && count !== undefined ? count : null
  }

  /**
   * A failover (the job goes RESTARTING): Flink records the task failure in the exception history, stamps
   * `timestamps.RESTARTING` and restores the tasks from the latest completed checkpoint (`counts.restored`).
   */
  recordRestart(instance: JobInstanceRecord, at: number): void {
    const state = this.state(instance, at)
    state.lastRestartAt = at
    state.restarts.unshift({ at, exception: RESTART_CAUSE, taskName: 'Map (1/2)' })
    if (state.restarts.length > RESTART_HISTORY) state.restarts.length = RESTART_HISTORY
    const from = state.latestCompleted
    if (!from?.externalPath) return
    state.restored += 1
    state.restoredFrom = { id: from.id, at, isSavepoint: false, path: from.externalPath }
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
}
