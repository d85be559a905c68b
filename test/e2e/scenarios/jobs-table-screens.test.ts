/**
 * Issue 23 end to end: the Jobs view of three servers at once (one live, one reconnecting, one offline from the
 * cache), 2,000 jobs each, as one virtualized table with a Server column; one job on the second server has a name of
 * 250 characters without a space, and its status stays on screen. Screenshots in en-US and zh-CN at 1440×900 and
 * 960×600 (`jobs-all-servers-<locale>-<size>.png`); first render, filter and sort timed in the page at 6,000 rows
 * (`test-output/e2e/jobs-table-timings-<locale>.json`).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Simulator } from '../../../src/simulator/index'
import { englishLeaks } from '../harness/catalogue-leaks'
import { useFleetScenario } from '../harness/fleet-scenario'
import type { FleetTriple } from '../harness/fleet-servers'
import {
  idleLongTasks,
  installTimingProbe,
  readTimings,
  setTimingLabel
} from '../harness/jobs-table-timing'
import { SCREENSHOT_DIR } from '../harness/project-paths'

const PER_SERVER = 2_000
const LONG_NAME = `cdc_mysql_ods_trade_${'order_detail_sharding_'.repeat(10)}to_doris_dwd_realtime_sync_v3`

/** One job of the second server gets the long name and the newest update, so the default sort shows it first. */
function lengthenOneName([live, second]: FleetTriple<Simulator>): void {
  const victim = live.control.world.latestInstances().find((job) => job.status === 'RUNNING')
  if (victim) live.control.failJob(victim.taskId)
  const { world } = second.control
  const latest = world.latestInstances()
  const job = latest.find((instance) => instance.status === 'RUNNING')!
  const newest = Math.max(...latest.map((instance) => instance.updateTime))
  world.task(job.taskId)!.name = LONG_NAME
  for (const instance of world.instances.filter((i) => i.taskId === job.taskId)) {
    instance.name = LONG_NAME
  }
  job.updateTime = newest + 60_000
}

const grid = (page: Page) => page.getByTestId('jobs-table')

async function rowCount(page: Page): Promise<number> {
  return Number(await grid(page).getAttribute('aria-rowcount')) - 1
}

/** The long name's row: its name cut by its cell, its status fully inside the window, no sideways scrolling. */
async function expectStatusBesideLongName(page: Page, width: number): Promise<void> {
  const row = page.locator('[data-testid="job-row"][data-profile-id="staging"]').filter({
    has: page.getByTitle(LONG_NAME, { exact: true })
  })
  const name = await row.getByTestId('job-name').boundingBox()
  const status = await row.getByTestId('job-status').boundingBox()
  expect(name!.width).toBeGreaterThan(150)
  expect(name!.width).toBeLessThan(width / 2)
  expect(status!.x).toBeGreaterThan(name!.x + name!.width)
  expect(status!.x + status!.width).toBeLessThanOrEqual(width)
  const overflow = await grid(page).evaluate((element) => element.scrollWidth - element.clientWidth)
  expect(overflow).toBe(0)
}

describe.each(['en-US', 'zh-CN'] as const)('all-servers jobs table in %s', (locale) => {
  const fleet = useFleetScenario({ jobs: PER_SERVER, locale, prepare: lengthenOneName })
  const all = locale === 'zh-CN' ? '全部服务器' : 'All servers'

  it('lists 6,000 jobs of three servers together, the long name cut and its status on screen', async () => {
    const { page, app } = fleet
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByTestId('nav-jobs').click()
    await page.getByTestId('jobs-scope').getByText(all, { exact: true }).click()
    await expect.poll(() => rowCount(page), { timeout: 60_000 }).toBe(3 * PER_SERVER)
    const servers = await page
      .getByTestId('job-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-profile-id')))
    expect(new Set(servers).size).toBeGreaterThan(1)
    expect(await page.getByTestId('job-row').count()).toBeLessThan(80)
    await expectStatusBesideLongName(page, 1440)
    if (locale === 'zh-CN') expect(await englishLeaks(page)).toEqual([])
    await app.screenshot(`jobs-all-servers-${locale}-1440x900`)

    await page.setViewportSize({ width: 960, height: 600 })
    await expect.poll(() => page.getByTestId('jobs-sort-failedCheckpoints').count()).toBe(0)
    await expectStatusBesideLongName(page, 960)
    await app.screenshot(`jobs-all-servers-${locale}-960x600`)

    await page.getByTestId('jobs-filter-name').locator('input').fill('cdc_mysql')
    await page.getByTestId('jobs-sort-server').click()
    await app.screenshot(`jobs-all-servers-filtered-${locale}-960x600`)
    await page.getByTestId('jobs-filter-name').locator('input').fill('')
    await page.getByTestId('jobs-sort-updated').click()
  })

  // Some sixty clicks and keystrokes on a loaded machine: the deadline only ends a stuck run.
  it('times first render, filter and sort at 6,000 rows', { timeout: 300_000 }, async () => {
    const { page } = fleet
    await page.setViewportSize({ width: 1440, height: 900 })
    await installTimingProbe(page)
    for (let i = 0; i < 10; i++) {
      await page.getByTestId('nav-overview').click()
      await page.getByTestId('view-overview').waitFor()
      await setTimingLabel(page, 'first-render')
      await page.getByTestId('nav-jobs').click()
      await grid(page).waitFor()
      await setTimingLabel(page, null)
    }
    expect(await rowCount(page)).toBe(3 * PER_SERVER)

    const input = page.getByTestId('jobs-filter-name').locator('input')
    await setTimingLabel(page, 'filter')
    for (const text of ['ods_order', 'cdc_mysql']) {
      await input.click()
      await page.keyboard.type(text)
      await input.fill('')
    }
    await setTimingLabel(page, 'sort')
    for (const column of ['name', 'status', 'server', 'duration', 'updated']) {
      await page.getByTestId(`jobs-sort-${column}`).click()
      await page.getByTestId(`jobs-sort-${column}`).click()
    }
    await setTimingLabel(page, null)
    const timings = await readTimings(page)
    const idle = await idleLongTasks(page, 20_000)
    const report = { locale, rows: await rowCount(page), ...timings, idleLongTasksMs: idle }
    await mkdir(SCREENSHOT_DIR, { recursive: true })
    await writeFile(
      join(SCREENSHOT_DIR, `jobs-table-timings-${locale}.json`),
      JSON.stringify(report, null, 2)
    )
    console.log(JSON.stringify(report))
    expect(timings.work.filter.samples).toBeGreaterThanOrEqual(18)
    expect(timings.work.sort.samples).toBe(10)
  })
})
