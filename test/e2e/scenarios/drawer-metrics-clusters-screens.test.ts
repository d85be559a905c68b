/**
 * Screenshots of the job drawer (Overview, Console, Metrics) and the Clusters view at the minimum window (960×600)
 * and at 1440×900, in en-US and zh-CN; then the Clusters view while the server's cluster list is malformed (issue
 * 13: the jobs stay live, the clusters go stale with a reason the view now says), and again once it is repaired.
 * Files: test-output/e2e/screens-{drawer-overview,drawer-console,drawer-metrics,clusters,clusters-stale}-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Simulator } from '../../../src/simulator/index'
import { englishLeaks } from '../harness/catalogue-leaks'
import type { E2eApp } from '../harness/e2e-app'
import { connectionBadge, jobRow, openView, waitForBadge } from '../harness/console-page'
import {
  launchOnServer,
  makeUserDataDir,
  removeUserDataDir,
  startScenarioSimulator,
  writeScenarioSettings
} from '../harness/scenario-server'

const SIZES = [
  { width: 960, height: 600 },
  { width: 1440, height: 900 }
] as const
const TABS = ['detail', 'console', 'metrics'] as const
const STALE_REASON = {
  'en-US': 'The cluster list could not be read: malformed response.',
  'zh-CN': '无法读取集群列表：响应格式错误。'
} as const

let sim: Simulator
let jobName = ''
beforeAll(async () => {
  // Console lines and metrics samples keep coming, so the Console and Metrics tabs have something to show.
  // Four minutes of samples first, collected as Dinky would have (the clock runs behind, then catches up).
  let behind = 240_000
  sim = await startScenarioSimulator({
    logRate: 5,
    metricsIntervalMs: 1_050,
    now: () => Date.now() - behind
  })
  for (; behind > 0; behind -= 1_050) sim.control.collectMetrics()
  behind = 0
  jobName = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')!.name
})
afterAll(async () => {
  await sim?.close()
})

/** Nothing of the drawer or the view sticks out of the window sideways. */
async function expectWithin(scope: Locator, width: number): Promise<void> {
  const box = await scope.boundingBox()
  expect(box).not.toBeNull()
  expect(box!.x).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width).toBeLessThanOrEqual(width + 1)
}

describe.each(['en-US', 'zh-CN'] as const)('drawer, metrics and clusters in %s', (language) => {
  let userDataDir: string
  let app: E2eApp
  let page: Page

  beforeAll(async () => {
    userDataDir = await makeUserDataDir()
    await writeScenarioSettings(userDataDir, { language })
    app = await launchOnServer(sim.url, { userDataDir })
    page = await app.firstWindow()
    await waitForBadge(page, 'live')
  })
  afterAll(async () => {
    await app?.close()
    await removeUserDataDir(userDataDir)
  })

  const capture = async (name: string) => {
    await app.screenshot(`screens-${name}-${language}`)
    if (language === 'zh-CN') expect(await englishLeaks(page), name).toEqual([])
  }

  it.each(SIZES)(
    'lays out the drawer and the clusters at $width×$height',
    async ({ width, height }) => {
      await page.setViewportSize({ width, height })
      const size = `${width}x${height}`
      await openView(page, 'jobs')
      await jobRow(page, jobName).getByTestId('job-name').click()
      const drawer = page.getByTestId('job-detail')
      await drawer.waitFor({ state: 'visible' })
      for (const key of TABS) {
        await drawer.locator(`[data-node-key="${key}"]`).click()
        if (key === 'console')
          await drawer.getByTestId('log-line').first().waitFor({ timeout: 30_000 })
        if (key === 'metrics')
          await expect
            .poll(() => drawer.getByTestId('metric-last').count(), { timeout: 30_000 })
            .toBeGreaterThan(0)
        if (key === 'detail') {
          // The vertex table's last column is in view: the table fits the drawer without sideways scroll.
          const vertices = drawer.getByTestId('vertex-table').locator('.ant-table-content')
          await vertices.waitFor({ timeout: 30_000 })
          const overflow = await vertices.evaluate((box) => box.scrollWidth - box.clientWidth)
          expect(overflow).toBeLessThanOrEqual(1)
        }
        await expectWithin(drawer, width)
        await capture(`drawer-${key === 'detail' ? 'overview' : key}-${size}`)
      }
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'hidden' })

      await openView(page, 'clusters')
      await expect.poll(() => page.getByTestId('cluster-row').count()).toBeGreaterThan(0)
      await expectWithin(page.getByTestId('view-clusters'), width)
      // Hosts are shortened to one line; names keep a readable width (no mid-word breaks).
      for (const host of await page.getByTestId('cluster-host').all())
        expect((await host.boundingBox())!.height).toBeLessThan(30)
      const name = page.getByTestId('cluster-row').first().locator('td').nth(1)
      expect((await name.boundingBox())!.width).toBeGreaterThan(180)
      // Every column in view, Task managers included: no sideways scroll at either size.
      const table = page.getByTestId('view-clusters').locator('.ant-table-content').first()
      expect(await table.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(
        1
      )
      await capture(`clusters-${size}`)
    }
  )

  it('says why the cluster list is stale, and stops once it reads again', async () => {
    await openView(page, 'clusters')
    const rows = await page.getByTestId('cluster-row').count()
    sim.control.malformClusterList(true)
    try {
      const reason = page.getByTestId('clusters-stale-reason')
      await reason.waitFor({ timeout: 30_000 })
      await expect(reason.textContent()).resolves.toContain(STALE_REASON[language])
      // Only the clusters: the jobs stay live and the clusters last read stay listed.
      expect(await connectionBadge(page).getAttribute('data-state')).toBe('live')
      expect(await page.getByTestId('cluster-row').count()).toBe(rows)
      for (const { width, height } of SIZES) {
        await page.setViewportSize({ width, height })
        await capture(`clusters-stale-${width}x${height}`)
      }
    } finally {
      sim.control.malformClusterList(false)
    }
    await page.getByTestId('clusters-stale-reason').waitFor({ state: 'detached', timeout: 30_000 })
  })
})
