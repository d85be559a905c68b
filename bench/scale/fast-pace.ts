/**
 * The `scale` benchmark's second launch, at 10× the app's pace: jobs polled every 500 ms instead of 5 s, and during
 * the churn the simulators' worlds step every 500 ms instead of Dinky's 5 s, so a minute of idle polls (12 per
 * server) and ten minutes of churn (120 polls per server) take seconds, not minutes. (20× flooded the page at
 * 2,000 jobs on a shared machine: it took no click for 30 s.) Measures the long tasks of
 * that idle minute and main's and the renderer's heap over the churn, all servers' jobs on screen.
 *
 * The heap is judged over ten minutes of churn after ten minutes of warm-up: what main learns of 6,000 jobs as they
 * churn (their health readings as the sweep reaches them, the timeline's and alerts' bounded rings filling) grows it
 * by about 6 MB over the first 150 polls, then it holds (600 polls tried: 37–44 MB after 150). The warm-up's growth is
 * reported beside the slope.
 */
import { pageHeapMb } from '../app/page-probes'
import { round } from '../bench-types'
import { IpcMeter } from './ipc-meter'
import { launchScaleApp } from './scale-app'
import { installScaleProbes, longTasksSince, pageNow } from './scale-page'
import { fewestPolls, pollsBetween, waitForPolls } from './scale-polls'
import type { ScaleSims } from './scale-sims'
import { findViews, type Views } from './scale-views'

export const FAST_POLL_MS = 500
export const FAST_TICK_MS = 500
/** Ten minutes of the app's 5 s polls. */
export const CHURN_POLLS = 120
/** Ten minutes of churn before the heap's ten are measured. */
export const WARMUP_POLLS = 120
const IDLE_POLLS = 12

export interface HeapSample {
  /** Polls the slowest server served since the churn began. */
  polls: number
  mainMb: number
  rendererMb: number
  /** Job instances the servers list (a churning Dinky keeps every instance). */
  instances: number
}

export interface FastPaceFigures {
  views: Views
  idlePolls: number
  idleBytes: number
  /** Of `idleBytes`: jobs' first health readings, new to the renderer (ipc-meter.ts). */
  idleFirstHealth: { bytes: number; readings: number }
  idleLongTasksMs: number[]
  churnPolls: number
  churnMs: number
  churnBytes: number
  churnLongTasksMs: number[]
  /** Before the churn began: the heap the warm-up starts from. */
  beforeWarmup: HeapSample
  /** From the end of the warm-up (`polls` counted from there). */
  heap: HeapSample[]
}

export interface FastPaceOptions {
  warmupPolls: number
  churnPolls: number
  heapSamples: number
  /** The churn stops here even if the servers were polled fewer times (a slow machine): figures say so. */
  churnCapMs: number
  log: (line: string) => void
}

export async function runFastPace(
  sims: ScaleSims,
  options: FastPaceOptions
): Promise<FastPaceFigures> {
  const meter = new IpcMeter()
  const scale = await launchScaleApp(sims, FAST_POLL_MS, meter)
  const { app, page } = scale
  const cdp = await page.context().newCDPSession(page)
  try {
    await installScaleProbes(page)
    const views = await findViews(page)
    await new Promise((resolve) => setTimeout(resolve, 1_500))

    const idle0 = await sims.stats()
    const idlePage0 = await pageNow(page)
    meter.reset()
    const idle1 = await waitForPolls(sims, idle0, IDLE_POLLS, 30_000)
    const idleBytes = meter.polledBytes()
    const idleFirstHealth = meter.firstHealthReadings()
    const idleLongTasksMs = await longTasksSince(page, idlePage0)
    options.log(`scale: idle minute-equivalent, ${pollsBetween(idle0, idle1)} polls`)

    const sample = async (from: typeof idle0): Promise<HeapSample> => {
      const main = await app.processUsage(true)
      const stats = await sims.stats()
      return {
        polls: fewestPolls(from, stats),
        mainMb: round(main.heapUsedBytes / (1024 * 1024), 2),
        rendererMb: round(await pageHeapMb(cdp), 2),
        instances: stats.reduce((sum, server) => sum + server.instances, 0)
      }
    }
    const warm0 = await sims.stats()
    const beforeWarmup = await sample(warm0)
    const deadline = Date.now() + options.churnCapMs
    await sims.churn(FAST_TICK_MS)
    await waitForPolls(sims, warm0, options.warmupPolls, options.churnCapMs)
    const churn0 = await sims.stats()
    const churnPage0 = await pageNow(page)
    const heap = [await sample(churn0)]
    meter.reset()
    const started = performance.now()
    const step = Math.ceil(options.churnPolls / (options.heapSamples - 1))
    while (heap.at(-1)!.polls < options.churnPolls && Date.now() < deadline) {
      const target = Math.min(heap.at(-1)!.polls + step, options.churnPolls)
      await waitForPolls(sims, churn0, target, Math.max(0, deadline - Date.now()))
      heap.push(await sample(churn0))
    }
    await sims.churn(0)
    const churnMs = performance.now() - started
    const churn1 = await sims.stats()
    options.log(`scale: churn ${Math.round(churnMs)} ms, ${fewestPolls(churn0, churn1)} polls`)
    return {
      views,
      idlePolls: pollsBetween(idle0, idle1),
      idleBytes,
      idleFirstHealth,
      idleLongTasksMs,
      churnPolls: pollsBetween(churn0, churn1),
      churnMs,
      churnBytes: meter.polledBytes(),
      churnLongTasksMs: await longTasksSince(page, churnPage0),
      beforeWarmup,
      heap
    }
  } finally {
    await cdp.detach().catch(() => undefined)
    await scale.close()
  }
}
