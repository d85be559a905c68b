/**
 * Live Flink metrics as the console keeps them: per job, samples (Dinky's `MetricsVO`, one per collection cycle)
 * keyed by their heart time, each marked with how it reached us, and the intervals our own connection was down
 * and not yet filled from Dinky's history. Shared by the core, the IPC contract, the CLI and the renderer.
 */

/** `push`: arrived on the live stream; `backfill`: read from `getFlinkData` after a reconnect. */
export type MetricsSource = 'push' | 'backfill'

/** One sample: `values[vertexId][metricId]` as Dinky sent it (strings; a non-number stays as text). */
export interface MetricsPoint {
  /** Epoch ms of the heart time (server-local `yyyy-MM-dd HH:mm:ss` mapped with the server's offset). */
  at: number
  values: Record<string, Record<string, string>>
  source: MetricsSource
}

export interface MetricsRange {
  from: number
  to: number
}

/**
 * What the console can say about a job's metrics: `waiting` until the first sample or 3 refresh intervals,
 * `collection-disabled` when a running job has a layout and neither pushes nor history came (Dinky's collection
 * switch is off), `no-layout` when Dinky has no metrics chosen for it, `not-running`, `ok`.
 */
export type MetricsDiagnosis =
  'waiting' | 'ok' | 'no-layout' | 'collection-disabled' | 'not-running'

/** One chart a layout asks for. */
export interface MetricsLayoutEntry {
  vertex: string
  vertexTitle: string
  metric: string
}

export interface JobMetricsLayout {
  /** Dinky web's name: `<job name>-<taskId>`. */
  name: string
  taskId: number
  entries: MetricsLayoutEntry[]
}

/** A job's metrics state besides its points: what every view and every update carries. */
export interface JobMetricsState {
  jid: string
  /** Our outages not (yet) filled from history: drawn differently from holes the server left. */
  outages: MetricsRange[]
  lastSampleAt: number | null
  /** Dinky's collection period as observed (median sample spacing), 5 s until known. */
  intervalMs: number
  diagnosis: MetricsDiagnosis
  layout: JobMetricsLayout | null
  /** True when the points come from the cache (server unreachable); `asOf` is when they were saved. */
  stale: boolean
  asOf: number | null
}

/** Everything known about one job's metrics: the renderer's starting point, then updates. */
export interface JobMetricsView extends JobMetricsState {
  points: MetricsPoint[]
}

/** An update of one job: new points (each once, any order of arrival, ascending here) and the current state. */
export interface MetricsUpdate extends JobMetricsState {
  added: MetricsPoint[]
}

/** How long a job's history is kept (memory and cache). */
export const METRICS_WINDOW_MS = 6 * 60 * 60 * 1000
/** Dinky's `FlinkTaskConstant.TIME_SLEEP`: the collection period until samples show the real one. */
export const DEFAULT_METRICS_INTERVAL_MS = 5_000

/** A metric value as a number, or null for text that is not one (kept and shown as text, never as 0). */
export function parseMetricValue(value: string): number | null {
  const text = value.trim()
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null
  const number = Number(text)
  return Number.isFinite(number) ? number : null
}

/** Merges `added` into `points` (both ascending by `at`); a time already present is kept once, as first seen. */
export function mergePoints(
  points: MetricsPoint[],
  added: readonly MetricsPoint[]
): MetricsPoint[] {
  if (added.length === 0) return points
  const last = points[points.length - 1]
  if (!last || added[0].at > last.at) return points.concat(added)
  const byAt = new Map<number, MetricsPoint>()
  for (const point of points) byAt.set(point.at, point)
  for (const point of added) if (!byAt.has(point.at)) byAt.set(point.at, point)
  return [...byAt.values()].sort((a, b) => a.at - b.at)
}

/** A gap in a series: `outage` (we were not connected) or `hole` (the server collected nothing). */
export interface MetricsGap extends MetricsRange {
  kind: 'outage' | 'hole'
}

/**
 * Why holes are told from outages: after a backfill, what is still missing inside an interval we covered was never
 * collected by Dinky. A hole is a spacing of more than 2.5 collection periods that no outage overlaps.
 */
export function findGaps(
  points: readonly MetricsPoint[],
  outages: readonly MetricsRange[],
  intervalMs: number
): MetricsGap[] {
  const gaps: MetricsGap[] = outages.map((o) => ({ ...o, kind: 'outage' as const }))
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1].at
    const to = points[i].at
    if (to - from <= intervalMs * 2.5) continue
    if (outages.some((o) => o.from < to && o.to > from)) continue
    gaps.push({ from, to, kind: 'hole' })
  }
  return gaps.sort((a, b) => a.from - b.from)
}

/** The median spacing of the last samples: Dinky's refresh interval as the server really runs it. */
export function observedInterval(points: readonly MetricsPoint[]): number {
  const diffs: number[] = []
  for (let i = Math.max(1, points.length - 40); i < points.length; i++)
    diffs.push(points[i].at - points[i - 1].at)
  if (diffs.length < 3) return DEFAULT_METRICS_INTERVAL_MS
  diffs.sort((a, b) => a - b)
  return Math.max(100, diffs[Math.floor(diffs.length / 2)])
}
