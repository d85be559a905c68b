/**
 * A simulated job's vertices (`FlinkJobVertex`) and plan nodes (`FlinkJobPlanNode` with Dinky's `backpressure`
 * and `watermark`) as Flink 1.18 gives them inside Dinky's `jobDataDto.job`, built from the job's plan
 * (world/job-plans.ts), and the per-subtask vertex metrics of `getJobMetricsData`. Shapes follow the recordings of
 * real Dinky 1.0.3/1.1.0/1.2.0 on Flink 1.18.1: description `[n]:Operator<br/>+- [m]:Chained<br/>`, inputs
 * `{num, id, ship_strategy, exchange}`, nodes listed from the sink back to the source.
 */

import type { JobInstanceRecord } from '../world/entities'
import { unit } from '../world/checkpoint-run'
import type { JobFlinkState } from '../world/job-health'
import { planOf, ratesOf, readersOf, subtaskShares, type JobPlan } from '../world/job-plans'

/** Flink's "no watermark yet" (`Long.MIN_VALUE`), as the string Flink's metric gives. */
const NO_WATERMARK = '-9223372036854775808'

/** A stable 32-hex vertex id per job and position (the first five as before issue 24). */
export function vertexId(instance: JobInstanceRecord, index: number): string {
  if (index <= 4) {
    const doubled = instance.jid + instance.jid
    return doubled.slice(index * 7, index * 7 + 32)
  }
  let hex = ''
  for (let part = 0; part < 4; part++)
    hex += Math.floor(unit(index * 4 + part, instance.id) * 0x100000000)
      .toString(16)
      .padStart(8, '0')
  return hex
}

/** The instance's base source rate (records per second), as before issue 24. */
function baseRate(instance: JobInstanceRecord): number {
  return 200 + (instance.id % 9) * 150
}

/** The vertex whose output is blocked: a backpressure fault, else the plan's own. */
function highOf(plan: JobPlan, state: JobFlinkState): number | null {
  return state.backpressureVertex ?? plan.backpressured
}

function backpressureOf(plan: JobPlan, state: JobFlinkState, index: number, at: number) {
  const high = highOf(plan, state)
  const isHigh = high === index
  const slowIndex =
    high === null ? null : state.backpressureVertex !== null ? readersOf(plan, high)[0] : plan.slow
  const slow = slowIndex === index
  const source = plan.vertices[index].inputs.length === 0
  const level = isHigh ? 'high' : 'ok'
  return {
    status: 'ok',
    backpressureLevel: level,
    'end-timestamp': at,
    subtasks: Array.from({ length: plan.vertices[index].parallelism }, (_, subtask) => {
      const r = unit(state.instanceId * 31 + index, subtask)
      const busy = slow ? 0.95 + r * 0.05 : isHigh ? 0.05 : 0.1 + r * 0.25
      const ratio = isHigh ? 0.8 + r * 0.2 : 0
      return {
        subtask,
        backpressureLevel: level,
        ratio,
        // A source measures no busy time: Flink 1.18 writes busyRatio NaN as "NaN" and its idleRatio 0 (recordings).
        idleRatio: source ? 0 : Math.max(0, 1 - busy - ratio),
        busyRatio: source ? 'NaN' : busy
      }
    })
  }
}

/**
 * Cumulative records in and out of each vertex at `at`, counted since the job's last failover: Flink's vertex
 * counts are its current task attempts' I/O metrics, which start again from 0 when the tasks restart.
 */
export function recordsOf(
  instance: JobInstanceRecord,
  state: JobFlinkState,
  at: number
): Array<{ in: number; out: number }> {
  const since = Math.max(instance.createTime, state.lastRestartAt)
  const seconds = Math.max(0, (at - since) / 1000)
  return ratesOf(planOf(instance.name), baseRate(instance)).map((rate) => ({
    in: Math.round(rate.in * seconds),
    out: Math.round(rate.out * seconds)
  }))
}

/** `vertices` and `plan` of Flink's `GET /jobs/:jid` for the instance's plan. */
export function verticesAndPlan(
  instance: JobInstanceRecord,
  state: JobFlinkState,
  at: number,
  running: string
): { vertices: object[]; plan: object } {
  const plan = planOf(instance.name)
  const seconds = Math.max(0, (at - instance.createTime) / 1000)
  const end = instance.finishTime ?? -1
  const records = recordsOf(instance, state, at)
  const vertices = plan.vertices.map((seed, index) => {
    const source = seed.inputs.length === 0
    const { in: readRecords, out: writeRecords } = records[index]
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
        'accumulated-busy-time': source ? 'NaN' : Math.round(seconds * 200)
      }
    }
  })
  const nodes = plan.vertices.map((seed, index) => ({
    id: vertexId(instance, index),
    parallelism: seed.parallelism,
    operator: '',
    operator_strategy: '',
    description: seed.operators
      .map((text, depth) => (depth === 0 ? '' : '   '.repeat(depth - 1) + '+- ') + text + '<br/>')
      .join(''),
    inputs: seed.inputs.map((input, num) => ({
      num,
      id: vertexId(instance, input.from),
      ship_strategy: input.ship,
      exchange: 'pipelined_bounded'
    })),
    optimizer_properties: {},
    backpressure: backpressureOf(plan, state, index, at),
    watermark: Array.from({ length: seed.parallelism }, (_, subtask) => ({
      id: `${subtask}.currentInputWatermark`,
      value: seed.inputs.length === 0 ? NO_WATERMARK : String(at - 5_000 - subtask * 250)
    }))
  }))
  // Flink lists the plan's nodes from the sink back to the source (recordings of real Dinky on Flink 1.18.1).
  return {
    vertices,
    plan: { jid: instance.jid, name: instance.name, type: 'STREAMING', nodes: nodes.reverse() }
  }
}

/**
 * Flink's `GET /jobs/:jid/vertices/:vid/metrics?get=a,b` (`[{id, value}]`, values as strings) for the per-subtask
 * record counts `<i>.numRecordsIn` / `<i>.numRecordsOut`; other names are left out (Flink omits unknown ones).
 */
export function subtaskMetrics(
  instance: JobInstanceRecord,
  state: JobFlinkState,
  vertex: string,
  names: readonly string[],
  at: number
): Array<{ id: string; value: string }> {
  const plan = planOf(instance.name)
  const index = plan.vertices.findIndex((_, i) => vertexId(instance, i) === vertex)
  if (index < 0) return []
  const { parallelism } = plan.vertices[index]
  const shares = subtaskShares(plan, index, parallelism)
  const records = recordsOf(instance, state, at)[index]
  const out: Array<{ id: string; value: string }> = []
  for (const name of names) {
    const match = /^(\d+)\.(numRecordsIn|numRecordsOut)$/.exec(name)
    if (!match || Number(match[1]) >= parallelism) continue
    const total = match[2] === 'numRecordsIn' ? records.in : records.out
    out.push({ id: name, value: String(Math.round(total * shares[Number(match[1])])) })
  }
  return out
}
