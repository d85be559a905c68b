/**
 * Screenshots for issue 15: every tab of the job drawer in en-US and zh-CN, light and dark; and every view at the
 * minimum window (960×600) and at 1280×800, where job and server names must keep a readable width (no name
 * wrapped into a column a few pixels wide) and the side menu folds to icons below about 1200 px.
 */
import { expect, it } from 'vitest'
import { jobRow, menuItem, openView } from '../harness/console-page'
import { useScenarioSimulator } from '../harness/scenario-fixture'
import { screenshotMatrix } from '../harness/screenshot-matrix'

const TABS = ['detail', 'checkpoints', 'exceptions', 'flink-logs', 'alerts', 'versions'] as const
const VIEWS = ['overview', 'jobs', 'logs', 'clusters', 'diagnostics', 'settings'] as const
const SIZES = [
  { width: 960, height: 600 },
  { width: 1280, height: 800 }
] as const

let jobName = ''
const dinky = useScenarioSimulator({}, (sim) => {
  sim.control.jobHealth.checkpointInterval(2_000)
  const { world } = sim.control
  const job = world
    .latestInstances()
    .find((i) => i.status === 'RUNNING' && !world.task(i.taskId)?.batchModel)!
  jobName = job.name
  sim.control.jobHealth.backpressure(job.taskId, 0)
})

screenshotMatrix(
  'job drawer tabs',
  () => dinky.sim.url,
  ({ locale, dark, suffix }, scenario) => {
    it('shows every tab of the drawer', async () => {
      const { app, page } = scenario
      await openView(page, 'jobs')
      await jobRow(page, jobName).getByTestId('job-name').click()
      const drawer = page.getByTestId('job-detail')
      await drawer.getByTestId('vertex-table').waitFor({ timeout: 20_000 })
      await drawer.locator('[data-testid="backpressure"][data-level="high"]').first().waitFor()
      for (const key of TABS) {
        await drawer.locator(`[data-node-key="${key}"]`).click()
        if (key === 'flink-logs')
          await drawer.getByTestId('log-line').first().waitFor({ timeout: 30_000 })
        if (key === 'versions') await drawer.getByTestId('version-sql').waitFor({ timeout: 30_000 })
        await expect(
          drawer.locator('[data-testid="health-as-of"]:visible').count()
        ).resolves.toBeLessThanOrEqual(2)
        await app.screenshot(`job-health-tab-${key}-${suffix}`)
      }
      await page.keyboard.press('Escape')
    })

    if (locale === 'en-US' && !dark) {
      it.each(SIZES)('lays every view out at $width×$height', async ({ width, height }) => {
        const { app, page } = scenario
        await page.setViewportSize({ width, height })
        const size = `${width}x${height}`
        for (const view of VIEWS) {
          await menuItem(page, view).click()
          await page.getByTestId(`view-${view}`).waitFor({ state: 'visible' })
          if (view === 'jobs') {
            await expect.poll(() => page.getByTestId('job-row').count()).toBe(12)
            // A readable name: one line, not a column a few pixels wide.
            const name = await page.getByTestId('job-name').first().boundingBox()
            expect(name!.width).toBeGreaterThan(80)
            expect(name!.height).toBeLessThan(30)
          }
          await app.screenshot(`view-${view}-${size}`)
        }
        const sider = await page.locator('.ant-layout-sider').boundingBox()
        expect(sider!.width).toBe(width < 1200 ? 56 : 200)
        await menuItem(page, 'jobs').click()
        await jobRow(page, jobName).getByTestId('job-name').click()
        await page
          .getByTestId('job-detail')
          .getByTestId('vertex-table')
          .waitFor({ timeout: 20_000 })
        await app.screenshot(`job-drawer-${size}`)
        await page.keyboard.press('Escape')
      })
    }
  }
)
