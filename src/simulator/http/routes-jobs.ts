/**
 * Job instances (`JobInstanceController`) and the task actions that change the world (`TaskController`): cancel,
 * restart, savepoint, submit. Lists are filtered by the `tenantId` cookie: without it nothing matches, as
 * MyBatis-Plus's tenant line adds `tenant_id = NULL`.
 */

import { failed, ok, type SimState } from '../sim-state'
import type { JobInstanceRecord } from '../world/entities'
import { TENANT_ID } from '../world/entities'
import { CODE, jsonReply, proTableBody } from './envelope'
import type { RequestContext } from './request'
import type { Route } from './router'
import { jobInstance, jobInstanceVo, statusCounts } from './wire-jobs'
import { jobInfoDetailWithHealth } from './wire-job-health'
import { taskManagerToWire } from './wire-infra'
import { isDinky10 } from '../releases'

interface ProTableBody {
  current?: number
  pageSize?: number
  sorter?: Record<string, 'ascend' | 'descend'>
  filter?: Record<string, unknown[] | null>
  status?: string
  name?: string
  jid?: string
  taskId?: number[]
  isHistory?: boolean
}

const SNAKE_TO_FIELD: Record<string, keyof JobInstanceRecord> = {
  task_id: 'taskId',
  status: 'status',
  step: 'step',
  id: 'id'
}

/** Why one collator: `localeCompare` with options builds one per call, which at 2,000 rows is most of a page. */
const COLLATOR = new Intl.Collator(undefined, { numeric: true })

function compareField(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return COLLATOR.compare(String(a), String(b))
}

async function listInstances(state: SimState, ctx: RequestContext) {
  const body = ((await ctx.json()) ?? {}) as ProTableBody
  const current = Math.max(1, Number(body.current ?? 1))
  const pageSize = Math.max(1, Number(body.pageSize ?? 10))
  const { world } = state
  let rows =
    ctx.tenantId === TENANT_ID
      ? body.isHistory
        ? [...world.instances]
        : world.latestInstances()
      : []
  if (body.status) rows = rows.filter((row) => row.status === body.status)
  if (body.name) rows = rows.filter((row) => row.name.includes(body.name ?? ''))
  if (body.jid) rows = rows.filter((row) => row.jid.includes(body.jid ?? ''))
  if (Array.isArray(body.taskId) && body.taskId.length > 0)
    rows = rows.filter((row) => body.taskId?.includes(row.taskId))
  for (const [column, values] of Object.entries(body.filter ?? {})) {
    const field = SNAKE_TO_FIELD[column]
    if (field && Array.isArray(values) && values.length > 0) {
      rows = rows.filter((row) => values.map(String).includes(String(row[field])))
    }
  }
  const [sortField, direction] = Object.entries(body.sorter ?? {})[0] ?? ['id', 'ascend']
  const key = (sortField in (rows[0] ?? {}) ? sortField : 'id') as keyof JobInstanceRecord
  rows = [...rows].sort((a, b) => {
    const order = compareField(a[key], b[key])
    return direction === 'descend' ? -order : order
  })
  const page = rows.slice((current - 1) * pageSize, current * pageSize)
  const withOwners = !isDinky10(state.options.version)
  const data = page.map((row) => jobInstanceVo(row, world, withOwners))
  return jsonReply(proTableBody(data, rows.length, current, pageSize))
}

/** Dinky's `JobResult` of a (re)submission. */
function jobResult(instance: JobInstanceRecord, state: SimState): object {
  const cluster = state.world.clusters.find((c) => c.id === instance.clusterId)
  return {
    id: instance.historyId,
    jobConfig: null,
    jobManagerAddress: cluster?.jobManagerHost ?? null,
    status: 'SUCCESS',
    success: true,
    statement: state.world.task(instance.taskId)?.statement ?? null,
    jobId: instance.jid,
    jobInstanceId: instance.id,
    jids: [instance.jid],
    error: null,
    result: null,
    startTime: null,
    endTime: null,
    log: null
  }
}

function taskAction(
  state: SimState,
  ctx: RequestContext,
  param: string,
  act: (taskId: number) => ReturnType<typeof ok>
) {
  const taskId = Number(ctx.query.get(param))
  if (!state.world.task(taskId) || !state.world.latestOf(taskId)) {
    return failed(state, CODE.ERROR, `Task ${ctx.query.get(param)} does not exist`)
  }
  return act(taskId)
}

function savepoint(state: SimState, taskId: number, type: string) {
  const instance = state.world.latestOf(taskId) as JobInstanceRecord
  const path = `hdfs:///flink/savepoints/savepoint-${instance.jid.slice(0, 6)}-${state.world.rng.hex(12)}`
  if (type === 'STOP' || type === 'CANCEL') state.world.cancel(taskId)
  state.world.health.records.recordSavepoint(taskId, path, type, state.options.now())
  return ok(
    state,
    {
      jobInfos: [{ jobId: instance.jid, savePoint: path, status: 'SUCCESS' }],
      type,
      isSuccess: true
    },
    'EXECUTE_SUCCESS'
  )
}

export function jobRoutes(state: SimState): Route[] {
  const { world } = state
  const ownTenant = (ctx: RequestContext) => ctx.tenantId === TENANT_ID
  return [
    {
      method: 'POST',
      path: '/api/jobInstance',
      login: true,
      handle: (ctx) => listInstances(state, ctx)
    },
    {
      method: 'GET',
      path: '/api/jobInstance/getStatusCount',
      login: true,
      handle: (ctx) => ok(state, statusCounts(ownTenant(ctx) ? world.latestInstances() : [], world))
    },
    {
      method: 'GET',
      path: '/api/jobInstance/getJobInfoDetail',
      login: true,
      handle: (ctx) => {
        const instance = world.instances.find((i) => i.id === Number(ctx.query.get('id')))
        if (!instance || !ownTenant(ctx))
          return failed(state, CODE.ERROR, 'The job instance does not exist')
        return ok(state, jobInfoDetailWithHealth(instance, world, ctx.at))
      }
    },
    {
      method: 'GET',
      path: '/api/jobInstance/getJobInstanceByTaskId',
      login: true,
      handle: (ctx) => {
        const instance = ownTenant(ctx)
          ? world.latestOf(Number(ctx.query.get('taskId')))
          : undefined
        return ok(state, instance ? jobInstance(instance, world) : null)
      }
    },
    {
      method: 'GET',
      path: '/api/jobInstance/getTaskManagerList',
      login: true,
      handle: (ctx) => {
        const address = ctx.query.get('address') ?? ''
        const cluster = world.clusters.find((c) => c.jobManagerHost === address)
        if (!cluster?.available || !world.health.isFlinkReachable(cluster.id)) {
          return failed(
            state,
            CODE.EXCEPTION,
            `Connection refused: ${address}`,
            `java.net.ConnectException: Connection refused: ${address}`
          )
        }
        const managers = world.taskManagers.filter((tm) => tm.clusterId === cluster.id)
        return ok(
          state,
          managers.map((tm) => taskManagerToWire(tm))
        )
      }
    },
    {
      method: 'GET',
      path: '/api/task/cancel',
      login: true,
      handle: (ctx) =>
        taskAction(state, ctx, 'id', (taskId) => ok(state, world.cancel(taskId), 'EXECUTE_SUCCESS'))
    },
    {
      method: 'GET',
      path: '/api/task/restartTask',
      login: true,
      handle: (ctx) =>
        taskAction(state, ctx, 'id', (taskId) => {
          const path = ctx.query.get('savePointPath')
          const before = world.latestOf(taskId)
          const previous = before ? world.health.state(before, ctx.at) : null
          const instance = world.submit(taskId)
          if (path) world.health.restoreFrom(instance, path, previous)
          return ok(state, jobResult(instance, state), 'RESTART_SUCCESS')
        })
    },
    {
      method: 'GET',
      path: '/api/task/submitTask',
      login: true,
      handle: (ctx) =>
        taskAction(state, ctx, 'id', (taskId) =>
          ok(state, jobResult(world.submit(taskId), state), 'EXECUTE_SUCCESS')
        )
    },
    {
      method: 'GET',
      path: '/api/task/savepoint',
      login: true,
      handle: (ctx) =>
        taskAction(state, ctx, 'taskId', (taskId) =>
          savepoint(state, taskId, (ctx.query.get('savePointType') ?? 'trigger').toUpperCase())
        )
    }
  ]
}
