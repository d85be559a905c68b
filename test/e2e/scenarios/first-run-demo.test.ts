/**
 * Scenario 1: a first run (empty userData, no settings) opens on the built-in Demo server — the simulator the app
 * starts in-process — and shows it live: the Live badge, the overview's counts and the job rows; and any job's
 * console log can be followed from the Logs view.
 */
import { describe, expect, it } from 'vitest'
import { connectionBadge, openView, waitForBadge } from '../harness/console-page'
import { useFirstRunApp } from '../harness/scenario-fixture'

describe('first run', () => {
  const scenario = useFirstRunApp({ waitForLive: false })

  it('opens on the Demo server and shows it Live', async () => {
    const { page } = scenario
    await waitForBadge(page, 'live')
    await expect(connectionBadge(page).textContent()).resolves.toContain('Live')
    await expect(page.getByTestId('server-switcher').textContent()).resolves.toContain('Demo')
  })

  it('shows the demo world: running jobs counted on the overview and listed as job rows', async () => {
    const { app, page } = scenario
    const running = page.getByTestId('count-running')
    await expect
      .poll(async () => Number((await running.textContent())?.match(/\d+/)?.[0] ?? 0))
      .toBeGreaterThan(0)

    await openView(page, 'jobs')
    const rows = page.getByTestId('job-row')
    await rows.first().waitFor({ state: 'visible' })
    // The simulator's cast: twelve tasks, one row per task's latest instance.
    expect(await rows.count()).toBe(12)
    await expect(
      page.getByTestId('job-row').filter({ hasText: 'ods_orders_kafka2hudi' }).count()
    ).resolves.toBe(1)
    expect(
      await page.locator('[data-testid="job-row"][data-status="RUNNING"]').count()
    ).toBeGreaterThan(0)
    expect(app.pageErrors()).toEqual([])
  })

  it("follows any job's submission log from the Logs view, named after its job", async () => {
    const { app, page } = scenario
    await openView(page, 'logs')
    await page.getByTestId('log-process').click()
    const choice = page.locator('.ant-select-item-option').filter({ hasText: 'ads_daily_report' })
    await expect(choice.textContent()).resolves.toMatch(/^ads_daily_report.* · FlinkSubmit\/\d+$/)
    await choice.click()
    await page.getByTestId('log-line').first().waitFor({ timeout: 30_000 })
    await expect(page.getByTestId('log-process').textContent()).resolves.toContain(
      'ads_daily_report'
    )
    expect(app.pageErrors()).toEqual([])
  })
})
