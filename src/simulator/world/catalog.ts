/**
 * The fixed cast of the simulated Dinky: twelve Flink SQL tasks, three registered clusters plus two that
 * application-mode runs registered themselves, and their cluster configurations. Chance (statuses, ids, figures)
 * is laid over this cast by the seeded world.
 */

import type { ClusterConfigurationRecord, ClusterRecord, TaskRecord } from './entities'

interface TaskSeed {
  name: string
  type: string
  clusterId: number
  batchModel: boolean
}

/** The fixed cast's size: a world never has fewer tasks (tests and the demo name them). */
export const CAST_SIZE = 12

const TASK_SEEDS: readonly TaskSeed[] = [
  { name: 'ods_orders_kafka2hudi', type: 'standalone', clusterId: 1, batchModel: false },
  { name: 'dwd_user_behavior_clean', type: 'standalone', clusterId: 1, batchModel: false },
  { name: 'dws_gmv_realtime_实时大屏', type: 'yarn-session', clusterId: 2, batchModel: false },
  { name: 'cdc_mysql_inventory_sync', type: 'yarn-session', clusterId: 2, batchModel: false },
  { name: 'ads_daily_report_每日报表', type: 'yarn-session', clusterId: 2, batchModel: true },
  { name: 'risk_payment_alert', type: 'kubernetes-session', clusterId: 3, batchModel: false },
  { name: 'dim_product_lookup_join', type: 'kubernetes-session', clusterId: 3, batchModel: false },
  { name: 'log_nginx_access_parse', type: 'standalone', clusterId: 1, batchModel: false },
  { name: 'hive_partition_backfill', type: 'yarn-application', clusterId: 4, batchModel: true },
  {
    name: 'iot_sensor_window_agg',
    type: 'kubernetes-application',
    clusterId: 5,
    batchModel: false
  },
  { name: 'print_debug_orders', type: 'standalone', clusterId: 1, batchModel: false },
  { name: 'paimon_cdc_ingest_入湖', type: 'kubernetes-session', clusterId: 3, batchModel: false }
]

/** The tasks, in id order; why fixed: names show up in screenshots and tests by name. */
export function createTasks(): TaskRecord[] {
  return TASK_SEEDS.map((seed, index) => ({
    id: index + 1,
    name: seed.name,
    type: seed.type,
    clusterId: seed.clusterId,
    clusterConfigurationId: seed.clusterId >= 4 ? seed.clusterId - 3 : null,
    batchModel: seed.batchModel,
    step: index % 4 === 3 ? 1 : 2,
    statement: statementFor(seed.name),
    note: ''
  }))
}

function statementFor(name: string): string {
  return (
    `CREATE TABLE src_${name} (id BIGINT, payload STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - ` +
    `INTERVAL '5' SECOND) WITH ('connector' = 'datagen');\n` +
    `CREATE TABLE sink_${name} (id BIGINT, payload STRING) WITH ('connector' = 'print');\n` +
    `INSERT INTO sink_${name} SELECT id, payload FROM src_${name};`
  )
}

/** Clusters 1–3 are registered by hand; 4 and 5 were registered by application-mode runs. */
export function createClusters(createTime: number): ClusterRecord[] {
  const base = { available: true, createTime, clusterConfigurationId: null, taskId: null, note: '' }
  return [
    {
      ...base,
      id: 1,
      name: 'flink-standalone-prod',
      alias: '生产 Standalone',
      type: 'standalone',
      hosts: '10.20.1.11:8081',
      jobManagerHost: '10.20.1.11:8081',
      version: '1.17.2',
      autoRegisters: false
    },
    {
      ...base,
      id: 2,
      name: 'yarn-session-bi',
      alias: 'BI Yarn Session',
      type: 'yarn-session',
      hosts: '10.20.2.21:36011',
      jobManagerHost: '10.20.2.21:36011',
      version: '1.17.2',
      autoRegisters: false
    },
    {
      ...base,
      id: 3,
      name: 'k8s-session-rt',
      alias: 'Realtime K8s',
      type: 'kubernetes-session',
      hosts: 'flink-rt-rest.flink.svc:8081',
      jobManagerHost: 'flink-rt-rest.flink.svc:8081',
      version: '1.18.1',
      autoRegisters: false
    },
    {
      ...base,
      id: 4,
      name: 'hive_partition_backfill_application',
      alias: 'hive_partition_backfill',
      type: 'yarn-application',
      hosts: '10.20.2.37:41233',
      jobManagerHost: '10.20.2.37:41233',
      version: '1.17.2',
      autoRegisters: true,
      clusterConfigurationId: 1,
      taskId: 9
    },
    {
      ...base,
      id: 5,
      name: 'iot-sensor-window-agg',
      alias: 'iot_sensor_window_agg',
      type: 'kubernetes-application',
      hosts: 'iot-sensor-window-agg-rest.flink.svc:8081',
      jobManagerHost: 'iot-sensor-window-agg-rest.flink.svc:8081',
      version: '1.18.1',
      autoRegisters: true,
      clusterConfigurationId: 2,
      taskId: 10
    }
  ]
}

export function createClusterConfigurations(): ClusterConfigurationRecord[] {
  return [
    {
      id: 1,
      name: 'yarn-application-default',
      type: 'yarn-application',
      isAvailable: true,
      note: 'Hadoop 3.3 / Flink 1.17',
      flinkConfig: {
        'jobmanager.memory.process.size': '1600m',
        'taskmanager.numberOfTaskSlots': '4'
      }
    },
    {
      id: 2,
      name: 'k8s-application-rt',
      type: 'kubernetes-application',
      isAvailable: true,
      note: 'flink namespace',
      flinkConfig: { 'kubernetes.namespace': 'flink', 'taskmanager.numberOfTaskSlots': '2' }
    },
    {
      id: 3,
      name: 'yarn-per-job-legacy',
      type: 'yarn-per-job',
      isAvailable: false,
      note: '已废弃',
      flinkConfig: { 'taskmanager.numberOfTaskSlots': '1' }
    }
  ]
}
