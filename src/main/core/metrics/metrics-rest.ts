/**
 * Dinky's metrics endpoints as the console reads them (`MonitorController`, `JobInstanceController`, v1.1.0). The
 * history query is where 1.1 differs from what its signature says: it filters by time only and returns `content`
 * as a JSON string, so rows are filtered on `model` and their content parsed here. Everything is bounded: a
 * window at a time, a row budget per answer, a series budget per sample and a length per value.
 */
import { z } from 'zod'
import type { JobMetricsLayout, MetricsPoint } from '../../../shared/metrics'
import { toZonedTime } from '../dinky/server-zone'
import type { DinkyClient } from '../dinky/types'

/** Rows read per answer at most (1.1 returns every job's rows; beyond this the answer is cut, with a warning). */
export const MAX_ROWS_PER_ANSWER = 100_000
/** Vertices × metrics kept per sample. */
export const MAX_SERIES_PER_SAMPLE = 256
export const MAX_VALUE_LENGTH = 64
const MAX_NAME_LENGTH = 256

const flinkDataRow = z.object({
  heartTime: z.union([z.string(), z.number()]).nullish(),
  model: z.string().nullish(),
  content: z.unknown()
})
const layoutRow = z.object({
  taskId: z.number().nullish(),
  vertices: z.string().nullish(),
  verticesTitle: z.string().nullish(),
  metrics: z.string().nullish()
})
const layoutVo = z.object({
  layoutName: z.string(),
  flinkJobId: z.string().nullish(),
  taskId: z.number().nullish(),
  metrics: z.array(layoutRow).nullish()
})

/** A `MetricsVO.content` (object on the stream, JSON string in history) as bounded string values; null if none. */
export function parseContent(content: unknown): Record<string, Record<string, string>> | null {
  let value = content
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return null
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const out: Record<string, Record<string, string>> = {}
  let series = 0
  for (const [vertex, metrics] of Object.entries(value as Record<string, unknown>)) {
    if (typeof metrics !== 'object' || metrics === null || vertex.length > MAX_NAME_LENGTH) continue
    for (const [metric, raw] of Object.entries(metrics as Record<string, unknown>)) {
      if (series >= MAX_SERIES_PER_SAMPLE || metric.length > MAX_NAME_LENGTH) break
      if (raw === null || typeof raw === 'object') continue
      out[vertex] ??= {}
      out[vertex][metric] = String(raw).slice(0, MAX_VALUE_LENGTH)
      series += 1
    }
  }
  return Object.keys(out).length > 0 ? out : null
}

/** A heart time (server-local text, or WS epoch) as epoch ms, through the same mapping as every other time. */
export function heartTimeMs(
  value: string | number | null | undefined,
  offsetMs: number
): number | null {
  const zoned = toZonedTime(value, offsetMs)
  const ms = zoned === null ? NaN : Date.parse(zoned)
  return Number.isFinite(ms) ? ms : null
}

/**
 * `GET /api/monitor/getFlinkData` for [from, to]: the rows of `jids` only, parsed, grouped by job. `flinkJobIds`
 * must be non-empty (Dinky splits it unguarded) though 1.1 then ignores it.
 */
export async function fetchFlinkData(
  client: DinkyClient,
  from: number,
  to: number,
  jids: readonly string[]
): Promise<{ byJob: Map<string, MetricsPoint[]>; rows: number; cut: boolean }> {
  const { data } = await client.call('/api/monitor/getFlinkData', z.array(z.unknown()), {
    query: { startTime: Math.floor(from), endTime: Math.ceil(to), flinkJobIds: jids.join(',') }
  })
  const wanted = new Set(jids)
  const offset = client.serverUtcOffsetMs()
  const byJob = new Map<string, MetricsPoint[]>()
  const rows = Math.min(data.length, MAX_ROWS_PER_ANSWER)
  for (let i = 0; i < rows; i++) {
    const parsed = flinkDataRow.safeParse(data[i])
    if (!parsed.success || !parsed.data.model || !wanted.has(parsed.data.model)) continue
    const at = heartTimeMs(parsed.data.heartTime, offset)
    const values = parseContent(parsed.data.content)
    if (at === null || values === null) continue
    const list = byJob.get(parsed.data.model) ?? []
    list.push({ at, values, source: 'backfill' })
    byJob.set(parsed.data.model, list)
  }
  for (const list of byJob.values()) list.sort((a, b) => a.at - b.at)
  return { byJob, rows, cut: data.length > MAX_ROWS_PER_ANSWER }
}

function toLayout(
  name: string,
  taskId: number,
  rows: z.infer<typeof layoutRow>[]
): JobMetricsLayout {
  return {
    name,
    taskId,
    entries: rows
      .filter((row) => row.vertices && row.metrics)
      .slice(0, MAX_SERIES_PER_SAMPLE)
      .map((row) => ({
        vertex: String(row.vertices),
        vertexTitle: row.verticesTitle ?? '',
        metric: String(row.metrics)
      }))
  }
}

/** `getMetricsLayout`, the layout whose `flinkJobId` is `jid` (Dinky resolves it to the task's latest job). */
export async function fetchLayoutOf(
  client: DinkyClient,
  jid: string
): Promise<JobMetricsLayout | null> {
  const { data } = await client.call('/api/monitor/getMetricsLayout', z.array(layoutVo).nullable())
  const found = (data ?? []).find((layout) => layout.flinkJobId === jid)
  return found ? toLayout(found.layoutName, found.taskId ?? 0, found.metrics ?? []) : null
}

/** `getMetricsLayoutByName?layoutName=<name>-<taskId>`. */
export async function fetchLayoutByName(
  client: DinkyClient,
  name: string,
  taskId: number
): Promise<JobMetricsLayout> {
  const { data } = await client.call(
    '/api/monitor/getMetricsLayoutByName',
    z.array(layoutRow).nullable(),
    { query: { layoutName: name } }
  )
  return toLayout(name, taskId, data ?? [])
}

/** `getJobMetricsItems`: Flink's `[{id}]` metric names of a vertex. */
export async function fetchMetricItems(
  client: DinkyClient,
  address: string,
  jid: string,
  vertex: string
): Promise<string[]> {
  const { data } = await client.call(
    '/api/jobInstance/getJobMetricsItems',
    z.array(z.object({ id: z.string() })).nullable(),
    { query: { address, jobId: jid, verticeId: vertex } }
  )
  return (data ?? []).slice(0, 1000).map((item) => item.id)
}

/** `PUT saveFlinkMetrics/{layout}`: replaces the layout's rows; Dinky then restarts the job's refresh task. */
export async function saveLayout(client: DinkyClient, layout: JobMetricsLayout): Promise<void> {
  const rows = layout.entries.map((entry, position) => ({
    taskId: layout.taskId,
    vertices: entry.vertex,
    verticesTitle: entry.vertexTitle,
    metrics: entry.metric,
    position,
    showType: 'Chart',
    showSize: '25%',
    title: entry.metric,
    layoutName: layout.name
  }))
  await client.call(
    `/api/monitor/saveFlinkMetrics/${encodeURIComponent(layout.name)}`,
    z.unknown(),
    {
      method: 'PUT',
      body: rows
    }
  )
}
