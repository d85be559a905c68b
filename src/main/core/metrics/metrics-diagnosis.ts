/**
 * Why a wanted job shows no metrics: not running, no layout, or Dinky collecting nothing (a running job with a
 * layout, history read, live for 3 refresh periods and still not one sample). Pure, so the rule reads in one place
 * and is the same whether a sample, a backfill or the periodic check asks.
 */
import type { Job } from '../../../shared/models'
import type { MetricsDiagnosis } from '../../../shared/metrics'
import type { JobSeries } from './job-series'

/** `refreshMs` is Dinky's refresh period until the series has enough samples to show its real one. */
export function diagnoseSeries(
  series: JobSeries,
  job: Job | undefined,
  now: number,
  refreshMs: number
): MetricsDiagnosis {
  const interval = series.points.length >= 4 ? series.intervalMs() : refreshMs
  if (series.lastSampleAt !== null) return 'ok'
  if (job && job.status !== 'RUNNING') return 'not-running'
  if (series.layoutKnown && series.layout === null) return 'no-layout'
  const quiet = series.liveSince !== null && now - series.liveSince >= 3 * interval
  if (series.layoutKnown && series.historyRead && quiet) return 'collection-disabled'
  return 'waiting'
}
