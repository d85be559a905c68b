/**
 * What Dinky's DevOps job page reads beside the job list: `refreshJobInfoDetail` (JobInstanceController), Flink's
 * logs relayed by Dinky (`getJobManagerLog|StdOut|ThreadDump`, `getTaskManagerLog`, each `Result.succeed(text, "")`
 * so `msg` is empty), savepoints (`SavePointsController`, `POST /api/savepoints` → ProTableResult<Savepoints>),
 * alert history (`AlertHistoryController`, `GET /api/alertHistory/list`) and task versions
 * (`TaskVersionController`, `GET /api/task/version` → Result<List<TaskVersionHistoryDTO>>, `createTime` a `Date`
 * in Dinky's `yyyy-MM-dd HH:mm:ss`). Read at DataLinkDC/dinky 0f52a5628.
 */

import { failed, ok, type SimState } from '../sim-state'
import type { ClusterRecord, TaskRecord } from '../world/entities'
import { TENANT_ID } from '../world/entities'
import { jobManagerStdOut, jobManagerThreadDump } from '../world/flink-logs'
import { formatDateTime, formatLocalDateTime } from '../world/time-format'
import { CODE, jsonReply, proTableBody, resultBody } from './envelope'
import type { RequestContext } from './request'
import type { Route } from './router'
import { jobInfoDetailWithHealth } from './wire-job-health'

/** `Result.succeed(data, "")`: FlinkAPI relays answer with an empty `msg`. */
function relayed(state: SimState, text: string) {
  return jsonReply(resultBody(text, CODE.SUCCESS, '', state.options.now()))
}

/** A Flink REST call from Dinky that cannot connect: Dinky's handler answers code 5 with the stack trace. */
function flinkRefused(state: SimState, address: string) {
  return failed(
    state,
    CODE.EXCEPTION,
    `Connection refused: ${address}`,
    `java.net.ConnectException: Connection refused: ${address}`
  )
}

function reachableCluster(state: SimState, ctx: RequestContext): ClusterRecord | null {
  const address = ctx.query.get('address') ?? ''
  const cluster = state.world.clusters.find((c) => c.jobManagerHost === address)
  if (!cluster?.available || !state.world.health.isFlinkReachable(cluster.id)) return null
  return cluster
}

/** Three versions per task, the newest being the current statement (a guess at typical history). */
function taskVersions(task: TaskRecord, at: number): object[] {
  return [3, 2, 1].map((versionId) => ({
    id: task.id * 10 + versionId,
    taskId: task.id,
    name: task.name,
    dialect: 'FlinkSql',
    type: task.type,
    statement:
      versionId === 3
        ? task.statement
        : task.statement.replace('SELECT id, payload', `SELECT id, payload /* v${versionId} */`),
    versionId,
    createTime: formatDateTime(at - (4 - versionId) * 86_400_000)
  }))
}

export function jobDetailRoutes(state: SimState): Route[] {
  const { world } = state
  const now = () => state.options.now()
  const relay = (path: string, text: (cluster: ClusterRecord) => string): Route => ({
    method: 'GET',
    path,
    login: true,
    handle: (ctx) => {
      const cluster = reachableCluster(state, ctx)
      return cluster
        ? relayed(state, text(cluster))
        : flinkRefused(state, ctx.query.get('address') ?? '')
    }
  })
  return [
    {
      method: 'GET',
      path: '/api/jobInstance/refreshJobInfoDetail',
      login: true,
      handle: (ctx) => {
        const instance = world.instances.find((i) => i.id === Number(ctx.query.get('id')))
        if (!instance || ctx.tenantId !== TENANT_ID)
          return failed(state, CODE.ERROR, 'The job instance does not exist')
        world.health.refresh(instance, now())
        return ok(state, jobInfoDetailWithHealth(instance, world, now()))
      }
    },
    relay('/api/jobInstance/getJobManagerLog', (c) => world.health.logs.jobManagerLog(c.id)),
    relay('/api/jobInstance/getJobManagerStdOut', (c) => jobManagerStdOut(c.name)),
    relay('/api/jobInstance/getJobManagerThreadDump', () => jobManagerThreadDump()),
    {
      method: 'GET',
      path: '/api/jobInstance/getTaskManagerLog',
      login: true,
      handle: (ctx) => {
        const cluster = reachableCluster(state, ctx)
        const containerId = ctx.query.get('containerId') ?? ''
        if (!cluster) return flinkRefused(state, ctx.query.get('address') ?? '')
        const tm = world.taskManagers.find(
          (m) => m.clusterId === cluster.id && m.containerId === containerId
        )
        if (!tm) return failed(state, CODE.EXCEPTION, `TaskManager ${containerId} not found`)
        return relayed(state, world.health.logs.taskManagerLog(tm.containerId))
      }
    },
    {
      method: 'POST',
      path: '/api/savepoints',
      login: true,
      handle: async (ctx) => {
        const body = ((await ctx.json()) ?? {}) as {
          taskId?: number
          current?: number
          pageSize?: number
        }
        const current = Math.max(1, Number(body.current ?? 1))
        const pageSize = Math.max(1, Number(body.pageSize ?? 10))
        const rows =
          ctx.tenantId === TENANT_ID ? world.health.records.savepointsOf(Number(body.taskId)) : []
        const page = rows.slice((current - 1) * pageSize, current * pageSize).map((s) => ({
          id: s.id,
          tenantId: TENANT_ID,
          taskId: s.taskId,
          name: s.name,
          type: s.type,
          path: s.path,
          createTime: formatLocalDateTime(s.createTime),
          creator: 1
        }))
        return jsonReply(proTableBody(page, rows.length, current, pageSize))
      }
    },
    {
      method: 'GET',
      path: '/api/alertHistory/list',
      login: true,
      handle: (ctx) => {
        const raw = ctx.query.get('jobInstanceId')
        if (raw === null)
          return failed(state, CODE.PARAMS_ERROR, 'jobInstanceId is required', null, 400)
        const instance = world.instances.find((i) => i.id === Number(raw))
        const alerts =
          instance && ctx.tenantId === TENANT_ID ? world.health.records.alertsOf(instance) : []
        return ok(
          state,
          alerts.map((a) => ({
            id: a.id,
            tenantId: TENANT_ID,
            alertGroupId: 1,
            alertGroup: null,
            jobInstanceId: a.jobInstanceId,
            title: a.title,
            content: a.content,
            status: a.status,
            log: a.log,
            createTime: formatLocalDateTime(a.createTime),
            updateTime: formatLocalDateTime(a.createTime)
          }))
        )
      }
    },
    {
      method: 'GET',
      path: '/api/task/version',
      login: true,
      handle: (ctx) => {
        const task = world.task(Number(ctx.query.get('taskId')))
        return ok(state, task && ctx.tenantId === TENANT_ID ? taskVersions(task, now()) : [])
      }
    }
  ]
}
