/**
 * The Flink plans of the simulated jobs (issue 24): which vertices a job has, how records are shipped between
 * them, and the troubles each plan carries. Keyed by task name, so every instance of a task has the same plan.
 *
 * The demo cast (default seed 42: these four run):
 * - `dws_gmv_realtime_实时大屏` (the first running job, which most tests use) and every task not listed below:
 *   the simple 3-vertex chain `Source → Calc → Sink`, no trouble of its own (faults add backpressure).
 * - `dim_product_lookup_join`: 4 vertices (source, lookup join, aggregate, sink) and the checkpoint creep: each
 *   checkpoint takes longer than the one before (from 15 % of the timeout up to 92 %), its incremental size grows,
 *   and the job's checkpoint timeout equals its interval, so the duration climbs toward the timeout line.
 * - `dwd_user_behavior_clean`: 12 vertices, fan-in (three parsed log streams into one dedupe, HASH) and fan-out
 *   (the classifier into two sinks, the dedupe into the classifier and the session aggregate). Vertex 6
 *   (`Deduplicate`) is backpressured HIGH, its reader 8 (`Calc classify`) busy; vertex 7 (`GroupAggregate
 *   session`) is skewed (one hot key: subtask 0 reads ~5× the others).
 * - `risk_payment_alert`: 30 vertices: four sources, three joins in a row (fan-in), ten rule windows fed by one
 *   enrich step (fan-out) and unioned back into a scorer (fan-in of ten), five sinks. Vertex 9 (`Calc enrich`)
 *   is backpressured HIGH; vertex 25 (`GroupAggregate merchant`) is skewed (a hot merchant) and busy.
 *
 * Skew shows in the per-subtask `<i>.numRecordsIn` of `getJobMetricsData` (Flink's vertex metrics); the plan
 * itself is served as `plan.nodes[]` inside `refreshJobInfoDetail` (wire-job-plan.ts).
 */

export type ShipStrategy = 'FORWARD' | 'HASH' | 'REBALANCE' | 'BROADCAST'

export interface PlanVertex {
  /** Vertex name as Flink's `/jobs/:jid` gives it. */
  name: string
  /** The chained operators, as Flink's plan description lists them (`[n]:Operator(...)`). */
  operators: string[]
  parallelism: number
  inputs: Array<{ from: number; ship: ShipStrategy }>
  /** Records per second out of a source (times the instance's base rate), or out per record in otherwise. */
  rate: number
}

export interface JobPlan {
  kind: 'chain-3' | 'lookup-4' | 'fan-12' | 'wide-30'
  vertices: PlanVertex[]
  /** A vertex whose output is backpressured (HIGH) without any fault; null when none. */
  backpressured: number | null
  /** The vertex that slows it down (busy near 100 %). */
  slow: number | null
  /** A vertex with very uneven records per subtask; null when none. */
  skewed: number | null
  /** Checkpoint duration and size creep upward, toward a timeout equal to the interval. */
  creep: boolean
}

const src = (table: string, parallelism: number, n: number): PlanVertex => ({
  name: `Source: ${table}[${n}]`,
  operators: [
    `[${n}]:TableSourceScan(table=[[default_catalog, default_database, ${table}]], fields=[id, payload, ts])`
  ],
  parallelism,
  inputs: [],
  rate: 1
})

const op = (
  name: string,
  parallelism: number,
  inputs: Array<[number, ShipStrategy]>,
  rate = 1
): PlanVertex => ({
  name,
  operators: name.split(' -> ').map((part) => part.replace(/^(.*)\[(\d+)\]$/, '[$2]:$1')),
  parallelism,
  inputs: inputs.map(([from, ship]) => ({ from, ship })),
  rate
})

function chain3(name: string): JobPlan {
  return {
    kind: 'chain-3',
    vertices: [
      { ...src(`src_${name}`, 2, 1), rate: 1 },
      op('Calc[2] -> ConstraintEnforcer[3]', 2, [[0, 'HASH']]),
      op(`Sink: sink_${name}[4]`, 1, [[1, 'HASH']])
    ],
    backpressured: null,
    slow: null,
    skewed: null,
    creep: false
  }
}

const LOOKUP_4: JobPlan = {
  kind: 'lookup-4',
  vertices: [
    src('ods_orders', 2, 1),
    op('LookupJoin(table=[dim_product])[2] -> Calc[3]', 2, [[0, 'FORWARD']]),
    op('GroupAggregate(groupBy=[product_id])[5]', 2, [[1, 'HASH']], 0.6),
    op('Sink: dim_product_sales[6]', 2, [[2, 'FORWARD']])
  ],
  backpressured: null,
  slow: null,
  skewed: null,
  creep: true
}

const FAN_12: JobPlan = {
  kind: 'fan-12',
  vertices: [
    src('app_click_log', 4, 1),
    src('app_view_log', 4, 3),
    { ...src('mini_program_log', 2, 5), rate: 0.4 },
    op('Calc click parse[2]', 4, [[0, 'FORWARD']], 0.95),
    op('Calc view parse[4]', 4, [[1, 'FORWARD']], 0.95),
    op('Calc mp parse[6]', 2, [[2, 'FORWARD']], 0.95),
    op(
      'Deduplicate(keep=[FirstRow], key=[event_id])[8]',
      4,
      [
        [3, 'HASH'],
        [4, 'HASH'],
        [5, 'HASH']
      ],
      0.9
    ),
    op('GroupAggregate session(groupBy=[user_id])[9]', 4, [[6, 'HASH']], 0.3),
    op('Calc classify[10]', 4, [[6, 'FORWARD']]),
    op('Sink: kafka_dwd_user_behavior[11]', 4, [[8, 'FORWARD']]),
    op('Sink: paimon_dwd_user_behavior[12]', 2, [[8, 'REBALANCE']]),
    op('Sink: dws_user_session[13]', 4, [[7, 'FORWARD']])
  ],
  backpressured: 6,
  slow: 8,
  skewed: 7,
  creep: false
}

const RULES = [
  'velocity',
  'amount',
  'geo',
  'device',
  'night',
  'refund',
  'split',
  'card',
  'ip',
  'merchant'
]

const WIDE_30: JobPlan = {
  kind: 'wide-30',
  vertices: [
    src('payments', 4, 1),
    { ...src('refunds', 2, 2), rate: 0.2 },
    { ...src('devices_cdc', 2, 3), rate: 0.1 },
    { ...src('users_cdc', 2, 4), rate: 0.05 },
    op('Calc payment parse[5]', 4, [[0, 'FORWARD']]),
    op('Calc refund parse[6]', 2, [[1, 'FORWARD']]),
    op('Join(joinType=[LeftOuterJoin], on=[payment_id])[7]', 4, [
      [4, 'HASH'],
      [5, 'HASH']
    ]),
    op('Join(joinType=[LeftOuterJoin], on=[device_id])[8]', 4, [
      [6, 'HASH'],
      [2, 'HASH']
    ]),
    op('Join(joinType=[LeftOuterJoin], on=[user_id])[9]', 4, [
      [7, 'HASH'],
      [3, 'HASH']
    ]),
    op('Calc enrich[10]', 4, [[8, 'FORWARD']]),
    ...RULES.map((rule, i) =>
      op(`GroupWindowAggregate rule_${rule}[${11 + i}]`, 4, [[9, 'HASH']], 0.02)
    ),
    op(
      'Calc score[21]',
      4,
      RULES.map((_, i): [number, ShipStrategy] => [10 + i, 'HASH'])
    ),
    op('Deduplicate(keep=[LastRow], key=[payment_id])[22]', 4, [[20, 'HASH']], 0.8),
    op('Sink: kafka_risk_alert[23]', 2, [[21, 'REBALANCE']]),
    op('Sink: jdbc_risk_alert[24]', 2, [[21, 'REBALANCE']]),
    op('Sink: es_risk_alert[25]', 2, [[21, 'REBALANCE']]),
    op('GroupAggregate merchant(groupBy=[merchant_id])[26]', 4, [[9, 'HASH']], 0.5),
    op('Sink: hbase_merchant_stats[27]', 4, [[25, 'FORWARD']]),
    op('GroupAggregate device(groupBy=[device_id])[28]', 4, [[7, 'HASH']], 0.4),
    op('Sink: hbase_device_stats[29]', 4, [[27, 'FORWARD']]),
    op('Sink: print_audit[30]', 1, [[9, 'REBALANCE']])
  ],
  backpressured: 9,
  slow: 25,
  skewed: 25,
  creep: false
}

/** The plan of a task's jobs, by the task's name (see the header for the cast). */
export function planOf(taskName: string): JobPlan {
  if (taskName === 'dim_product_lookup_join') return LOOKUP_4
  if (taskName === 'dwd_user_behavior_clean') return FAN_12
  if (taskName === 'risk_payment_alert') return WIDE_30
  return chain3(taskName)
}

/** Indices of the vertices that read from `index`. */
export function readersOf(plan: JobPlan, index: number): number[] {
  const readers: number[] = []
  plan.vertices.forEach((v, i) => {
    if (v.inputs.some((input) => input.from === index)) readers.push(i)
  })
  return readers
}

/**
 * Records per second out of each vertex (`out`) and into it (`in`), for an instance's base source rate: a source
 * emits `rate × base`, any other vertex reads the sum of its inputs' output and emits `rate` per record read.
 */
export function ratesOf(plan: JobPlan, base: number): Array<{ in: number; out: number }> {
  const rates: Array<{ in: number; out: number }> = []
  plan.vertices.forEach((v, i) => {
    let input = 0
    for (const { from } of v.inputs) input += from < i ? rates[from].out : 0
    const out = v.inputs.length === 0 ? v.rate * base : input * v.rate
    rates.push({ in: input, out: readersOf(plan, i).length === 0 ? 0 : out })
  })
  return rates
}

/**
 * How a vertex's records spread over its subtasks (weights summing to 1): the skewed vertex's subtask 0 takes a
 * hot key's share (about 5× the others), the rest spread within a few percent.
 */
export function subtaskShares(plan: JobPlan, index: number, parallelism: number): number[] {
  const raw = Array.from({ length: parallelism }, (_, s) =>
    plan.skewed === index && s === 0 ? 5 : 1 + ((s * 7 + index * 3) % 5) / 100
  )
  const sum = raw.reduce((a, b) => a + b, 0)
  return raw.map((w) => w / sum)
}

/** Subtasks over the whole job (what a checkpoint waits on). */
export function subtaskCount(plan: JobPlan): number {
  return plan.vertices.reduce((sum, v) => sum + v.parallelism, 0)
}
