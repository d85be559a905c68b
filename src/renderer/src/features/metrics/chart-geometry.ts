/**
 * The shapes of one metric chart, computed apart from React so they are tested plainly and memoized per series:
 * polylines split where the series breaks (a gap, or pushed vs backfilled runs), the outage and hole bands, and
 * the last value (a number, or text kept as text). Times map to x over the chosen window, values to y over the
 * window's own range.
 */
import {
  findGaps,
  parseMetricValue,
  type MetricsGap,
  type MetricsPoint,
  type MetricsRange,
  type MetricsSource
} from '../../../../shared/metrics'

export interface ChartSegment {
  source: MetricsSource
  points: string
}

export interface ChartBand {
  x: number
  width: number
  kind: MetricsGap['kind']
}

export interface ChartShape {
  segments: ChartSegment[]
  bands: ChartBand[]
  last: { value: string; numeric: boolean; at: number } | null
  min: number
  max: number
  /** Samples of this series in the window. */
  count: number
}

/** First index whose `at` is at or after `from` (points ascending). */
function firstFrom(points: readonly MetricsPoint[], from: number): number {
  let lo = 0
  let hi = points.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (points[mid].at < from) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function buildChart(options: {
  points: readonly MetricsPoint[]
  vertex: string
  metric: string
  from: number
  to: number
  outages: readonly MetricsRange[]
  intervalMs: number
  width: number
  height: number
}): ChartShape {
  const { points, vertex, metric, from, to, width, height } = options
  const start = firstFrom(points, from)
  const inWindow: Array<{ at: number; value: number | null; text: string; source: MetricsSource }> =
    []
  for (let i = start; i < points.length && points[i].at <= to; i++) {
    const text = points[i].values[vertex]?.[metric]
    if (text === undefined) continue
    inWindow.push({
      at: points[i].at,
      value: parseMetricValue(text),
      text,
      source: points[i].source
    })
  }
  const lastPoint = inWindow[inWindow.length - 1]
  const last = lastPoint
    ? { value: lastPoint.text, numeric: lastPoint.value !== null, at: lastPoint.at }
    : null
  let min = Infinity
  let max = -Infinity
  for (const p of inWindow) {
    if (p.value === null) continue
    if (p.value < min) min = p.value
    if (p.value > max) max = p.value
  }
  if (min === Infinity) min = max = 0
  const span = max - min || Math.abs(max) || 1
  const x = (at: number) => ((at - from) / (to - from)) * width
  const y = (value: number) => height - 3 - ((value - min) / span) * (height - 6)
  const windowOutages = options.outages.filter((o) => o.to >= from && o.from <= to)
  const gaps = findGaps(
    inWindow.map((p) => ({ at: p.at, values: {}, source: p.source })),
    windowOutages,
    options.intervalMs
  )
  const bands = gaps.map((gap) => {
    const left = Math.max(0, x(gap.from))
    return { x: left, width: Math.max(1, Math.min(width, x(gap.to)) - left), kind: gap.kind }
  })
  const breaks = new Set(gaps.filter((g) => g.kind === 'hole').map((g) => g.to))
  for (const o of windowOutages) {
    const after = inWindow.find((p) => p.at >= o.to)
    if (after) breaks.add(after.at)
  }
  // Thin to about two points per pixel: a 6 h window at 1 s would be 21,600 vertices per line.
  const stride = Math.max(1, Math.floor(inWindow.length / (width * 2)))
  // Coordinates are collected per run and joined once at the end: joining on every point made a chart's cost
  // grow with the square of its samples (48 charts × 300 samples each second).
  const runs: Array<{ source: MetricsSource; coords: string[] }> = []
  let current: { source: MetricsSource; coords: string[] } | null = null
  let previous: string | null = null
  inWindow.forEach((p, i) => {
    if (p.value === null) {
      current = null
      previous = null
      return
    }
    if (i % stride !== 0 && i !== inWindow.length - 1 && !breaks.has(p.at)) return
    const coord = `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`
    if (breaks.has(p.at)) previous = null
    if (!current || current.source !== p.source || breaks.has(p.at)) {
      current = { source: p.source, coords: previous ? [previous] : [] }
      runs.push(current)
    }
    current.coords.push(coord)
    previous = coord
  })
  const segments: ChartSegment[] = runs.map((run) => ({
    source: run.source,
    points: run.coords.join(' ')
  }))
  return { segments, bands, last, min, max, count: inWindow.length }
}
