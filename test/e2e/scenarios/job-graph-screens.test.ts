/**
 * Screenshots for issue 24: the drawer's Graph tab for a simple job and for the simulator's 30-vertex job
 * (`risk_payment_alert`, see src/simulator/world/job-plans.ts), in en-US and zh-CN, light and dark, at the minimum
 * window (960×600) and at 1440×900. The backpressured and the skewed vertex must be on screen when the tab opens
 * (the fitted graph), and the vertex panel of the skewed vertex is captured too.
 */
import { expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { jobRow, openView } from '../harness/console-page'
import { useScenarioSimulator } from '../harness/scenario-fixture'
import { screenshotMatrix } from '../harness/screenshot-matrix'

const SIMPLE = 'dws_gmv_realtime_实时大屏'
const WIDE = 'risk_payment_alert'
const SIZES = [
  { width: 960, height: 600 },
  { width: 1440, height: 900 }
] as const

const dinky = useScenarioSimulator({}, (sim) => {
  sim.control.jobHealth.checkpointInterval(2_000)
  const simple = sim.control.world.latestInstances().find((i) => i.name === SIMPLE)!
  // The simple chain has no trouble of its own: its source is held back by a slow downstream.
  sim.control.jobHealth.backpressure(simple.taskId, 0)
})

/** The vertex's box lies inside the viewport: seen without panning. */
async function onScreen(page: Page, vertex: Locator): Promise<void> {
  const box = (await vertex.boundingBox())!
  const size = page.viewportSize()!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(size.width)
  expect(box.y + box.height).toBeLessThanOrEqual(size.height)
}

/** Closes the drawer with its close button and waits until it is gone (the mask would take the next click). */
async function closeDrawer(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close').click()
  await page.getByTestId('job-detail').waitFor({ state: 'hidden' })
}

async function openGraph(
  page: Page,
  name: string,
  app: { screenshot: (name: string) => Promise<string> }
): Promise<Locator> {
  await openView(page, 'jobs')
  await jobRow(page, name).getByTestId('job-name').click()
  const drawer = page.getByTestId('job-detail')
  // A click while the drawer still slides in can be lost: click until the tab is the active one.
  const tab = drawer.locator('[data-node-key="graph"]')
  await expect
    .poll(
      async () => {
        await tab.click()
        return tab.getAttribute('class')
      },
      { timeout: 30_000 }
    )
    .toContain('ant-tabs-tab-active')
  try {
    await drawer.getByTestId('graph-vertex').first().waitFor({ timeout: 90_000 })
  } catch (error) {
    // What the tab showed instead (an empty plan, a failed read) says more than the timeout.
    await app.screenshot(`job-graph-failed-${name}`)
    throw error
  }
  return drawer
}

screenshotMatrix(
  'job graph',
  () => dinky.sim.url,
  ({ suffix }, scenario) => {
    it.each(SIZES)(
      'draws a simple and a 30-vertex job at $width×$height',
      async (size) => {
        const { app, page } = scenario
        await page.setViewportSize(size)
        const at = `${size.width}x${size.height}`

        const simple = await openGraph(page, SIMPLE, app)
        const held = simple.locator('[data-testid="graph-vertex"][data-backpressure="high"]')
        await held.waitFor({ timeout: 90_000 })
        await onScreen(page, held)
        await app.screenshot(`job-graph-simple-${at}-${suffix}`)
        await closeDrawer(page)

        const wide = await openGraph(page, WIDE, app)
        await expect.poll(() => wide.getByTestId('graph-vertex').count()).toBe(30)
        const backpressured = wide.locator('[data-testid="graph-vertex"][data-backpressure="high"]')
        const skewed = wide.locator('[data-testid="graph-vertex"][data-skewed="true"]')
        await backpressured.first().waitFor({ timeout: 90_000 })
        // Skew is read one keyed vertex per 3 s poll, round-robin: the hot one can take a minute to come round.
        await skewed.first().waitFor({ timeout: 150_000 })
        await onScreen(page, backpressured.first())
        await onScreen(page, skewed.first())
        await app.screenshot(`job-graph-30-${at}-${suffix}`)

        await skewed.first().click()
        const panel = wide.getByTestId('graph-vertex-panel')
        await panel.getByTestId('graph-subtask-bars').waitFor()
        await app.screenshot(`job-graph-30-panel-${at}-${suffix}`)
        await closeDrawer(page)
      },
      300_000
    )
  }
)
