/**
 * The shapes of one checkpoint trend chart (issue 24), computed apart from React as the metric charts' are
 * (`metrics/chart-geometry.ts`) so they are tested plainly: the completed checkpoints' line and dots, the failed
 * ones' markers, reference lines (interval, timeout), and the y axis from zero to a round top. Checkpoints map to
 * x by trigger time over the history, values to y over zero..top.
 */
import type { CheckpointEntry } from '../../../../shared/job-health'

export type TrendField = 'durationMs' | 'checkpointedSize' | 'stateSize'

export interface TrendPoint {
  id: number
  at: number
  value: number | null
  failed: boolean
}

export interface TrendRef {
  key: 'interval' | 'timeout' | 'interval-timeout'
  value: number
}

export interface TrendChartShape {
  line: string
  dots: Array<{ id: number; x: number; y: number; value: number }>
  /** Failed checkpoints: at their value when known, on the baseline when not; clamped to the plot. */
  failed: Array<{ id: number; x: number; y: number }>
  /** Reference lines inside the scale; `offScale` ones (far above the data) are only named, not drawn. */
  refs: Array<TrendRef & { y: number; offScale: boolean }>
  ticks: Array<{ y: number; value: number }>
  from: number | null
  to: number | null
  plot: { left: number; right: number; top: number; bottom: number }
}

/** A reference line counts in the scale only up to this many times the data's top: beyond, the data would flatten. */
export const REF_SCALE_LIMIT = 4

/** The checkpoints (savepoints and in-progress ones left out) with `field`, oldest first. */
export function trendPoints(history: readonly CheckpointEntry[], field: TrendField): TrendPoint[] {
  const points: TrendPoint[] = []
  for (const entry of history) {
    if (entry.isSavepoint || entry.triggerAt === null) continue
    if (entry.status !== 'COMPLETED' && entry.status !== 'FAILED') continue
    const failed = entry.status === 'FAILED'
    // A failed checkpoint's sizes are Flink's zero for "nothing written": not a measured size.
    const value = failed && field !== 'durationMs' ? null : entry[field]
    points.push({ id: entry.id, at: entry.triggerAt, value, failed })
  }
  return points.sort((a, b) => a.at - b.at)
}

/** The interval and timeout as reference lines; one line when they are equal. */
export function durationRefs(intervalMs: number | null, timeoutMs: number | null): TrendRef[] {
  if (intervalMs !== null && intervalMs > 0 && intervalMs === timeoutMs)
    return [{ key: 'interval-timeout', value: intervalMs }]
  const refs: TrendRef[] = []
  if (intervalMs !== null && intervalMs > 0) refs.push({ key: 'interval', value: intervalMs })
  if (timeoutMs !== null && timeoutMs > 0) refs.push({ key: 'timeout', value: timeoutMs })
  return refs
}

/** Round tops: close enough above the data that a line near the top is not squeezed into half the chart. */
const STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]

/**
 * The smallest round number (a {@link STEPS} multiple of a power of ten, or of 1024 for `binary` sizes, which
 * `formatBytes` prints in binary units) at or above `value`: a top the axis can label roundly.
 */
export function niceCeil(value: number, binary = false): number {
  if (value <= 0) return 1
  const unit = binary ? 1024 ** Math.max(0, Math.floor(Math.log(value) / Math.log(1024))) : 1
  const power = unit * 10 ** Math.floor(Math.log10(value / unit))
  const step = STEPS.find((m) => m * power >= value * (1 - 1e-9)) ?? 10
  return step * power
}

export function buildTrendChart(options: {
  points: readonly TrendPoint[]
  refs: readonly TrendRef[]
  width: number
  height: number
  /** Sizes in bytes: a top round in binary units. */
  binary?: boolean
}): TrendChartShape {
  const { points, width, height } = options
  const plot = { left: 50, right: width - 8, top: 10, bottom: height - 20 }
  const completed = points.filter((p) => !p.failed && p.value !== null)
  const dataMax = Math.max(0, ...completed.map((p) => p.value as number))
  const inScale = options.refs.filter((r) => dataMax === 0 || r.value <= dataMax * REF_SCALE_LIMIT)
  const top = niceCeil(Math.max(dataMax, ...inScale.map((r) => r.value)) * 1.05, options.binary)
  const from = points.length ? points[0].at : null
  const to = points.length ? points[points.length - 1].at : null
  const x = (at: number) =>
    from === null || to === null || to === from
      ? (plot.left + plot.right) / 2
      : plot.left + ((at - from) / (to - from)) * (plot.right - plot.left)
  const y = (value: number) =>
    plot.bottom - (Math.min(Math.max(value, 0), top) / top) * (plot.bottom - plot.top)
  const dots = completed.map((p) => ({
    id: p.id,
    x: x(p.at),
    y: y(p.value as number),
    value: p.value as number
  }))
  return {
    line: dots.map((d) => `${d.x.toFixed(1)},${d.y.toFixed(1)}`).join(' '),
    dots,
    failed: points
      .filter((p) => p.failed)
      .map((p) => ({ id: p.id, x: x(p.at), y: y(p.value ?? 0) })),
    refs: options.refs.map((r) => ({ ...r, y: y(r.value), offScale: !inScale.includes(r) })),
    ticks: [0, top / 2, top].map((value) => ({ value, y: y(value) })),
    from,
    to,
    plot
  }
}
