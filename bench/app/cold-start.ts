/**
 * `cold_start`: from launching main to the first render of cached jobs (the overview's job counts, from a cache,
 * with the server down), median of N launches; baseline: the same launch over an empty cache, to the first render
 * of anything (the overview view itself). Chromium starts alongside main, as Electron's renderer does.
 */
import type { Page } from 'playwright-core'
import { launchApp } from '../../test/e2e/harness/launch-app'
import { median, round } from '../bench-types'
import { copyUserData, removeDir } from './app-fixture'

type Milestone = 'cached-counts' | 'any-view'

/**
 * Runs in the page every animation frame until it returns the epoch ms of the first frame the milestone held.
 * A function, not source text: the app's CSP forbids eval, which string predicates need.
 */
function milestoneAt(milestone: Milestone): number {
  const doc = (
    globalThis as unknown as {
      document: { querySelector(s: string): { textContent: string | null } | null }
    }
  ).document
  const shown =
    milestone === 'cached-counts'
      ? /\d/.test(doc.querySelector('[data-testid="count-all"]')?.textContent ?? '')
      : doc.querySelector('[data-testid="view-overview"]') !== null
  return shown ? performance.timeOrigin + performance.now() : 0
}

async function firstSeenAt(page: Page, milestone: Milestone): Promise<number> {
  const handle = await page.waitForFunction(milestoneAt, milestone, {
    polling: 'raf',
    timeout: 30_000
  })
  return (await handle.jsonValue()) as number
}

/** One launch over a copy of `template`: ms from launch to `check` first holding in the page. */
async function oneLaunch(template: string, milestone: Milestone): Promise<number> {
  const dir = await copyUserData(template)
  const startedAt = Date.now()
  const app = await launchApp({ userDataDir: dir })
  try {
    const page = await app.firstWindow()
    return (await firstSeenAt(page, milestone)) - startedAt
  } finally {
    await app.close()
    await removeDir(dir)
  }
}

export interface ColdStart {
  cachedMs: number[]
  emptyMs: number[]
}

/** Alternates cached and empty launches so machine noise falls on both alike. */
export async function measureColdStart(
  cachedTemplate: string,
  emptyTemplate: string,
  runs: number,
  log: (line: string) => void
): Promise<ColdStart> {
  const result: ColdStart = { cachedMs: [], emptyMs: [] }
  for (let i = 0; i < runs; i++) {
    log(`cold_start: launch ${i + 1} of ${runs} (cached, then empty)`)
    result.cachedMs.push(await oneLaunch(cachedTemplate, 'cached-counts'))
    result.emptyMs.push(await oneLaunch(emptyTemplate, 'any-view'))
  }
  return result
}

export const summarize = (values: number[]) => ({
  p50: round(median(values)),
  min: round(Math.min(...values)),
  max: round(Math.max(...values))
})
