/**
 * Screenshots for issue 15: every tab of the job drawer in en-US and zh-CN, light and dark; and every view at the
 * minimum window (960×600) and at 1280×800, where job and server names must keep a readable width (no name
 * wrapped into a column a few pixels wide) and the side menu folds to icons below about 1200 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Simulator } from '../../../src/simulator/index'
import type { E2eApp } from '../harness/e2e-app'
import { jobRow, openView, waitForBadge } from '../harness/console-page'
import {
  launchOnServer,
  makeUserDataDir,
  removeUserDataDir,
  startScenarioSimulator,
  writeScenarioSettings
} from '../harness/scenario-server'

const COMBOS = [
  { locale: 'en-US', dark: false },
  { locale: 'en-US', dark: true },
  { locale: 'zh-CN', dark: false },
  { locale: 'zh-CN', dark: true }
] as const
const TABS = ['detail', 'checkpoints', 'exceptions', 'flink-logs', 'alerts', 'versions'] as const
const VIEWS = ['overview', 'jobs', 'logs', 'clusters', 'diagnostics', 'settings'] as const
const SIZES = [
  { width: 960, height: 600 },
  { width: 1280, height: 800 }
] as const

let sim: Simulator
let jobName = ''
beforeAll(async () => {
  sim = await startScenarioSimulator()
  sim.control.jobHealth.checkpointInterval(2_000)
  const { world } = sim.control
  const job = world
    .latestInstances()
    .find((i) => i.status === 'RUNNING' && !world.task(i.taskId)?.batchModel)!
  jobName = job.name
  sim.control.jobHealth.backpressure(job.taskId, 0)
})
afterAll(async () => {
  await sim?.close()
})

describe.each(COMBOS)('job drawer tabs in $locale, dark: $dark', ({ locale, dark }) => {
  const suffix = `${locale}-${dark ? 'dark' : 'light'}`
  let userDataDir: string
  let app: E2eApp
  let page: Page

  beforeAll(async () => {
    userDataDir = await makeUserDataDir()
    await writeScenarioSettings(userDataDir, { language: 'system', theme: 'system' })
    app = await launchOnServer(sim.url, { userDataDir, locale, darkMode: dark })
    page = await app.firstWindow()
    await waitForBadge(page, 'live')
  })
  afterAll(async () => {
    await app?.close()
    await removeUserDataDir(userDataDir)
  })

  it('shows every tab of the drawer', async () => {
    await openView(page, 'jobs')
    await jobRow(page, jobName).getByTestId('job-name').click()
    const drawer = page.getByTestId('job-detail')
    await drawer.getByTestId('vertex-table').waitFor({ timeout: 20_000 })
    await drawer.locator('[data-testid="backpressure"][data-level="high"]').first().waitFor()
    for (const key of TABS) {
      await drawer.locator(`[data-node-key="${key}"]`).click()
      if (key === 'flink-logs')
        await drawer.getByTestId('log-line').first().waitFor({ timeout: 15_000 })
      if (key === 'versions') await drawer.getByTestId('version-sql').waitFor({ timeout: 10_000 })
      await expect(
        drawer.locator('[data-testid="health-as-of"]:visible').count()
      ).resolves.toBeLessThanOrEqual(2)
      await app.screenshot(`job-health-tab-${key}-${suffix}`)
    }
    await page.keyboard.press('Escape')
  })

  if (locale === 'en-US' && !dark) {
    it.each(SIZES)('lays every view out at $width×$height', async ({ width, height }) => {
      await page.setViewportSize({ width, height })
      const size = `${width}x${height}`
      for (const [index, view] of VIEWS.entries()) {
        await page.locator('.ant-layout-sider .ant-menu-item').nth(index).click()
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
      await page.locator('.ant-layout-sider .ant-menu-item').nth(1).click()
      await jobRow(page, jobName).getByTestId('job-name').click()
      await page.getByTestId('job-detail').getByTestId('vertex-table').waitFor({ timeout: 20_000 })
      await app.screenshot(`job-drawer-${size}`)
      await page.keyboard.press('Escape')
    })
  }
})
