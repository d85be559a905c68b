/**
 * Dinky's metrics endpoints (`controller/MonitorController.java` and `JobInstanceController.getJobMetricsItems`,
 * `getJobMetricsData`, v1.1.0): layouts, saving a layout, the metric names Flink offers, a vertex's metric values, and the stored history. `getFlinkData` keeps
 * 1.1's quirks: `MonitorServiceImpl.getData` filters by heart time only (`getUtcCondition`, inclusive on both ends)
 * whatever `flinkJobIds` says, and sets `content` from the stored column, so it is a JSON *string*.
 */

import { ok, type SimState } from '../sim-state'
import type { MetricsLayoutRow } from '../world/metrics'
import { formatDate, formatDateTime, formatLocalDateTime } from '../world/time-format'
import { springRejectionReply } from './envelope'
import type { RequestContext } from './request'
import type { Route } from './router'
import { isDinky10 } from '../releases'
import { subtaskMetrics } from './wire-job-plan'

/**
 * `data/model/Metrics.java` in field order; `createTime`/`updateTime` through jsr310's serializer (ISO). 1.0.x's
 * model has no `verticesTitle` (v1.0.3, and a recording of a real 1.0.3).
 */
export function layoutRowToWire(row: MetricsLayoutRow, version: string): object {
  return {
    id: row.id,
    taskId: row.taskId,
    vertices: row.vertices,
    ...(isDinky10(version) ? {} : { verticesTitle: row.verticesTitle }),
    metrics: row.metrics,
    position: row.position,
    showType: row.showType,
    showSize: row.showSize,
    title: row.title,
    layoutName: row.layoutName,
    createTime: formatLocalDateTime(row.createTime),
    updateTime: formatLocalDateTime(row.updateTime),
    jobId: null
  }
}

function getFlinkData(state: SimState, ctx: RequestContext) {
  const start = ctx.query.get('startTime')
  // `@RequestParam Long startTime`: missing or not a number, Spring rejects it before the controller.
  if (start === null)
    return springRejectionReply({ kind: 'missing-param', name: 'startTime', type: 'Long' }, ctx.at)
  if (!/^-?\d+$/.test(start))
    return springRejectionReply(
      { kind: 'type-mismatch', value: start, type: 'java.lang.Long' },
      ctx.at
    )
  const endText = ctx.query.get('endTime')
  const end = endText === null || endText === '' ? state.options.now() : Number(endText)
  const ids = ctx.query.get('flinkJobIds')
  // `flinkJobIds.split(",")` on a null String: a NullPointerException, which Dinky answers with code 5.
  if (ids === null) throw new Error('java.lang.NullPointerException')
  if (end <= Number(start)) throw new Error('The end date must be greater than the start date!')
  const rows = state.world.metrics.between(Number(start), end).map((sample) => ({
    heartTime: formatDateTime(sample.at),
    model: sample.jid,
    content: JSON.stringify(sample.content),
    date: formatDate(sample.at)
  }))
  return ok(state, rows)
}

export function monitorRoutes(state: SimState): Route[] {
  const { world } = state
  return [
    {
      method: 'GET',
      path: '/api/monitor/getFlinkData',
      login: true,
      handle: (ctx) => getFlinkData(state, ctx)
    },
    {
      method: 'GET',
      path: '/api/monitor/getMetricsLayout',
      login: true,
      handle: () => {
        const layouts = [...world.metrics.layouts()].map(([layoutName, rows]) => ({
          layoutName,
          flinkJobId: world.latestOf(rows[0].taskId)?.jid ?? null,
          taskId: rows[0].taskId,
          showInDashboard: true,
          metrics: rows.map((row) => layoutRowToWire(row, state.options.version))
        }))
        return ok(state, layouts)
      }
    },
    {
      method: 'GET',
      path: '/api/monitor/getMetricsLayoutByName',
      login: true,
      handle: (ctx) => {
        const name = ctx.query.get('layoutName')
        if (name === null)
          return springRejectionReply(
            { kind: 'missing-param', name: 'layoutName', type: 'String' },
            ctx.at
          )
        return ok(
          state,
          world.metrics.rowsOf(name).map((row) => layoutRowToWire(row, state.options.version))
        )
      }
    },
    {
      method: 'PUT',
      path: '/api/monitor/saveFlinkMetrics/',
      prefix: true,
      login: true,
      handle: async (ctx) => {
        const layoutName = decodeURIComponent(ctx.path.slice(ctx.path.lastIndexOf('/') + 1))
        const body = await ctx.json()
        if (!Array.isArray(body))
          return springRejectionReply(
            {
              kind: 'unreadable-body',
              detail: 'JSON parse error: Cannot deserialize value of type `java.util.ArrayList`'
            },
            ctx.at
          )
        world.metrics.saveLayout(layoutName, body as Array<Partial<MetricsLayoutRow>>)
        return ok(state, null)
      }
    },
    {
      method: 'GET',
      path: '/api/jobInstance/getJobMetricsItems',
      login: true,
      handle: (ctx) => {
        // Flink's `GET /jobs/<jid>/vertices/<vid>/metrics`: `[{"id": "<metric>"}]`. Guess: an unknown job or
        // vertex gives an empty list here (Flink answers 404 and Dinky's FlinkAPI would raise).
        const jid = ctx.query.get('jobId') ?? ''
        const known = world.instances.some((i) => i.jid === jid && i.status === 'RUNNING')
        return ok(state, known ? world.metrics.metricIds().map((id) => ({ id })) : [])
      }
    },
    {
      method: 'GET',
      path: '/api/jobInstance/getJobMetricsData',
      login: true,
      handle: (ctx) => {
        // Flink's `GET /jobs/<jid>/vertices/<vid>/metrics?get=a,b`: `[{"id", "value"}]`, the per-subtask record
        // counts of the job's plan (`<i>.numRecordsIn`). Every parameter is a required `@RequestParam`.
        for (const name of ['address', 'jobId', 'verticeId', 'metrics']) {
          if (ctx.query.get(name) === null)
            return springRejectionReply({ kind: 'missing-param', name, type: 'String' }, ctx.at)
        }
        const jid = ctx.query.get('jobId') ?? ''
        const instance = world.instances.find((i) => i.jid === jid && i.status === 'RUNNING')
        if (!instance) return ok(state, [])
        const names = (ctx.query.get('metrics') ?? '').split(',').slice(0, 1_000)
        const at = world.health.flinkTime(instance, ctx.at)
        const flink = world.health.state(instance, at)
        const vertex = ctx.query.get('verticeId') ?? ''
        return ok(state, subtaskMetrics(instance, flink, vertex, names, at))
      }
    }
  ]
}
