/**
 * Job health end to end (issue 15): a running job's checkpoints start failing — the background sweep notices,
 * one desktop notification is raised (not one per sweep), and the Jobs table shows the failed count and a red
 * health dot; the drawer's tabs show checkpoints, exceptions, Flink logs, alerts and versions; Flink unreachable
 * reads as "Dinky lost Flink", not as a failure; and the same drawer opens from the cache with the server down.
 */
import { describe, expect, it } from 'vitest'
import { jobRow, openView } from '../harness/console-page'
import { useScenario } from '../harness/scenario-fixture'
import { SCENARIO_CONNECTION } from '../harness/scenario-server'

const TABS = ['detail', 'checkpoints', 'exceptions', 'flink-logs', 'alerts', 'versions'] as const

describe('job health: failing checkpoints, the drawer, and the cache', () => {
  let victimName = ''
  const scenario = useScenario({
    prepare: (sim) => {
      sim.control.jobHealth.checkpointInterval(1_000)
      const { world } = sim.control
      victimName = world
        .latestInstances()
        .find((i) => i.status === 'RUNNING' && !world.task(i.taskId)?.batchModel)!.name
    },
    settings: { connection: { ...SCENARIO_CONNECTION, jobDetailBudgetPerSecond: 4 } },
    afterLaunch: (page) => openView(page, 'jobs')
  })
  const victim = () =>
    scenario.sim.control.world.latestInstances().find((i) => i.name === victimName)!

  it('raises one notification when checkpoints start failing, and the Jobs table shows it', async () => {
    const { sim, app, page } = scenario
    expect(victim().status).toBe('RUNNING')
    const row = jobRow(page, victimName)
    // The sweep has seen the job healthy first: that is the baseline a rise is measured from.
    await row
      .locator('[data-testid="health-dot"][data-health="success"]')
      .waitFor({ timeout: 30_000 })
    await expect(row.getByTestId('failed-checkpoints').textContent()).resolves.toBe('0')

    sim.control.jobHealth.failCheckpoints(victim().taskId)

    // Issue 22: the default rule checkpoint-failed (≥ 1 within 10 min) raises it now.
    const title = `${victimName}: checkpoints failing`
    const notification = await app.waitForNotification((n) => n.title === title, 40_000)
    expect(notification.body).toMatch(/failed checkpoint/)
    await row
      .locator('[data-testid="health-dot"][data-health="error"]')
      .waitFor({ timeout: 30_000 })
    const failedNow = Number(await row.getByTestId('failed-checkpoints').textContent())
    expect(failedNow).toBeGreaterThan(0)
    // Another sweep raises the count again: still one notification for the episode.
    await expect
      .poll(async () => Number(await row.getByTestId('failed-checkpoints').textContent()), {
        timeout: 40_000
      })
      .toBeGreaterThan(failedNow)
    expect((await app.notifications()).filter((n) => n.title === title)).toHaveLength(1)
    await app.screenshot('job-health-jobs-table-failing')
  })

  it('shows every drawer tab, with its as-of time', async () => {
    const { app, page } = scenario
    await jobRow(page, victimName).getByTestId('job-name').click()
    const drawer = page.getByTestId('job-detail')
    await drawer.waitFor({ state: 'visible' })
    await drawer.getByTestId('vertex-table').waitFor({ timeout: 30_000 })
    for (const key of TABS) {
      await drawer.locator(`[data-node-key="${key}"]`).click()
      if (key === 'checkpoints') {
        await drawer.getByTestId('checkpoint-history').waitFor()
        await expect
          .poll(async () => Number(await drawer.getByTestId('checkpoints-failed').textContent()))
          .toBeGreaterThan(0)
      }
      if (key === 'flink-logs')
        await drawer.getByTestId('log-line').first().waitFor({ timeout: 30_000 })
      if (key === 'alerts')
        await drawer.getByTestId('alert-entry').first().waitFor({ timeout: 30_000 })
      if (key === 'versions') await drawer.getByTestId('version-sql').waitFor({ timeout: 30_000 })
      await app.screenshot(`job-health-tab-${key}-en-US-light`)
    }
    // Alert markdown is rendered, and its raw HTML (<font>) is inert text, never markup.
    await drawer.locator('[data-node-key="alerts"]').click()
    expect(await drawer.locator('.safe-markdown font').count()).toBe(0)
    await expect(drawer.locator('.safe-markdown strong').first().textContent()).resolves.toBe(
      'Job Name :'
    )
  })

  it('says Dinky lost Flink when Flink is unreachable, not that the job failed', async () => {
    const { sim, app, page } = scenario
    const drawer = page.getByTestId('job-detail')
    if (!(await drawer.isVisible())) await jobRow(page, victimName).getByTestId('job-name').click()
    await drawer.locator('[data-node-key="detail"]').click()
    sim.control.jobHealth.setFlinkReachable(victim().clusterId, false)
    await drawer
      .locator('[data-testid="flink-lost"]:visible')
      .waitFor({ timeout: 40_000 })
      .catch(async (error: unknown) => {
        await app.screenshot('job-health-flink-lost-failed')
        throw error
      })
    await app.screenshot('job-health-flink-lost')
    sim.control.jobHealth.setFlinkReachable(victim().clusterId, true)
    sim.control.tick()
  })

  it('opens the same drawer from the cache with the server down', async () => {
    await scenario.page.keyboard.press('Escape')
    await scenario.app.close()
    await scenario.stopSimulator()
    // Nothing listens on the port now: the app starts from its cache.
    const page = await scenario.launch(`http://127.0.0.1:${scenario.port}`)
    const { app } = scenario
    await openView(page, 'jobs')
    await jobRow(page, victimName).getByTestId('job-name').click()
    const drawer = page.getByTestId('job-detail')
    await drawer.getByTestId('vertex-table').waitFor({ timeout: 30_000 })
    await expect(
      drawer.getByTestId('health-as-of').first().getAttribute('data-stale')
    ).resolves.toBe('true')
    // The detail could not be read: said as a sentence, main's message (endpoint and all) only as small print.
    const failure = drawer.getByTestId('failure-alert')
    await failure.waitFor({ timeout: 30_000 })
    const headline = await failure
      .locator('.ant-alert-title, .ant-alert-message')
      .first()
      .textContent()
    expect(headline).toMatch(/^Could not load the details: connection (refused|reset)$/)
    await expect(failure.getByTestId('failure-detail').textContent()).resolves.toContain('/api/')
    await drawer.locator('[data-node-key="checkpoints"]').click()
    await expect
      .poll(async () => Number(await drawer.getByTestId('checkpoints-failed').textContent()))
      .toBeGreaterThan(0)
    await app.screenshot('job-health-drawer-from-cache')
  })
})
