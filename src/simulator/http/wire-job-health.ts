/**
 * `JobInfoDetail.jobDataDto` with Flink's shapes as Dinky re-serialises them (dinky-common
 * `data/flink/job/FlinkJobDetailInfo`, `FlinkJobVertex`, `FlinkJobPlanNode`, `backpressure/FlinkJobNodeBackPressure`,
 * `watermark/FlinkJobNodeWaterMark`, `config/FlinkJobConfigInfo`, `exceptions/FlinkJobExceptionsDetail`, read at
 * DataLinkDC/dinky 0f52a5628; checkpoints: wire-checkpoints.ts). Field names are their `@JsonProperty` names, in
 * declaration order.
 */

import type { JobInstanceRecord } from '../world/entities'
import { checkpointTimeoutMs } from '../world/checkpoint-run'
import type { JobFlinkState } from '../world/job-health'
import type { World } from '../world/world'
import { checkpointsConfig, checkpointsOverview } from './wire-checkpoints'
import { jobInfoDetail } from './wire-jobs'
import { verticesAndPlan } from './wire-job-plan'

/** Flink's `GET /jobs/:jid` as Dinky keeps it (`FlinkJobDetailInfo`). */
export function flinkJob(instance: JobInstanceRecord, state: JobFlinkState, at: number): object {
  const end = instance.finishTime ?? -1
  const running = instance.status === 'RUNNING' ? 'RUNNING' : instance.status
  const { vertices, plan } = verticesAndPlan(instance, state, at, running)
  return {
    jid: instance.jid,
    name: instance.name,
    state: running,
    'start-time': instance.createTime,
    'end-time': end,
    duration: (instance.finishTime ?? at) - instance.createTime,
    maxParallelism: -1,
    now: at,
    timestamps: {
      ...zeroes(JOB_STATES),
      CREATED: instance.createTime,
      INITIALIZING: instance.createTime,
      // Flink stamps a state each time the job enters it: a failover leaves RESTARTING's last time behind.
      RESTARTING: state.lastRestartAt,
      [running]: instance.updateTime
    },
    vertices,
    'status-counts': {
      ...zeroes(EXECUTION_STATES),
      [EXECUTION_STATES.includes(running) ? running : 'RUNNING']: vertices.length
    },
    plan
  }
}

/** Flink 1.18's `JobStatus` names, every one a key of `timestamps` (0 until reached), in Flink's order. */
const JOB_STATES = [
  'CREATED',
  'FAILING',
  'FAILED',
  'RUNNING',
  'CANCELLING',
  'SUSPENDED',
  'CANCELED',
  'RESTARTING',
  'INITIALIZING',
  'FINISHED',
  'RECONCILING'
]
/** Flink 1.18's `ExecutionState` names as `status-counts` lists them, every one present. */
const EXECUTION_STATES = [
  'CREATED',
  'FAILED',
  'RUNNING',
  'CANCELED',
  'CANCELING',
  'INITIALIZING',
  'FINISHED',
  'SCHEDULED',
  'RECONCILING',
  'DEPLOYING'
]

function zeroes(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [key, 0]))
}

const TASK_LOCATION = 'localhost:34437'
const TASK_MANAGER_ID = '127.0.0.1:6122-697a32'

/**
 * Flink's `GET /jobs/:jid/exceptions`; a finished job's is null (Dinky never stored one). The history lists the
 * failovers (task failures, newest first) and the global failure of a failed job; the root is the newest.
 */
export function exceptionsOf(instance: JobInstanceRecord, state: JobFlinkState): object | null {
  if (instance.status === 'FINISHED') return null
  // A task failure, in the field order of the recordings (real 1.1.0 on Flink 1.18.1).
  const entries: Array<{ at: number; entry: object; task?: object }> = state.restarts.map(
    (restart, index) => ({
      at: restart.at,
      entry: {
        exceptionName: restart.exception.split(':')[0],
        stacktrace: restart.exception,
        timestamp: restart.at,
        failureLabels: {},
        taskName: `${restart.taskName} - execution #${state.restarts.length - index - 1}`,
        location: TASK_LOCATION,
        taskManagerId: TASK_MANAGER_ID,
        concurrentExceptions: []
      },
      task: {
        exception: restart.exception,
        task: restart.taskName,
        location: TASK_LOCATION,
        timestamp: restart.at,
        taskManagerId: TASK_MANAGER_ID
      }
    })
  )
  const root = instance.rootException
  if (root && instance.exceptionTime !== null) {
    // A global failure (JobException, no restart): Flink 1.18 leaves out taskName, location and taskManagerId
    // (null, not written), as the recordings of real 1.1.0 and 1.2.0 show.
    const entry = {
      exceptionName: root.split(':')[0],
      stacktrace: root,
      timestamp: instance.exceptionTime,
      failureLabels: {},
      concurrentExceptions: []
    }
    entries.push({ at: instance.exceptionTime, entry })
  }
  entries.sort((a, b) => b.at - a.at)
  const newest = entries[0]
  const newestText = newest ? (newest.entry as { stacktrace: string }).stacktrace : null
  return {
    // Flink's legacy list: the task failures of the newest failure.
    'all-exceptions': newest?.task ? [newest.task] : [],
    'root-exception': newestText,
    timestamp: newest?.at ?? null,
    truncated: false,
    exceptionHistory: { entries: entries.map((e) => e.entry), truncated: false }
  }
}

function jobManagerOf(instance: JobInstanceRecord, world: World): string {
  return world.clusters.find((c) => c.id === instance.clusterId)?.jobManagerHost ?? ''
}

/**
 * `refreshJobInfoDetail`: the instance with Flink's parts. While Flink is unreachable Dinky keeps the last stored
 * parts (`BeanUtil.copyProperties(..., ignoreNullValue)`) and sets `error`/`errorMsg`.
 */
export function jobInfoDetailWithHealth(instance: JobInstanceRecord, world: World, at: number) {
  const detail = jobInfoDetail(instance, world, at) as { jobDataDto: Record<string, unknown> }
  const state = world.health.state(instance, at)
  const flinkAt = world.health.flinkTime(instance, at)
  const reachable = world.health.isFlinkReachable(instance.clusterId)
  const error = !reachable || instance.status === 'FAILED'
  detail.jobDataDto = {
    ...detail.jobDataDto,
    job: flinkJob(instance, state, flinkAt),
    exceptions: exceptionsOf(instance, state),
    checkpoints: checkpointsOverview(state),
    checkpointsConfig: checkpointsConfig(
      world.health.checkpointIntervalMs,
      checkpointTimeoutMs(instance, world.health.checkpointIntervalMs)
    ),
    config: {
      jid: instance.jid,
      name: instance.name,
      'execution-config': {
        'execution-mode': 'PIPELINED',
        'restart-strategy': 'Restart with fixed delay (10000 ms). #3 restart attempts.',
        'job-parallelism': 2,
        'object-reuse-mode': false,
        'user-config': { 'pipeline.name': instance.name }
      }
    },
    error,
    errorMsg: reachable
      ? instance.error
      : `java.net.ConnectException: Connection refused: ${jobManagerOf(instance, world)}`
  }
  return detail
}
