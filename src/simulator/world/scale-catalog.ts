/**
 * The tasks a scaled simulator (`jobs` option, issue 23) adds after the fixed cast: Flink SQL and CDC pipelines
 * named the way Dinky teams name them (layer prefixes, source and sink systems, Chinese suffixes, and some very long
 * CDC names without a space, which must not push a table's status column off screen). Drawn from their own seeded
 * generator, so the fixed cast's chance stays what it is without them and the same seed names the same tasks.
 */

import type { TaskRecord } from './entities'
import type { SeededRandom } from './seeded-random'

const DOMAINS = ['trade', 'user', 'pay', 'logistics', 'marketing', 'risk', 'inventory', 'ad', 'iot']
const ENTITIES = [
  'order_detail',
  'order_info',
  'refund_apply',
  'payment_flow',
  'coupon_use',
  'cart_event',
  'user_login',
  'page_view',
  'sku_stock',
  'shipment_track',
  'device_heartbeat',
  'campaign_click'
]
const SOURCES = ['mysql', 'pg', 'oracle', 'mongodb', 'kafka', 'tidb']
const SINKS = ['doris', 'starrocks', 'hudi', 'paimon', 'iceberg', 'clickhouse', 'kafka', 'es']
const SUFFIXES = ['实时同步', '实时大屏', '入湖', '明细宽表', '指标计算', '']

/** Session clusters of the cast a generated task runs on, with the execution mode that goes with each. */
const SESSION_CLUSTERS = [
  { clusterId: 1, type: 'standalone' },
  { clusterId: 2, type: 'yarn-session' },
  { clusterId: 3, type: 'kubernetes-session' }
] as const

function nameFor(rng: SeededRandom): { name: string; batch: boolean } {
  const domain = rng.pick(DOMAINS)
  const entity = rng.pick(ENTITIES)
  const roll = rng.next()
  if (roll < 0.3) {
    // The long CDC pipelines: `cdc_mysql_ods_trade_order_detail_to_doris_dwd_trade_order_detail_realtime_sync_v3`.
    const source = rng.pick(SOURCES)
    const sink = rng.pick(SINKS)
    return {
      name: `cdc_${source}_ods_${domain}_${entity}_to_${sink}_dwd_${domain}_${entity}_realtime_sync_v${rng.int(1, 5)}`,
      batch: false
    }
  }
  if (roll < 0.45) return { name: `ods_${domain}_${entity}_kafka2${rng.pick(SINKS)}`, batch: false }
  if (roll < 0.6) return { name: `dwd_${domain}_${entity}_clean${suffix(rng)}`, batch: false }
  if (roll < 0.72) {
    const window = rng.pick(['1min', '5min', '1h', 'day'])
    return { name: `dws_${domain}_${entity}_${window}_agg${suffix(rng)}`, batch: false }
  }
  if (roll < 0.8) return { name: `dim_${entity}_lookup_join`, batch: false }
  if (roll < 0.9) return { name: `ads_${domain}_daily_report${suffix(rng)}`, batch: true }
  return { name: `FlinkCDC整库同步_${rng.pick(SOURCES)}_${domain}_db`, batch: false }
}

function suffix(rng: SeededRandom): string {
  const picked = rng.pick(SUFFIXES)
  return picked ? `_${picked}` : ''
}

/**
 * `count` tasks with ids from `firstId`, names unique as Dinky's are (a repeat gets the next `_nN`). Why sessions
 * only: application-mode runs register a cluster each, which would make thousands of clusters.
 */
export function createScaleTasks(count: number, firstId: number, rng: SeededRandom): TaskRecord[] {
  const tasks: TaskRecord[] = []
  const taken = new Set<string>()
  for (let i = 0; i < count; i++) {
    const drawn = nameFor(rng)
    let name = drawn.name
    for (let n = 2; taken.has(name); n++) name = `${drawn.name}_n${n}`
    taken.add(name)
    const cluster = rng.pick(SESSION_CLUSTERS)
    const id = firstId + i
    tasks.push({
      id,
      name,
      type: cluster.type,
      clusterId: cluster.clusterId,
      clusterConfigurationId: null,
      batchModel: drawn.batch,
      step: rng.chance(0.1) ? 1 : 2,
      statement:
        `CREATE TABLE src (id BIGINT, payload STRING) WITH ('connector' = 'datagen');\n` +
        `INSERT INTO sink_${id} SELECT id, payload FROM src;`,
      note: ''
    })
  }
  return tasks
}
