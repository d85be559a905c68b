/**
 * The benchmarks that need the built app in Chromium (`render`, `cold_start`) as BenchResults. They run the e2e
 * stand-in: the built main in a Node child with a stand-in `electron`, the window a page of /usr/bin/chromium.
 */
import { measureColdStart, summarize } from './app/cold-start'
import { measureGraph } from './app/job-graph'
import { measureRender } from './app/render'
import type { BenchOptions, BenchResult } from './bench-types'

export async function runRender(options: BenchOptions, template: string): Promise<BenchResult> {
  const lines = options.quick ? 10_000 : 100_000
  const rate = 5_000
  options.log(`render: ${lines} lines at ${rate} lines/s into the Logs view`)
  const figures = await measureRender(template, lines, rate, options.quick ? 1_000 : 3_000)
  return {
    name: 'render',
    figures: { ...figures },
    verdicts: [
      `longest task ${figures.max_task_ms} ms (target: none over 100 ms): ` +
        `${figures.max_task_ms <= 100 ? 'met' : 'MISSED'}`,
      `p95 frame ${figures.p95_frame_ms} ms (target under 20 ms): ` +
        `${figures.p95_frame_ms < 20 ? 'met' : 'MISSED'}`
    ],
    method:
      'Built app under the e2e stand-in in headless /usr/bin/chromium, Logs view following. Lines enter through ' +
      "the preload bridge at the stand-in's delivery point for main's webContents.send, as the push batcher " +
      'shapes them (one logs:append per 50 ms); the Dinky side is not involved (its server is down). Frames ' +
      'are requestAnimationFrame deltas; long tasks from PerformanceObserver; heap after CDP collectGarbage.'
  }
}

export async function runColdStart(
  options: BenchOptions,
  cachedTemplate: string,
  emptyTemplate: string
): Promise<BenchResult> {
  const runs = options.quick ? 2 : 10
  const result = await measureColdStart(cachedTemplate, emptyTemplate, runs, options.log)
  const cached = summarize(result.cachedMs)
  const empty = summarize(result.emptyMs)
  return {
    name: 'cold_start',
    figures: {
      cached_first_render_ms: cached.p50,
      empty_first_render_ms: empty.p50,
      cached_min_ms: cached.min,
      cached_max_ms: cached.max,
      empty_min_ms: empty.min,
      empty_max_ms: empty.max,
      runs
    },
    verdicts: [
      `cached jobs on screen ${Math.round(cached.p50 - empty.p50)} ms after the empty app's first view (p50)`
    ],
    method:
      'Launch to the first animation frame where the overview shows the cached job count (server down), ' +
      'against launch to the first frame of the overview over an empty cache; launches alternate; Chromium ' +
      'starts alongside main. Times are wall-clock from just before the launch.'
  }
}

export async function runJobGraph(
  options: BenchOptions,
  cachedTemplate: string
): Promise<BenchResult> {
  const updates = options.quick ? 20 : 100
  const figures = await measureGraph(cachedTemplate, updates, options.log)
  const met = figures.large_p95_ms < 16
  return {
    name: 'job_graph',
    figures: { ...figures },
    verdicts: [
      `30-vertex graph, p95 per detail update ${figures.large_p95_ms} ms (target under 16 ms): ` +
        `${met ? 'met' : 'MISSED'}; 4-vertex baseline p95 ${figures.small_p95_ms} ms`,
      `first 30-vertex detail (a new structure: includes the dagre layout) ${figures.large_first_ms} ms`
    ],
    method:
      "Built app under the e2e stand-in in headless /usr/bin/chromium, a cached running job's drawer on its Graph " +
      'tab (server down). Each update is a jobHealth:update push at the preload bridge with the same plan and new ' +
      'figures; timed in the page from the delivery to the committed DOM (MutationObserver) plus a forced style ' +
      'and layout read; one update per task. The 4-vertex plan is the baseline, measured in the same run.'
  }
}
