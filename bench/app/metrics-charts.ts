/**
 * The chart half of `metrics`: the built app in Chromium through the e2e stand-in, a cached running job's drawer
 * open on its Metrics tab, and `metrics:update` batches delivered at the preload bridge once a second, each one
 * sample of 8 vertices × 6 metrics (48 charts), as main's push batcher sends them. Frames, long tasks, heap.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CDPSession, Page } from 'playwright-core'
import { launchApp } from '../../test/e2e/harness/launch-app'
import { PAGE_DELIVER } from '../../test/e2e/harness/page-init-script'
import { percentile, round, type BenchOptions } from '../bench-types'
import { BENCH_PROFILE_ID, copyUserData, removeDir } from './app-fixture'
import { installProbes, pageHeapMb, startRecording, stopRecording } from './page-probes'

const VERTICES = 8
const METRICS = 6

export interface ChartFigures {
  charts: number
  updates: number
  p95_frame_ms: number
  idle_p95_frame_ms: number
  long_tasks_50ms: number
  max_task_ms: number
  heap_start_mb: number
  heap_end_mb: number
}

/** Runs in the page: one update per second for `seconds`, each a new sample at that second. */
const FEED = `(profileId, jid, seconds, vertices, metrics) => new Promise((resolve) => {
  let sent = 0
  const bench = window.__bench
  const tick = () => {
    const at = Math.floor(Date.now() / 1000) * 1000
    const values = {}
    for (let v = 0; v < vertices; v++) {
      const row = {}
      for (let m = 0; m < metrics; m++) row['0.metric' + m] = String(Math.round(Math.random() * 1000))
      values['vertex' + v + 'aaaaaaaaaaaaaaaaaaaaaaaaaa'] = row
    }
    const item = { profileId, jid, added: [{ at, values, source: 'push' }], outages: [], lastSampleAt: at,
      intervalMs: 1000, diagnosis: 'ok', layout: null, stale: false, asOf: null }
    window[DELIVER]('metrics:update', [{ seq: ++bench.metricsSeq, items: [item] }])
    sent++
    if (sent >= seconds) return resolve(sent)
    setTimeout(tick, 1000)
  }
  bench.metricsSeq = bench.metricsSeq || 0
  tick()
})`

async function openMetricsTab(page: Page, log: (line: string) => void): Promise<string> {
  await page.getByTestId('nav-jobs').click({ timeout: 15_000 })
  const row = page.locator('[data-testid="job-row"][data-status="RUNNING"]').first()
  await row.waitFor({ timeout: 15_000 })
  await row.getByTestId('job-name').click({ timeout: 15_000 })
  const drawer = page.getByTestId('job-detail')
  await drawer.waitFor({ state: 'visible' })
  const jid = await drawer.evaluate(
    (el) => /[0-9a-f]{32}/.exec((el as unknown as { textContent: string }).textContent)?.[0] ?? ''
  )
  log(`metrics: drawer open on ${jid}`)
  await drawer.getByRole('tab', { name: 'Metrics', exact: true }).click({ timeout: 15_000 })
  await drawer.getByTestId('job-metrics').waitFor({ timeout: 10_000 })
  return jid
}

/** With `--profile`: samples the renderer's CPU while `work` runs and writes `metrics.cpuprofile`. */
async function profiled<T>(
  cdp: CDPSession,
  options: BenchOptions,
  work: () => Promise<T>
): Promise<T> {
  if (!options.profileDir) return work()
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  const result = await work()
  const { profile } = await cdp.send('Profiler.stop')
  const file = join(options.profileDir, 'metrics.cpuprofile')
  await writeFile(file, JSON.stringify(profile))
  options.log(`metrics: renderer CPU profile written to ${file}`)
  return result
}

export async function measureCharts(
  template: string,
  seconds: number,
  options: BenchOptions
): Promise<ChartFigures> {
  const log = options.log
  const dir = await copyUserData(template)
  const app = await launchApp({ userDataDir: dir })
  try {
    const page = await app.firstWindow()
    await page.getByTestId('view-overview').waitFor({ state: 'visible', timeout: 30_000 })
    await installProbes(page, BENCH_PROFILE_ID)
    const jid = await openMetricsTab(page, log)
    if (!jid) throw new Error('no job id in the drawer')
    const feed = FEED.replace('window[DELIVER]', `window[${JSON.stringify(PAGE_DELIVER)}]`)
    const args = `(${JSON.stringify(BENCH_PROFILE_ID)}, ${JSON.stringify(jid)}`
    await page.evaluate(`(${feed})${args}, 3, ${VERTICES}, ${METRICS})`)
    const charts = await page.getByTestId('metric-chart').count()
    log(`metrics: ${charts} charts; feeding`)
    await startRecording(page)
    await page.waitForTimeout(2_000)
    const idle = await stopRecording(page)
    const cdp = await page.context().newCDPSession(page)
    const heapStart = await pageHeapMb(cdp)
    await startRecording(page)
    const updates = (await profiled(cdp, options, () =>
      page.evaluate(`(${feed})${args}, ${seconds}, ${VERTICES}, ${METRICS})`)
    )) as number
    const busy = await stopRecording(page)
    const heapEnd = await pageHeapMb(cdp)
    await cdp.detach()
    return {
      charts,
      updates,
      p95_frame_ms: round(percentile(busy.frames, 95)),
      idle_p95_frame_ms: round(percentile(idle.frames, 95)),
      long_tasks_50ms: busy.longTasks.length,
      max_task_ms: round(Math.max(0, ...busy.longTasks.map((t) => t.ms))),
      heap_start_mb: round(heapStart),
      heap_end_mb: round(heapEnd)
    }
  } finally {
    await app.close()
    await removeDir(dir)
  }
}
