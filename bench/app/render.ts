/**
 * `render`, and the renderer half of `memory`: the built app in Chromium through the e2e stand-in, its Logs view
 * following one process while lines arrive through the preload bridge (see page-probes.ts for how they are fed).
 */
import type { Page } from 'playwright-core'
import { launchApp, type E2eApp } from '../../test/e2e/harness/launch-app'
import { percentile, round } from '../bench-types'
import { BENCH_PROFILE_ID, copyUserData, removeDir } from './app-fixture'
import {
  deliverLines,
  feedLines,
  floodLines,
  installProbes,
  pageHeapMb,
  startRecording,
  stopRecording
} from './page-probes'

const PROCESS = 'FlinkSubmit/7'

/** Launches the app over a copy of `template`, opens the Logs view on a process fed one line. */
async function openFollowingLogs(
  template: string
): Promise<{ app: E2eApp; page: Page; dir: string }> {
  const dir = await copyUserData(template)
  const app = await launchApp({ userDataDir: dir })
  try {
    const page = await app.firstWindow()
    await page.getByTestId('view-overview').waitFor({ state: 'visible', timeout: 30_000 })
    await installProbes(page, BENCH_PROFILE_ID)
    await deliverLines(page, PROCESS, 1)
    await page.getByTestId('nav-logs').click()
    await page.getByTestId('log-viewer').waitFor({ state: 'visible', timeout: 15_000 })
    return { app, page, dir }
  } catch (error) {
    await app.close()
    await removeDir(dir)
    throw error
  }
}

export interface RenderFigures {
  long_tasks_50ms: number
  max_task_ms: number
  p95_frame_ms: number
  idle_p95_frame_ms: number
  heap_mb: number
  lines: number
  lines_per_second: number
  feed_ms: number
  frames: number
  /** The viewer's own line count afterwards: proof the lines arrived. */
  log_count_text: string
}

/** Idle frames for `idleMs`, then `lines` lines at `rate` lines/s in 50 ms batches; heap after a full GC. */
export async function measureRender(
  template: string,
  lines: number,
  rate: number,
  idleMs: number
): Promise<RenderFigures> {
  const { app, page, dir } = await openFollowingLogs(template)
  try {
    await startRecording(page)
    await page.waitForTimeout(idleMs)
    const idle = await stopRecording(page)
    await startRecording(page)
    const feedMs = await feedLines(page, PROCESS, lines, rate, 50)
    await page.waitForTimeout(300)
    const busy = await stopRecording(page)
    const shown = (await page.getByTestId('log-count').textContent()) ?? ''
    const cdp = await page.context().newCDPSession(page)
    const heapMb = await pageHeapMb(cdp)
    await cdp.detach()
    return {
      long_tasks_50ms: busy.longTasks.length,
      max_task_ms: round(Math.max(0, ...busy.longTasks.map((task) => task.ms))),
      p95_frame_ms: round(percentile(busy.frames, 95)),
      idle_p95_frame_ms: round(percentile(idle.frames, 95)),
      heap_mb: round(heapMb),
      lines,
      lines_per_second: rate,
      feed_ms: Math.round(feedMs),
      frames: busy.frames.length,
      log_count_text: shown.trim()
    }
  } finally {
    await app.close()
    await removeDir(dir)
  }
}

/** Renderer heap after a full GC: before any line, then at each checkpoint of lines flooded into the view. */
export async function measureRendererMemory(
  template: string,
  checkpoints: readonly number[]
): Promise<{ baselineMb: number; heapMb: number[] }> {
  const { app, page, dir } = await openFollowingLogs(template)
  try {
    const cdp = await page.context().newCDPSession(page)
    const baselineMb = round(await pageHeapMb(cdp))
    const heapMb: number[] = []
    let sent = 1
    for (const checkpoint of checkpoints) {
      await floodLines(page, PROCESS, checkpoint - sent, 5_000)
      sent = checkpoint
      await page.waitForTimeout(300)
      heapMb.push(round(await pageHeapMb(cdp)))
    }
    await cdp.detach()
    return { baselineMb, heapMb }
  } finally {
    await app.close()
    await removeDir(dir)
  }
}
