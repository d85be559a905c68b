/**
 * The `scale` benchmark's first launch, at the app's own pace (jobs polled every 5 s, the simulators' worlds still):
 * main's idle CPU per server, the bytes idle polls push and the long tasks meanwhile, with all servers' jobs on
 * screen; then the all-servers Jobs table under the stopwatch.
 */
import { DEFAULT_CONNECTION_SETTINGS } from '../../src/shared/profiles'
import { IpcMeter } from './ipc-meter'
import { launchScaleApp } from './scale-app'
import { installScaleProbes, longTasksSince, pageNow } from './scale-page'
import { pollsBetween } from './scale-polls'
import type { ScaleSims } from './scale-sims'
import { findViews, type Views } from './scale-views'
import { measureTable, type TableTimes } from './table-timing'

export interface RealPaceFigures {
  views: Views
  jobsListed: number[]
  idleMs: number
  idlePolls: number
  /** Bytes of polled channels that crossed to the renderer in the idle window. */
  idleBytes: number
  idleBytesByChannel: Record<string, number>
  /** CPU (user + system) of main's process over the idle window. */
  idleCpuMs: number
  longTasksMs: number[]
  table: TableTimes | null
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function runRealPace(
  sims: ScaleSims,
  idleMs: number,
  reps: number,
  log: (line: string) => void
): Promise<RealPaceFigures> {
  const meter = new IpcMeter()
  const jobsPollMs = DEFAULT_CONNECTION_SETTINGS.jobsPollMs
  const scale = await launchScaleApp(sims.urls, jobsPollMs, meter)
  try {
    const { app, page } = scale
    await installScaleProbes(page)
    const views = await findViews(page)
    log(`scale: views: ${JSON.stringify(views)}; jobs listed ${scale.jobsListed.join(', ')}`)
    // The first renders and the cache's first writes are over before the idle window starts.
    await settle(2_000)
    const polls0 = await sims.stats()
    const cpu0 = await app.processUsage(false)
    const page0 = await pageNow(page)
    meter.reset()
    const started = performance.now()
    await settle(idleMs)
    const cpu1 = await app.processUsage(false)
    const elapsed = performance.now() - started
    const polls1 = await sims.stats()
    const longTasksMs = await longTasksSince(page, page0)
    const idleBytes = meter.polledBytes()
    const idleBytesByChannel = meter.byChannel()
    log(`scale: idle ${Math.round(elapsed)} ms, ${pollsBetween(polls0, polls1)} polls`)
    const table = views.jobsTable ? await measureTable(page, reps) : null
    return {
      views,
      jobsListed: scale.jobsListed,
      idleMs: elapsed,
      idlePolls: pollsBetween(polls0, polls1),
      idleBytes,
      idleBytesByChannel,
      idleCpuMs: (cpu1.userMicros + cpu1.systemMicros - cpu0.userMicros - cpu0.systemMicros) / 1000,
      longTasksMs,
      table
    }
  } finally {
    await scale.close()
  }
}
