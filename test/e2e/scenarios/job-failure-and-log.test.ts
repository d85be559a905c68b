/**
 * Scenarios 2 and 3 over one app launch against a simulator the test holds: a job fails (its row turns red, a
 * native notification is raised, clicking it opens the job), and a console log streams into the job's drawer in
 * order and keeps the newest line in view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Simulator } from '../../../src/simulator/index'
import type { E2eApp } from '../harness/e2e-app'
import {
  jobRow,
  openJobConsole,
  openView,
  renderedLogLines,
  splitProcessLog,
  waitForBadge
} from '../harness/console-page'
import {
  launchOnServer,
  makeUserDataDir,
  removeUserDataDir,
  startScenarioSimulator,
  writeScenarioSettings
} from '../harness/scenario-server'

describe('a job fails and a console log streams', () => {
  let sim: Simulator
  let userDataDir: string
  let app: E2eApp
  let page: Page

  beforeAll(async () => {
    sim = await startScenarioSimulator({ logRate: 25, submissionLines: 400 })
    userDataDir = await makeUserDataDir()
    await writeScenarioSettings(userDataDir)
    app = await launchOnServer(sim.url, { userDataDir })
    page = await app.firstWindow()
    await waitForBadge(page, 'live')
    await openView(page, 'jobs')
  })
  afterAll(async () => {
    await app?.close()
    await sim?.close()
    await removeUserDataDir(userDataDir)
  })

  it('turns a failed job red, raises a notification, and opens the job when it is clicked', async () => {
    const victim = sim.control.world.latestInstances().find((job) => job.status === 'RUNNING')
    if (!victim) throw new Error('the seeded world has no running job')
    const row = jobRow(page, victim.name)
    await expect(row.getAttribute('data-status')).resolves.toBe('RUNNING')
    expect(await row.getAttribute('class')).not.toContain('job-row-alarm')

    sim.control.failJob(victim.taskId)

    await page
      .locator(`[data-testid="job-row"][data-status="FAILED"][data-job-id="${victim.id}"]`)
      .waitFor({ timeout: 10_000 })
    expect(await row.getAttribute('class')).toContain('job-row-alarm')
    const background = await row.locator('td').first().evaluate(backgroundOf)
    expect(background).toMatch(/^rgba\(255, 77, 79/)

    const notification = await app.waitForNotification(
      (n) => n.title === `${victim.name}: Failed`,
      10_000
    )
    expect(notification.body).toContain('Running → Failed')
    const index = (await app.notifications()).findIndex((n) => n.title === notification.title)
    await app.clickNotification(index)
    const drawer = page.getByTestId('job-detail')
    await drawer.waitFor({ state: 'visible', timeout: 5_000 })
    await expect(drawer.textContent()).resolves.toContain(victim.name)
    await drawer.getByTestId('root-exception').waitFor({ timeout: 5_000 })
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
  })

  it('streams a submission log into the job drawer in order and follows the newest line', async () => {
    const task = sim.control.world.tasks.find((t) => t.name === 'dwd_user_behavior_clean')!
    const run = sim.control.submit(task.id)
    // Open the new run's row (the list picks it up at the next jobs poll), not the run it replaced.
    await page.locator(`[data-testid="job-row"][data-job-id="${run}"]`).waitFor({ timeout: 10_000 })
    const drawer = await openJobConsole(page, task.name)
    const viewer = drawer.getByTestId('log-viewer')
    await viewer.getByTestId('log-line').first().waitFor({ timeout: 10_000 })

    const lastShown = async () => (await renderedLogLines(viewer)).at(-1) ?? ''
    const simulatorLines = () =>
      splitProcessLog(sim.control.world.console.get(`FlinkSubmit/${task.id}`)?.log ?? '')
    // Follows: the last line on screen keeps moving to the simulator's newest lines.
    const first = await lastShown()
    await expect.poll(lastShown, { timeout: 10_000 }).not.toBe(first)
    await expect.poll(async () => (await renderedLogLines(viewer)).length).toBeGreaterThan(20)
    const second = await lastShown()
    await expect.poll(lastShown, { timeout: 10_000 }).not.toBe(second)

    // In order: what is on screen is a contiguous run of the simulator's log, ending near its newest line.
    const shown = await renderedLogLines(viewer)
    const all = simulatorLines()
    const start = all.indexOf(shown[0])
    expect(start).toBeGreaterThanOrEqual(0)
    expect(shown).toEqual(all.slice(start, start + shown.length))
    expect(all.length - (start + shown.length)).toBeLessThan(50)
    // Into view: once the log is taller than its box, the newest line is inside the window, not below its edge.
    // (The box holds about 30 rows; the viewer renders 20 more beyond the visible ones.)
    await expect.poll(async () => (await renderedLogLines(viewer)).length).toBeGreaterThan(40)
    const window = page.viewportSize()!
    const newest = await viewer.getByTestId('log-line').last().boundingBox()
    expect(newest!.y + newest!.height).toBeLessThanOrEqual(window.height)
    await app.screenshot('scenario-job-console-following')
  })
})

/** Runs in the page: the computed background of an element (the test program has no DOM types). */
function backgroundOf(element: unknown): string {
  const view = globalThis as unknown as {
    getComputedStyle(element: unknown): { backgroundColor: string }
  }
  return view.getComputedStyle(element).backgroundColor
}
