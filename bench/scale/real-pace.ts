/**
 * The `scale` benchmark's first launch, at the app's own pace (jobs polled every 5 s, the simulators' worlds still
 * but for the benchmark's changes): main's idle CPU per server, the bytes idle polls push and the long tasks
 * meanwhile, with all servers' jobs on screen; the all-servers Jobs table under the stopwatch; then rounds of job
 * changes timed on the fleet overview's cards.
 */
import { DEFAULT_CONNECTION_SETTINGS } from '../../src/shared/profiles'
import { measureChanges, type ChangeFigures } from './fleet-timing'
import { IpcMeter } from './ipc-meter'
import { attempt, notMeasured, type NotMeasured } from './not-measured'
import { launchScaleApp } from './scale-app'
import { installScaleProbes, longTasksSince, pageNow } from './scale-page'
import { pollsBetween } from './scale-polls'
import type { ScaleSims } from './scale-sims'
import { findViews, showFleet, type Views } from './scale-views'
import { measureTable, type TableTimes } from './table-timing'

export interface RealPaceFigures {
  views: Views
  /** Jobs each server lists (the latest instance of each task). */
  jobsListed: number[]
  idleMs: number
  idlePolls: number
  /** Bytes of polled channels that crossed to the renderer in the idle window. */
  idleBytes: number
  idleBytesByChannel: Record<string, number>
  /** Of `idleBytes`: jobs' first health readings, new to the renderer (ipc-meter.ts). */
  idleFirstHealth: { bytes: number; readings: number }
  /** CPU (user + system) of main's process over the idle window. */
  idleCpuMs: number
  longTasksMs: number[]
  table: TableTimes | NotMeasured
  changes: ChangeFigures | NotMeasured
}

export interface RealPaceOptions {
  idleMs: number
  reps: number
  /** Jobs changed per server in each round. */
  changeRounds: readonly number[]
  log: (line: string) => void
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function runRealPace(
  sims: ScaleSims,
  options: RealPaceOptions
): Promise<RealPaceFigures> {
  const { log } = options
  const meter = new IpcMeter()
  const scale = await launchScaleApp(sims, DEFAULT_CONNECTION_SETTINGS.jobsPollMs, meter)
  try {
    const { app, page } = scale
    await installScaleProbes(page)
    const views = await findViews(page)
    const jobsListed = (await sims.stats()).map((server) => server.listed)
    log(`scale: live; views ${JSON.stringify(views)}; jobs listed ${jobsListed.join(', ')}`)
    // The first renders and the cache's first writes are over before the idle window starts.
    await settle(2_000)
    const polls0 = await sims.stats()
    const cpu0 = await app.processUsage(false)
    const page0 = await pageNow(page)
    meter.reset()
    const started = performance.now()
    await settle(options.idleMs)
    const cpu1 = await app.processUsage(false)
    const idleMs = performance.now() - started
    const polls1 = await sims.stats()
    const idleBytes = meter.polledBytes()
    const idleBytesByChannel = meter.byChannel()
    const idleFirstHealth = meter.firstHealthReadings()
    log(`scale: idle ${Math.round(idleMs)} ms, ${pollsBetween(polls0, polls1)} polls`)
    const longTasksMs = await longTasksSince(page, page0)
    const table = views.jobsTable
      ? await attempt(() => measureTable(page, options.reps))
      : notMeasured('the build has no all-servers Jobs table (jobs-scope, jobs-table)')
    log('scale: table timed')
    const changes = await attempt(async () => {
      if (views.fleet) await showFleet(page)
      const { profileIds } = scale
      return measureChanges(page, sims, meter, profileIds, options.changeRounds, views.fleet)
    })
    log(`scale: job changes done`)
    return {
      views,
      jobsListed,
      idleMs,
      idlePolls: pollsBetween(polls0, polls1),
      idleBytes,
      idleBytesByChannel,
      idleFirstHealth,
      idleCpuMs: (cpu1.userMicros + cpu1.systemMicros - cpu0.userMicros - cpu0.systemMicros) / 1000,
      longTasksMs,
      table,
      changes
    }
  } finally {
    await scale.close()
  }
}
