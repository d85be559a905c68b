/**
 * Reads a metric rule's figure out of one Dinky metrics sample (`values[vertexId][metricId]`, strings): the metric
 * id matches when it is the rule's name or ends with `.name` (`0.Source__x.pendingRecords` is `pendingRecords`).
 * With several vertices (or subtasks) the one furthest over the line speaks for the job: any vertex over counts.
 */
import type { AlertRule } from '../../../shared/alerts'
import { parseMetricValue, type MetricsPoint } from '../../../shared/metrics'
import type { JobTrack } from './alert-tracks'

type MetricRule = Extract<AlertRule, { kind: 'metric' }>

function matches(metricId: string, name: string): boolean {
  return (
    metricId === name ||
    (metricId.length > name.length &&
      metricId.endsWith(name) &&
      metricId.charCodeAt(metricId.length - name.length - 1) === 46) // '.'
  )
}

/** The most telling value of the sample for the rule (highest for `>`, lowest for `<`), or null if none is a number. */
export function metricValue(
  rule: MetricRule,
  values: Record<string, Record<string, string>>
): number | null {
  let best: number | null = null
  const consider = (metrics: Record<string, string> | undefined) => {
    if (!metrics) return
    for (const id in metrics) {
      if (!matches(id, rule.metric)) continue
      const value = parseMetricValue(metrics[id])
      if (value === null) continue
      if (best === null || (rule.op === '>' ? value > best : value < best)) best = value
    }
  }
  if (rule.vertex !== undefined) {
    if (Object.prototype.hasOwnProperty.call(values, rule.vertex)) consider(values[rule.vertex])
  } else for (const vertex in values) consider(values[vertex])
  return best
}

export function isOver(rule: MetricRule, value: number): boolean {
  return rule.op === '>' ? value > rule.value : value < rule.value
}

/** Adds the samples to the job's metric rules' windows; true when any rule took one. */
export function addMetricPoints(job: JobTrack, points: readonly MetricsPoint[]): boolean {
  let added = false
  for (const slot of job.slots) {
    if (slot.rule.rule.kind !== 'metric' || !slot.samples) continue
    for (const point of points) {
      const value = metricValue(slot.rule.rule, point.values)
      if (value === null) continue
      slot.samples.add(point.at, isOver(slot.rule.rule, value), value)
      added = true
    }
  }
  return added
}

/** The jid whose metrics a job's rules need now (a metric rule covers it and it runs), or null. */
export function metricsWanted(job: JobTrack): string | null {
  if (job.removed || job.status !== 'RUNNING' || job.jid === null) return null
  return job.slots.some((slot) => slot.samples !== null) ? job.jid : null
}
