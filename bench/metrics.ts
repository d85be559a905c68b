/**
 * `metrics`: 48 live charts updated at 1 Hz for 5 minutes in the built app (p95 frame < 20 ms, no long task over
 * 100 ms, heap flat), and a backfill of one hour of samples for 10 jobs (time and bytes beside one bare fetch).
 */
import { measureCharts } from './app/metrics-charts'
import type { BenchOptions, BenchResult } from './bench-types'
import { measureBackfill } from './metrics-backfill'

export async function runMetrics(options: BenchOptions, template: string): Promise<BenchResult> {
  const seconds = options.quick ? 30 : 300
  options.log(`metrics: 48 charts at 1 Hz for ${seconds} s`)
  const charts = await measureCharts(template, seconds, options)
  options.log('metrics: backfill of 1 h × 10 jobs')
  const backfill = await measureBackfill()
  const heapGrowth = charts.heap_end_mb - charts.heap_start_mb
  const flat = heapGrowth <= Math.max(1, charts.heap_start_mb * 0.1)
  return {
    name: 'metrics',
    figures: { ...charts, heap_growth_mb: Math.round(heapGrowth * 10) / 10, ...backfill },
    verdicts: [
      `${charts.charts} charts, p95 frame ${charts.p95_frame_ms} ms (target under 20 ms): ` +
        `${charts.p95_frame_ms < 20 ? 'met' : 'MISSED'}`,
      `longest task ${charts.max_task_ms} ms (target: none over 100 ms): ` +
        `${charts.max_task_ms <= 100 ? 'met' : 'MISSED'}`,
      `heap ${charts.heap_start_mb} → ${charts.heap_end_mb} MB (flat: within 10 % or 1 MB): ` +
        `${flat ? 'met' : 'MISSED'}`,
      `backfill of ${backfill.samples} samples: ${backfill.backfill_ms} ms, ${backfill.backfill_bytes} bytes ` +
        `in ${backfill.backfill_requests} requests (one bare fetch: ${backfill.baseline_fetch_ms} ms, ` +
        `${backfill.baseline_bytes} bytes)`
    ],
    method:
      'Charts: built app under the e2e stand-in in headless /usr/bin/chromium, a cached running job’s Metrics tab ' +
      'open, metrics:update batches delivered at the preload bridge once a second (8 vertices × 6 metrics); ' +
      'frames from requestAnimationFrame, long tasks from PerformanceObserver, heap after CDP collectGarbage at ' +
      'the start and the end. Backfill: the session metrics module against the simulator on loopback, history ' +
      'seeded with 1 h of 5 s samples for 10 jobs, read in 15-minute windows after a reconnect.'
  }
}
