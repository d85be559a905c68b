/**
 * What the browser benchmarks run inside the app's page, as source text (this program is compiled without the DOM
 * library): a frame and long-task recorder, and a log feeder that hands `logs:append` messages to the page's
 * preload bridge at the point where the stand-in delivers main's `webContents.send`, shaped as the push batcher
 * sends them. The feeder is the only source of `logs:append` in these runs (the profile's server is down).
 */
import type { CDPSession, Page } from 'playwright-core'
import { PAGE_DELIVER } from '../../test/e2e/harness/page-init-script'

const PROBE_SOURCE = `(() => {
  if (window.__bench) return
  const bench = { frames: [], recording: false, last: 0, longTasks: [], seq: 0, sessionSeq: 1e9, line: 0 }
  window.__bench = bench
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ at: entry.startTime, ms: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  const frame = (now) => {
    if (bench.recording && bench.last > 0) bench.frames.push(now - bench.last)
    bench.last = now
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
  const levels = ['INFO', 'INFO', 'INFO', 'WARN', 'INFO', 'ERROR', 'INFO', 'DEBUG']
  bench.batch = (count) => {
    const lines = new Array(count)
    for (let i = 0; i < count; i++) {
      const n = bench.line++
      lines[i] = '2024-08-27 10:15:' + String(n % 60).padStart(2, '0') + '.' + String(n % 1000).padStart(3, '0') +
        ' ' + levels[n % levels.length] + '  org.apache.flink.runtime.taskmanager.Task - Record batch ' + n +
        ' committed to sink; checkpoint ' + Math.floor(n / 50) + ' pending'
    }
    return lines
  }
  bench.deliver = (process, lines) => {
    const items = [{ profileId: BENCH_PROFILE, process, run: 'bench-run', lines, stale: false, sessionSeq: ++bench.sessionSeq }]
    window[DELIVER]('logs:append', [{ seq: ++bench.seq, items }])
  }
  /** Appends total lines at rate lines/s in batches every batchMs, as main's 50 ms batches would arrive. */
  bench.feed = (process, total, rate, batchMs) => new Promise((resolve) => {
    const perBatch = Math.max(1, Math.round((rate * batchMs) / 1000))
    let sent = 0
    const started = performance.now()
    const timer = setInterval(() => {
      const due = Math.min(total, Math.round(((performance.now() - started) / 1000) * rate))
      while (sent < due) {
        const count = Math.min(perBatch, due - sent)
        bench.deliver(process, bench.batch(count))
        sent += count
      }
      if (sent >= total) {
        clearInterval(timer)
        resolve(performance.now() - started)
      }
    }, batchMs)
  })
  /** Appends total lines as fast as the page takes them: one batch per task, yielding between batches. */
  bench.flood = async (process, total, perBatch) => {
    for (let sent = 0; sent < total; sent += perBatch) {
      bench.deliver(process, bench.batch(Math.min(perBatch, total - sent)))
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  }
})()`

/** Installs the recorder and the feeder in the page (idempotent). */
export async function installProbes(page: Page, profileId: string): Promise<void> {
  const source = PROBE_SOURCE.replace('BENCH_PROFILE', JSON.stringify(profileId)).replace(
    'window[DELIVER]',
    `window[${JSON.stringify(PAGE_DELIVER)}]`
  )
  await page.evaluate(source)
}

export interface FrameRecord {
  frames: number[]
  longTasks: Array<{ at: number; ms: number }>
}

/** Clears and starts recording frames; long tasks are kept from now on. */
export async function startRecording(page: Page): Promise<number> {
  return page.evaluate(
    `(() => { const b = window.__bench; b.frames = []; b.longTasks = []; b.recording = true; b.last = 0;
      return performance.now() })()`
  )
}

export async function stopRecording(page: Page): Promise<FrameRecord> {
  return page.evaluate(
    `(() => { const b = window.__bench; b.recording = false;
      return { frames: b.frames.slice(), longTasks: b.longTasks.slice() } })()`
  )
}

export async function deliverLines(page: Page, process: string, count: number): Promise<void> {
  await page.evaluate(
    `window.__bench.deliver(${JSON.stringify(process)}, window.__bench.batch(${count}))`
  )
}

/** Paced appends; resolves with the ms the feed took in the page. */
export async function feedLines(
  page: Page,
  process: string,
  total: number,
  rate: number,
  batchMs: number
): Promise<number> {
  return page.evaluate(
    `window.__bench.feed(${JSON.stringify(process)}, ${total}, ${rate}, ${batchMs})`
  )
}

export async function floodLines(
  page: Page,
  process: string,
  total: number,
  perBatch: number
): Promise<void> {
  await page.evaluate(`window.__bench.flood(${JSON.stringify(process)}, ${total}, ${perBatch})`)
}

/** JS heap in use after a full collection, in MB, through the DevTools protocol. */
export async function pageHeapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = await cdp.send('Runtime.getHeapUsage')
  return usage.usedSize / (1024 * 1024)
}
