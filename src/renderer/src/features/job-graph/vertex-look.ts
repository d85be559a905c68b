/**
 * How a vertex looks, as Flink's web UI colours it (FLINK-14814): idle blue through to busy red by busy %, a
 * backpressured vertex hatched (denser when HIGH), and, from FLINK-34025, skewed when its busiest subtask handles
 * about twice the mean or more. Every state is also said in words on the vertex: colour is never alone.
 */
import type { BackpressureLevel, VertexHealth } from '../../../../shared/job-health'

/** Flink's UI calls a vertex skewed from a max/mean of about 2. */
export const SKEWED_FROM = 2

export interface VertexLook {
  fill: string
  stroke: string
  text: string
  backpressure: BackpressureLevel
  skewed: boolean
}

/** Hue 210 (blue, idle) down to 0 (red, fully busy); grey when Flink gave no busy ratio. */
export function busyFill(busyPct: number | null, dark: boolean): string {
  if (busyPct === null || !Number.isFinite(busyPct))
    return dark ? 'hsl(220, 8%, 26%)' : 'hsl(220, 10%, 92%)'
  const busy = Math.min(100, Math.max(0, busyPct)) / 100
  const hue = Math.round(210 * (1 - busy))
  return dark ? `hsl(${hue}, 55%, ${28 + busy * 6}%)` : `hsl(${hue}, 85%, ${86 - busy * 10}%)`
}

export function isSkewed(vertex: VertexHealth): boolean {
  return (vertex.skew?.maxPerMean ?? 0) >= SKEWED_FROM
}

export function vertexLook(vertex: VertexHealth, dark: boolean): VertexLook {
  const skewed = isSkewed(vertex)
  return {
    fill: busyFill(vertex.busyPct, dark),
    stroke: skewed ? (dark ? '#ffb340' : '#d46b08') : dark ? '#8c8c8c' : '#595959',
    text: dark ? '#f0f0f0' : '#141414',
    backpressure: vertex.backpressure ?? 'ok',
    skewed
  }
}
