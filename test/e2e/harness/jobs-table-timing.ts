/**
 * How long the Jobs table takes to answer a person, read inside the page from real (trusted) input events: `work` is
 * from when the page starts handling the event (a capture listener on window runs first) to after React's commit and
 * a forced layout (a bubble listener on window runs after the root's): the table's own cost. `latency` adds the time
 * the event waited for the main thread (another task, e.g. a jobs push, was running) and `frame` runs to after the
 * next frame (rAF, then a task): what the issue calls "settles". Long tasks are counted by the page's own
 * PerformanceObserver. Figures for the report; the formal bench is `npm run bench`.
 */
import type { Page } from 'playwright-core'

export interface Figures {
  samples: number
  p50: number
  p95: number
  max: number
}

/** The page's globals this probe uses (the node program that type-checks tests has no DOM library). */
interface PageGlobals {
  __jobsProbe: Probe
  document: { querySelector(selector: string): { getBoundingClientRect(): unknown } | null }
  requestAnimationFrame(callback: () => void): number
  addEventListener(type: string, listener: (event: PageEvent) => void, capture?: boolean): void
  PerformanceObserver: new (
    callback: (list: { getEntries(): Array<{ duration: number }> }) => void
  ) => { observe(options: { type: string }): void }
}

interface PageEvent {
  type: string
  isTrusted: boolean
  timeStamp: number
}

interface Probe {
  label: string | null
  work: Record<string, number[]>
  latency: Record<string, number[]>
  frame: Record<string, number[]>
  longTasks: number[]
}

/** Installs the listeners once; `label` names what the following events are (first-render, filter, sort). */
export async function installTimingProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals
    const probe: Probe = { label: null, work: {}, latency: {}, frame: {}, longTasks: [] }
    w.__jobsProbe = probe
    const handling = new WeakMap<PageEvent, number>()
    const begin = (event: PageEvent) => handling.set(event, performance.now())
    const record = (event: PageEvent) => {
      const label = probe.label
      // Typing is timed on its input events, everything else on clicks (the click that focuses the box is not).
      if (!label || !event.isTrusted || (event.type === 'input') !== (label === 'filter')) return
      const start = event.timeStamp
      void w.document.querySelector('[data-testid="jobs-table"]')?.getBoundingClientRect()
      const now = performance.now()
      ;(probe.work[label] ??= []).push(now - (handling.get(event) ?? start))
      ;(probe.latency[label] ??= []).push(now - start)
      w.requestAnimationFrame(() =>
        setTimeout(() => (probe.frame[label] ??= []).push(performance.now() - start), 0)
      )
    }
    for (const type of ['click', 'input']) {
      w.addEventListener(type, begin, true)
      w.addEventListener(type, record)
    }
    new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push(entry.duration)
    }).observe({ type: 'longtask' })
  })
}

export async function setTimingLabel(page: Page, label: string | null): Promise<void> {
  await page.evaluate((next) => {
    ;(globalThis as unknown as PageGlobals).__jobsProbe.label = next
  }, label)
}

/** Waits until every measured event has its frame figure (two frames at most after the last event). */
export async function readTimings(
  page: Page
): Promise<Record<'work' | 'latency' | 'frame', Record<string, Figures>>> {
  const probe = await page.evaluate(async () => {
    const w = globalThis as unknown as PageGlobals
    await new Promise((done) => w.requestAnimationFrame(() => setTimeout(done, 0)))
    await new Promise((done) => w.requestAnimationFrame(() => setTimeout(done, 0)))
    return w.__jobsProbe
  })
  const summarize = (byLabel: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(byLabel).map(([label, list]) => [label, figures(list)]))
  return {
    work: summarize(probe.work),
    latency: summarize(probe.latency),
    frame: summarize(probe.frame)
  }
}

/** Long tasks (ms) the page saw over `windowMs` of doing nothing; the window is the measurement itself. */
export async function idleLongTasks(page: Page, windowMs: number): Promise<number[]> {
  return page.evaluate(async (ms) => {
    const probe = (globalThis as unknown as PageGlobals).__jobsProbe
    probe.longTasks = []
    await new Promise((done) => setTimeout(done, ms))
    return probe.longTasks
  }, windowMs)
}

export function figures(list: readonly number[]): Figures {
  const sorted = [...list].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  const round = (value: number | undefined) => Math.round((value ?? NaN) * 10) / 10
  return {
    samples: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted.at(-1))
  }
}
