/**
 * Which charts a job's Metrics tab draws: the layout's vertex × metric entries when Dinky has one, else whatever
 * the samples carry; grouped by vertex in the order first seen.
 */
import type { JobMetricsView } from '../../../../shared/metrics'

export interface VertexGroup {
  vertex: string
  title: string
  metrics: string[]
}

/** Charts at most per job: a layout of hundreds would not be read anyway, and each chart costs a render. */
export const MAX_CHARTS = 64

export function groupSeries(view: JobMetricsView | undefined): VertexGroup[] {
  if (!view) return []
  const groups = new Map<string, VertexGroup>()
  const add = (vertex: string, title: string, metric: string) => {
    const group = groups.get(vertex) ?? { vertex, title, metrics: [] }
    if (!group.title && title) group.title = title
    if (!group.metrics.includes(metric)) group.metrics.push(metric)
    groups.set(vertex, group)
  }
  let count = 0
  for (const entry of view.layout?.entries ?? []) {
    if (count++ >= MAX_CHARTS) break
    add(entry.vertex, entry.vertexTitle, entry.metric)
  }
  if (count === 0) {
    const last = view.points[view.points.length - 1]
    for (const [vertex, metrics] of Object.entries(last?.values ?? {}))
      for (const metric of Object.keys(metrics)) if (count++ < MAX_CHARTS) add(vertex, '', metric)
  }
  return [...groups.values()]
}
