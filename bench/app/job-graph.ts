/**
 * `job_graph`: the built app in Chromium through the e2e stand-in, a cached running job's drawer open on its Graph
 * tab, and `jobHealth:update` pushes delivered at the preload bridge, each a new detail of the same plan with new
 * figures (as main's 3 s poll brings them). Measured in the renderer: from the delivery to the committed DOM with
 * its style and layout resolved (a forced layout read), for a 4-vertex plan and then a 30-vertex plan.
 */
import type { Page } from 'playwright-core'
import { launchApp } from '../../test/e2e/harness/launch-app'
import { PAGE_DELIVER } from '../../test/e2e/harness/page-init-script'
import { planDetail } from '../../test/support/job-plan-fixture'
import { percentile, round } from '../bench-types'
import { BENCH_PROFILE_ID, copyUserData, removeDir } from './app-fixture'

export interface GraphFigures {
  updates: number
  small_p50_ms: number
  small_p95_ms: number
  large_p50_ms: number
  large_p95_ms: number
  large_max_ms: number
  /** The first 30-vertex detail: a new structure, so this one includes dagre's layout. */
  large_first_ms: number
}

/**
 * Runs in the page: delivers each detail (its `asOf` made current so the store keeps it) and waits for the graph's
 * DOM to change, then reads the layout; one update per task, so each is measured alone. Resolves the times in ms.
 */
const MEASURE = `async (profileId, details) => {
  const bench = window.__graphBench || (window.__graphBench = { seq: 0 })
  const times = []
  for (const detail of details) {
    const graph = document.querySelector('[data-testid="job-graph"]')
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => { observer.disconnect(); resolve() })
      observer.observe(graph ? graph.parentElement.parentElement : document.body, { subtree: true, childList: true, attributes: true, characterData: true })
    })
    detail.asOf = Date.now()
    // The detail alone: a summary re-renders the Jobs table behind the drawer, which is not the graph's cost.
    const summary = null
    const started = performance.now()
    window[DELIVER]('jobHealth:update', [{ seq: ++bench.seq, items: [{ profileId, summary, detail }] }])
    await changed
    // Only in the warm-up: the first detail mounts the graph, maybe after another change of the page.
    while (!document.querySelector('[data-testid="job-graph"]')) await new Promise((r) => requestAnimationFrame(r))
    document.querySelector('[data-testid="job-graph"]').getBoundingClientRect()
    void document.body.offsetHeight
    times.push(performance.now() - started)
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  }
  return times
}`

async function openGraphTab(page: Page): Promise<number> {
  await page.getByTestId('nav-jobs').click({ timeout: 15_000 })
  const row = page.locator('[data-testid="job-row"][data-status="RUNNING"]').first()
  await row.waitFor({ timeout: 15_000 })
  const id = Number(await row.getAttribute('data-job-id'))
  await row.getByTestId('job-name').click({ timeout: 15_000 })
  const drawer = page.getByTestId('job-detail')
  await drawer.waitFor({ state: 'visible' })
  // A click while the drawer still slides in can be lost: click until the Graph tab is the active one.
  const tab = drawer.locator('[data-node-key="graph"]')
  const deadline = Date.now() + 30_000
  do await tab.click({ timeout: 15_000 })
  while (
    !(await tab.getAttribute('class'))?.includes('ant-tabs-tab-active') &&
    Date.now() < deadline
  )
  return id
}

export async function measureGraph(
  template: string,
  updates: number,
  log: (line: string) => void
): Promise<GraphFigures> {
  const dir = await copyUserData(template)
  const app = await launchApp({ userDataDir: dir })
  try {
    const page = await app.firstWindow()
    await page.getByTestId('view-overview').waitFor({ state: 'visible', timeout: 30_000 })
    const id = await openGraphTab(page)
    const measure = MEASURE.replace('window[DELIVER]', `window[${JSON.stringify(PAGE_DELIVER)}]`)
    const run = async (vertices: number, from: number, count: number) => {
      const details = Array.from({ length: count }, (_, i) => planDetail(vertices, from + i, id))
      const times = (await page.evaluate(
        `(${measure})(${JSON.stringify(BENCH_PROFILE_ID)}, ${JSON.stringify(details)})`
      )) as number[]
      return times
    }
    // Warm-up: the first push of a numbered channel resyncs, and the first graph mounts its components.
    await run(4, 0, 5)
    await page.getByTestId('graph-vertex').first().waitFor({ timeout: 10_000 })
    const small = await run(4, 10, updates)
    log(`job_graph: ${updates} updates of 4 vertices measured`)
    const [first] = await run(30, 0, 1)
    const vertices = await page.getByTestId('graph-vertex').count()
    if (vertices !== 30) throw new Error(`expected 30 vertices on the graph, saw ${vertices}`)
    const large = await run(30, 1, updates)
    log(`job_graph: ${updates} updates of 30 vertices measured`)
    return {
      updates,
      small_p50_ms: round(percentile(small, 50)),
      small_p95_ms: round(percentile(small, 95)),
      large_p50_ms: round(percentile(large, 50)),
      large_p95_ms: round(percentile(large, 95)),
      large_max_ms: round(Math.max(...large)),
      large_first_ms: round(first)
    }
  } finally {
    await app.close()
    await removeDir(dir)
  }
}
