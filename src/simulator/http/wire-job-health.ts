/**
 * `JobInfoDetail.jobDataDto` with Flink's shapes as Dinky re-serialises them (dinky-common
 * `data/flink/job/FlinkJobDetailInfo`, `FlinkJobVertex`, `FlinkJobPlanNode`, `backpressure/FlinkJobNodeBackPressure`,
 * `watermark/FlinkJobNodeWaterMark`, `config/FlinkJobConfigInfo`, `exceptions/FlinkJobExceptionsDetail`, read at
 * DataLinkDC/dinky 0f52a5628; checkpoints: wire-checkpoints.ts). Field names are their `@JsonProperty` names, in
 * declaration order.
 */

import type { JobInstanceRecord } from '../world/entities'
import { unit } from '../world/checkpoint-run'
import type { JobFlinkState } from '../world/job-health'
import type { World } from '../world/world'
import { checkpointsConfig, checkpointsOverview } from './wire-checkpoints'
import { jobInfoDetail } from './wire-jobs'

/** Flink's "no watermark yet" (`Long.MIN_VALUE`), as the string Flink's metric gives. */
const NO_WATERMARK = '-9223372036854775808'

interface VertexSeed {
  name: string
  parallelism: number
}

function vertexSeeds(instance: JobInstanceRecord): VertexSeed[] {
  return [
    { name: `Source: src_${instance.name}[1]`, parallelism: 2 },
    { name: `Calc[2] -> ConstraintEnforcer[3]`, parallelism: 2 },
    { name: `Sink: sink_${instance.name}[4]`, parallelism: 1 }
  ]
}

/** A stable 32-hex vertex id per job and position. */
function vertexId(instance: JobInstanceRecord, index: number): string {
  const doubled = instance.jid + instance.jid
  return doubled.slice(index * 7, index * 7 + 32)
}

function backpressureOf(state: JobFlinkState, index: number, at: number, parallelism: number) {
  const high = state.backpressureVertex === index
  const slow = state.backpressureVertex !== null && state.backpressureVertex + 1 === index
  const level = high ? 'high' : 'ok'
  return {
    status: 'ok',
    backpressureLevel: level,
    'end-timestamp': at,
    subtasks: Array.from({ length: parallelism }, (_, subtask) => {
      const r = unit(state.instanceId * 31 + index, subtask)
      const busy = slow ? 0.95 + r * 0.05 : high ? 0.05 : 0.1 + r * 0.25
      const ratio = high ? 0.8 + r * 0.2 : 0
      return {
        subtask,
        backpressureLevel: level,
        ratio,
        // A source measures no busy time: Flink 1.18 writes busyRatio NaN as "NaN" and its idleRatio 0 (recordings).
        idleRatio: index === 0 ? 0 : Math.max(0, 1 - busy - ratio),
        busyRatio: index === 0 ? 'NaN' : busy
      }
    })
  }
}

/** Flink's `GET /jobs/:jid` as Dinky keeps it (`FlinkJobDetailInfo`). */
export function flinkJob(instance: JobInstanceRecord, state: JobFlinkState, at: number): object {
  const end = instance.finishTime ?? -1
  const rate = 200 + (instance.id % 9) * 150
  const seconds = Math.max(0, (at - instance.createTime) / 1000)
  const running = instance.status === 'RUNNING' ? 'RUNNING' : instance.status
  const seeds = vertexSeeds(instance)
  const vertices = seeds.map((seed, index) => {
    const records = Math.round(rate * seconds)
    const readRecords = index === 0 ? 0 : records
    const writeRecords = index === seeds.length - 1 ? 0 : records
    return {
      id: vertexId(instance, index),
      name: seed.name,
      maxParallelism: 128,
      parallelism: seed.parallelism,
      status: running,
      'start-time': instance.createTime,
      'end-time': end,
      duration: (instance.finishTime ?? at) - instance.createTime,
      tasks: { [running]: seed.parallelism },
      metrics: {
        'read-bytes': readRecords * 118,
        'read-bytes-complete': true,
        'write-bytes': writeRecords * 118,
        'write-bytes-complete': true,
        'read-records': readRecords,
        'read-records-complete': true,
        'write-records': writeRecords,
        'write-records-complete': true,
        'accumulated-backpressured-time': 0,
        'accumulated-idle-time': Math.round(seconds * 700),
        // A source task's busy time is not measured: Flink 1.18 writes the double NaN, which its JSON writes as the
        // string "NaN" (recordings of real 1.1.0 and 1.2.0).
        'accumulated-busy-time': index === 0 ? 'NaN' : Math.round(seconds * 200)
      }
    }
  })
  const nodes = seeds.map((seed, index) => ({
    id: vertexId(instance, index),
    parallelism: seed.parallelism,
    operator: '',
    operator_strategy: '',
    description: seed.name,
    inputs:
      index === 0
        ? []
        : [
            {
              num: 0,
              id: vertexId(instance, index - 1),
              ship_strategy: 'HASH',
              exchange: 'pipelined_bounded'
            }
          ],
    optimizer_properties: {},
    backpressure: backpressureOf(state, index, at, seed.parallelism),
    watermark: Array.from({ length: seed.parallelism }, (_, subtask) => ({
      id: `${subtask}.currentInputWatermark`,
      value: index === 0 ? NO_WATERMARK : String(at - 5_000 - subtask * 250)
    }))
  }))
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
    // Flink lists the plan's nodes from the sink back to the source (recordings of real Dinky on Flink 1.18.1).
    plan: { jid: instance.jid, name: instance.name, type: 'STREAMING', nodes: nodes.reverse() }
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

/**
 * Flink's `GET /jobs/:jid/exceptions`; a finished job's is null (Dinky never stored one). The history lists the
 * failovers (task failures, newest first) and the global failure of a failed job; the root is the newest.
 */
export function exceptionsOf(instance: JobInstanceRecord, state: JobFlinkState): object | null {
  if (instance.status === 'FINISHED') return null
  const entries: Array<{ at: number; entry: object }> = state.restarts.map((restart) => ({
    at: restart.at,
    entry: {
      exceptionName: restart.exception.split(':')[0],
      stacktrace: restart.exception,
      timestamp: restart.at,
      taskName: restart.taskName,
      location: 'localhost:35417',
      taskManagerId: 'localhost:35417-a1b2c3',
      failureLabels: {},
      concurrentExceptions: []
    }
  }))
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
    'all-exceptions': [],
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
    checkpointsConfig: checkpointsConfig(world.health.checkpointIntervalMs),
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
