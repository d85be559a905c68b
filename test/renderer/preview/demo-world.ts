/**
 * A believable Dinky world for the preview and the renderer tests: a production server with a dozen Flink SQL
 * jobs (a few failing), three clusters, a JVM series and a console log with stack traces. Deterministic, so
 * screenshots are comparable run to run.
 */
import type {
  Cluster,
  Job,
  JobStatus,
  JvmSample,
  StatusCounts,
  SysInfo,
  TaskManager
} from '../../../src/shared/models'
import { createServerProfile, type ServerProfile } from '../../../src/shared/profiles'
import type { SessionSnapshot, SessionUser } from '../../../src/shared/session'

/** Whole minutes, so ages read naturally ("5 minutes ago"). */
export const NOW = Math.floor(Date.now() / 60_000) * 60_000

export const PROFILES: ServerProfile[] = [
  createServerProfile({ id: 'prod', name: '生产 Dinky', url: 'http://dinky-prod.internal:8888' }),
  createServerProfile({ id: 'staging', name: 'Staging', url: 'http://10.20.1.15:8888' }),
  createServerProfile({ id: 'demo', name: 'Demo', url: 'http://127.0.0.1:0', demo: true })
]

const JOB_ROWS: Array<[string, JobStatus, string, number, number]> = [
  ['ods_order_cdc_to_doris', 'RUNNING', 'yarn-session', 26 * 3600, 0],
  ['dwd_user_behavior_kafka', 'RUNNING', 'yarn-session', 9 * 3600 + 1200, 1],
  ['ads_gmv_realtime_dashboard', 'FAILED', 'yarn-per-job', 3 * 3600 + 400, 3],
  ['dim_product_mysql_sync', 'RUNNING', 'standalone', 52 * 3600, 0],
  ['dws_shop_uv_5min', 'RESTARTING', 'kubernetes-application', 4100, 2],
  ['ods_payment_binlog', 'RUNNING', 'kubernetes-application', 7 * 86400, 0],
  ['risk_rule_engine_cep', 'FAILING', 'yarn-session', 1900, 5],
  ['report_daily_settlement', 'FINISHED', 'yarn-per-job', 2600, 0],
  ['ods_log_nginx_access', 'RUNNING', 'standalone', 15 * 3600, 0],
  ['dwd_coupon_usage_hudi', 'CANCELED', 'yarn-session', 12000, 0],
  ['ads_inventory_alert', 'RUNNING', 'kubernetes-application', 33 * 3600, 0],
  ['tmp_backfill_2024q4', 'FAILED', 'local', 700, 1],
  ['dwd_order_detail_paimon', 'RUNNING', 'yarn-session', 3 * 86400, 0],
  ['ods_crm_customer_cdc', 'INITIALIZING', 'yarn-session', 12, 0]
]

export function demoJobs(): Job[] {
  return JOB_ROWS.map(([name, status, type, seconds, restarts], index) => {
    const update = NOW - (index * 7 + 3) * 60_000
    return {
      id: 100 + index,
      taskId: 10 + index,
      name,
      status,
      jid:
        status === 'INITIALIZING'
          ? null
          : (index * 2654435761).toString(16).padStart(32, 'a').slice(0, 32),
      type,
      step: 2,
      createTime: dinkyTime(update - seconds * 1000),
      updateTime: dinkyTime(update),
      finishTime: ['FAILED', 'FINISHED', 'CANCELED'].includes(status) ? dinkyTime(update) : null,
      durationMs: seconds * 1000,
      failedRestartCount: restarts
    }
  })
}

export function countsOf(jobs: Job[]): StatusCounts {
  const count = (status: JobStatus) => jobs.filter((job) => job.status === status).length
  return {
    all: jobs.length,
    initializing: count('INITIALIZING'),
    running: count('RUNNING'),
    finished: count('FINISHED'),
    failed: count('FAILED'),
    canceled: count('CANCELED'),
    restarting: count('RESTARTING'),
    created: count('CREATED'),
    failing: count('FAILING'),
    cancelling: count('CANCELLING'),
    suspended: count('SUSPENDED'),
    reconciling: count('RECONCILING'),
    unknown: count('UNKNOWN')
  }
}

export const CLUSTERS: Cluster[] = [
  cluster(
    1,
    'yarn-prod',
    'YARN 生产会话',
    'yarn-session',
    'rm-01.internal:8032',
    'jm-yarn-01:8081',
    '1.17.2',
    true
  ),
  cluster(
    2,
    'standalone-a',
    null,
    'standalone',
    'flink-a-01:8081,flink-a-02:8081',
    'flink-a-01:8081',
    '1.18.1',
    true
  ),
  cluster(3, 'k8s-native', 'K8s Native', 'kubernetes-session', null, null, '1.19.0', false)
]

function cluster(
  id: number,
  name: string,
  alias: string | null,
  type: string,
  hosts: string | null,
  jm: string | null,
  version: string,
  available: boolean
): Cluster {
  return {
    id,
    name,
    alias,
    type,
    hosts,
    jobManagerHost: jm,
    version,
    available,
    enabled: true,
    autoRegisters: false,
    note: null
  }
}

const GB = 1024 ** 3
export const TASK_MANAGERS: Record<number, TaskManager[]> = {
  1: [0, 1, 2].map((i) =>
    tm(`container_e07_1710_01_00000${i + 2}`, `nm-0${i + 1}.internal:35${i}21`, 8, [2, 0, 5][i])
  ),
  2: [0, 1].map((i) =>
    tm(`10.20.3.${11 + i}:42311-8f${i}a1c`, `10.20.3.${11 + i}:42311`, 4, [1, 3][i])
  )
}

function tm(id: string, address: string, slots: number, free: number): TaskManager {
  return {
    id,
    address,
    slotsTotal: slots,
    slotsFree: free,
    cpuCores: 8,
    physicalMemoryBytes: 32 * GB,
    freeMemoryBytes: (6 + free) * GB,
    heapBytes: 4 * GB,
    sinceHeartbeatMs: 2300 + free * 900
  }
}

export function jvmAt(i: number) {
  const heapUsed = Math.round((0.9 + 0.35 * Math.sin(i / 9) + (0.25 * ((i * 37) % 11)) / 11) * GB)
  return {
    total: 2 * GB,
    max: 4 * GB,
    free: 2 * GB - heapUsed / 2,
    cpuUsed: 1.2 + Math.sin(i / 5) * 0.6 + ((i * 13) % 7) / 10,
    nonHeapMax: -1,
    nonHeapUsed: Math.round((210 + i * 0.3) * 1024 ** 2),
    heapMax: 4 * GB,
    heapUsed,
    threadPeakCount: 312,
    threadCount: 240 + Math.round(20 * Math.sin(i / 7)),
    version: '1.8.0_392',
    home: '/opt/java'
  }
}

export const JVM_SAMPLES: JvmSample[] = Array.from({ length: 120 }, (_, i) => ({
  at: NOW - (120 - i) * 10_000,
  jvm: jvmAt(i)
}))

export const SYS_INFO: SysInfo = {
  jvm: jvmAt(119),
  cpu: { cpuNum: 16, total: 100, sys: 4, used: 18, wait: 1, free: 77 },
  mem: { total: 64 * GB, used: 41 * GB, free: 23 * GB },
  systemInfo: {
    osName: 'Linux',
    osArch: 'amd64',
    osVersion: '5.15',
    jvmVersion: '1.8.0_392',
    jvmVendor: 'Temurin',
    jvmName: 'OpenJDK 64-Bit Server VM',
    computerName: 'dinky-prod-01',
    computerUser: 'dinky'
  }
}

export const USER: SessionUser = {
  username: 'admin',
  nickname: 'Admin',
  tenantId: 1,
  tenantCode: 'DefaultTenant',
  tenants: [
    { id: 1, tenantCode: 'DefaultTenant' },
    { id: 2, tenantCode: 'risk_team' }
  ]
}

/** A console log of `count` lines: INFO chatter, WARNs, DEBUG, and an ERROR with a Java stack trace every so often. */
export function demoLogLines(count: number, start = 0): string[] {
  const lines: string[] = []
  for (let i = start; lines.length < count; i++) {
    const time = dinkyTime(NOW - 3_600_000 + i * 37) + `.${String(i % 1000).padStart(3, '0')}`
    if (i % 97 === 50) {
      lines.push(
        `${time} ERROR org.dinky.executor.Executor - Job ods_order_cdc_to_doris failed: checkpoint ${i} expired`
      )
      lines.push(
        'org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint expired before completing.'
      )
      lines.push(
        '\tat org.apache.flink.runtime.checkpoint.CheckpointCoordinator.abortPendingCheckpoint(CheckpointCoordinator.java:2155)'
      )
      lines.push(
        '\tat org.apache.flink.runtime.checkpoint.CheckpointCoordinator.onTriggerFailure(CheckpointCoordinator.java:1006)'
      )
      lines.push('Caused by: java.util.concurrent.TimeoutException: Timeout after 600000 ms')
      lines.push('\t... 12 more')
    } else if (i % 23 === 7) {
      lines.push(
        `${time} WARN  org.apache.flink.connector.kafka.source.reader.KafkaSourceReader - Consumer lag on partition ${i % 12} is ${i * 3} records`
      )
    } else if (i % 5 === 3) {
      lines.push(
        `${time} DEBUG org.apache.flink.runtime.io.network.netty.NettyServer - Transport channel ${i} idle`
      )
    } else {
      lines.push(
        `${time} INFO  org.dinky.job.JobManager - Executing statement ${i}: INSERT INTO doris_ods.orders SELECT * FROM mysql_cdc.orders`
      )
    }
  }
  return lines.slice(0, count)
}

export function demoSnapshot(profileId: string, logLines = 2_000): SessionSnapshot {
  const jobs = demoJobs()
  const fresh = <T>(value: T) => ({ value, asOf: NOW - 20_000, stale: false })
  return {
    profileId,
    seq: 1,
    serverVersion: profileId === 'staging' ? '1.2.0-SNAPSHOT' : '1.1.0',
    transport: profileId === 'staging' ? 'ws' : 'sse',
    user: USER,
    streams: {
      topics: { kind: 'live', since: NOW - 3_600_000 },
      jvm: { kind: 'live', since: NOW - 3_600_000 },
      rest: { kind: 'live', since: NOW - 3_600_000 }
    },
    jobs: fresh(jobs),
    counts: fresh(countsOf(jobs)),
    clusters: fresh(CLUSTERS),
    taskManagers: TASK_MANAGERS,
    sysInfo: fresh(SYS_INFO),
    jvm: JVM_SAMPLES,
    logs: [
      { process: 'FlinkSubmit/10', run: 'run-a', lines: demoLogLines(logLines), stale: false },
      { process: 'FlinkSubmit/12', run: 'run-b', lines: demoLogLines(400, 9_000), stale: false }
    ]
  }
}

function dinkyTime(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}
