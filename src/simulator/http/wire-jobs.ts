/**
 * Job instances in Dinky's wire shapes: `JobInstanceVo` (the ProTable list), `JobInstance`, the status counts and
 * `JobInfoDetail` with Flink's job and exception JSON. Field order follows the Java classes.
 */

import type { JobInstanceRecord, JobStatus } from '../world/entities'
import { formatDateTime } from '../world/time-format'
import type { World } from '../world/world'
import { clusterConfigurationToWire, clusterToWire } from './wire-infra'

const orNull = (ms: number | null): string | null => (ms === null ? null : formatDateTime(ms))

/**
 * The stored `finishTime`: Dinky 1.x writes Flink's `end-time` of a running job (-1 ms, rounded to the second by
 * the database) as a time, so once Flink has reported the job (it has a jid) an unfinished row says
 * `1970-01-01 08:00:00` in the server's zone, not null (seen on a real 1.1.0).
 */
function storedFinishTime(instance: JobInstanceRecord): string | null {
  if (instance.finishTime !== null) return formatDateTime(instance.finishTime)
  return instance.jid === null ? null : formatDateTime(0)
}

/**
 * The stored `duration`: `JobRefreshHandler` saves a running job's row (Flink's duration and `updateTime`) only
 * every 60 refresh cycles, so the list's duration is the one of the last save, `updateTime - createTime`.
 */
function storedDuration(instance: JobInstanceRecord): number {
  return (instance.finishTime ?? instance.updateTime) - instance.createTime
}

function durationOf(instance: JobInstanceRecord, at: number): number {
  return (instance.finishTime ?? at) - instance.createTime
}

/**
 * A `JobInstanceVo` row; `type` is the execution mode taken from the history. The owner fields came with 1.1.0:
 * a real 1.0.3 sends none.
 */
export function jobInstanceVo(
  instance: JobInstanceRecord,
  world: World,
  withOwners = true
): object {
  const row = {
    id: instance.id,
    name: instance.name,
    taskId: instance.taskId,
    step: instance.step,
    jid: instance.jid,
    status: instance.status,
    type: world.task(instance.taskId)?.type ?? null,
    createTime: formatDateTime(instance.createTime),
    updateTime: formatDateTime(instance.updateTime),
    finishTime: storedFinishTime(instance),
    duration: storedDuration(instance),
    failedRestartCount: world.writesRestartCount ? instance.failedRestartCount : null,
    firstLevelOwner: 1,
    secondLevelOwners: null
  }
  if (withOwners) return row
  const { firstLevelOwner: _first, secondLevelOwners: _second, ...without } = row
  return without
}

/** The `JobInstance` row `getJobInfoDetail` reads back from the database (stale like the list's). */
export function jobInstance(instance: JobInstanceRecord, world: World): object {
  return {
    id: instance.id,
    tenantId: instance.tenantId,
    name: instance.name,
    taskId: instance.taskId,
    step: instance.step,
    clusterId: instance.clusterId,
    jid: instance.jid,
    status: instance.status,
    historyId: instance.historyId,
    error: instance.error,
    createTime: formatDateTime(instance.createTime),
    updateTime: formatDateTime(instance.updateTime),
    finishTime: storedFinishTime(instance),
    duration: storedDuration(instance),
    failedRestartCount: world.writesRestartCount ? instance.failedRestartCount : null,
    creator: 1,
    updater: 1,
    operator: 1,
    count: null
  }
}

const COUNT_FIELD: Partial<Record<JobStatus, string>> = {
  INITIALIZING: 'initializing',
  RUNNING: 'running',
  FINISHED: 'finished',
  FAILED: 'failed',
  FAILING: 'failed',
  CANCELED: 'canceled',
  RESTARTING: 'restarting',
  CREATED: 'created',
  CANCELLING: 'cancelling',
  SUSPENDED: 'suspended',
  RECONCILING: 'reconciling',
  UNKNOWN: 'unknown'
}

/** `JobInstanceStatus`: FAILING counts as failed, `failing` stays 0, RECONNECTING only in `all`. */
export function statusCounts(latest: readonly JobInstanceRecord[], world: World): object {
  const counts: Record<string, number> = {
    all: 0,
    initializing: 0,
    running: 0,
    finished: 0,
    failed: 0,
    canceled: 0,
    restarting: 0,
    created: 0,
    failing: 0,
    cancelling: 0,
    suspended: 0,
    reconciling: 0,
    unknown: 0
  }
  let batch = 0
  for (const instance of latest) {
    counts.all += 1
    const field = COUNT_FIELD[instance.status]
    if (field) counts[field] += 1
    if (world.task(instance.taskId)?.batchModel) batch += 1
  }
  return {
    ...counts,
    modelOverview: { batchJobCount: batch, streamingJobCount: latest.length - batch }
  }
}

/** `JobInfoDetail`; a failed job carries Flink's `root-exception` in `jobDataDto.exceptions`. */
export function jobInfoDetail(instance: JobInstanceRecord, world: World, at: number): object {
  const task = world.task(instance.taskId)
  const cluster = world.clusters.find((c) => c.id === instance.clusterId)
  const configuration = world.configurations.find((c) => c.id === task?.clusterConfigurationId)
  const end = instance.finishTime ?? -1
  const history = {
    id: instance.historyId,
    tenantId: instance.tenantId,
    clusterId: instance.clusterId,
    clusterConfigurationId: task?.clusterConfigurationId ?? null,
    session: null,
    jobId: instance.jid,
    jobName: instance.name,
    jobManagerAddress: cluster?.jobManagerHost ?? null,
    batchModel: task?.batchModel ?? false,
    status: instance.status === 'FAILED' ? 2 : 1,
    statement: task?.statement ?? null,
    type: task?.type ?? null,
    error: instance.error,
    result: null,
    configJson: null,
    startTime: formatDateTime(instance.createTime),
    endTime: orNull(instance.finishTime),
    taskId: instance.taskId,
    statusText: null,
    clusterName: cluster?.name ?? null,
    count: null
  }
  const exceptions = {
    'root-exception': instance.rootException,
    timestamp: instance.exceptionTime,
    'all-exceptions': [],
    truncated: false,
    exceptionHistory: {
      entries: instance.rootException
        ? [
            {
              exceptionName: instance.rootException.split(':')[0],
              stacktrace: instance.rootException,
              timestamp: instance.exceptionTime
            }
          ]
        : [],
      truncated: false
    }
  }
  const job = {
    jid: instance.jid,
    name: instance.name,
    state: instance.status,
    'start-time': instance.createTime,
    'end-time': end,
    duration: durationOf(instance, at),
    maxParallelism: -1,
    now: at,
    timestamps: { [instance.status]: instance.updateTime, CREATED: instance.createTime },
    vertices: [],
    'status-counts': {},
    plan: {
      jid: instance.jid,
      name: instance.name,
      type: task?.batchModel ? 'BATCH' : 'STREAMING',
      nodes: []
    }
  }
  return {
    id: instance.id,
    instance: jobInstance(instance, world),
    clusterInstance: cluster ? clusterToWire(cluster) : null,
    clusterConfiguration: configuration ? clusterConfigurationToWire(configuration) : null,
    history,
    jobDataDto: {
      id: instance.historyId,
      tenantId: instance.tenantId,
      job,
      exceptions,
      checkpoints: null,
      checkpointsConfig: null,
      config: null,
      cluster: null,
      clusterConfiguration: null,
      error: instance.status === 'FAILED',
      errorMsg: instance.error
    }
  }
}
