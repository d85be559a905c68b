/**
 * Issue 22 end to end: a job failed at the simulator raises a firing alert (the bell's badge, the open-alerts
 * drawer, the tray's count, a notification with Snooze 1 h / Acknowledge buttons); it is snoozed from the list, and a
 * second one from the notification's button. Screenshots of the rule editor and of a firing alert with its snooze
 * menu open, in en-US and zh-CN at 960×600 and 1440×900 (`alerts-<screen>-<locale>-<size>.png`).
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { englishLeaks } from '../harness/catalogue-leaks'
import { openView } from '../harness/console-page'
import { useScenarioApp, useScenarioSimulator } from '../harness/scenario-fixture'

const SIZES = [
  { width: 960, height: 600 },
  { width: 1440, height: 900 }
] as const

const dinky = useScenarioSimulator()
const running = () => {
  const { world } = dinky.sim.control
  return world
    .latestInstances()
    .filter((job) => job.status === 'RUNNING' && !world.task(job.taskId)?.batchModel)
}

/** The open alerts drawer (the Overview's card lists the same alerts under it). */
const drawer = (page: Page) => page.getByTestId('alerts-drawer')

/** The row of the open alert on this job in the drawer. */
const alertRow = (page: Page, jobName: string) =>
  drawer(page).getByTestId('open-alert').filter({ hasText: jobName })

/** Closes the drawer by its close button (Escape needs the focus inside it) and waits until it has gone. */
const closeDrawer = async (page: Page) => {
  await page.locator('.ant-drawer-close').click()
  await drawer(page).waitFor({ state: 'hidden' })
}

/** The bell's firing count; other default rules may fire on the seeded world too. */
const badgeCount = async (page: Page) =>
  Number(await page.getByTestId('alerts-bell').getAttribute('data-firing'))

describe.each(['en-US', 'zh-CN'] as const)('alerts in %s', (locale) => {
  const scenario = useScenarioApp({
    server: () => dinky.sim.url,
    settings: { language: 'system' },
    launch: { locale, env: { DINKY_NOTIFICATION_ACTIONS: 'on' } }
  })

  if (locale === 'en-US') {
    it('raises a firing alert for a failed job and snoozes it from the list', async () => {
      const { app, page } = scenario
      const victim = running()[0]!
      dinky.sim.control.failJob(victim.taskId)

      const notification = await app.waitForNotification(
        (n) => n.title === `${victim.name}: Failed`,
        30_000
      )
      expect(notification.actions).toEqual(['Snooze 1 h', 'Acknowledge'])
      await expect.poll(() => badgeCount(page)).toBeGreaterThanOrEqual(1)
      await expect.poll(async () => (await app.tray())?.tooltip).toMatch(/\n\d+ firing alerts?\n/)

      // The tray's "1 firing alert" opens the list.
      await app.clickTrayMenuItem('firing-alerts')
      const row = alertRow(page, victim.name)
      await row.waitFor({ timeout: 30_000 })
      await expect(row.getAttribute('data-state')).resolves.toBe('firing')
      await row.getByTestId('alert-snooze').click()
      await page.getByTestId('alert-snooze-1h').click()
      await row.getByTestId('alert-mark-snooze').waitFor({ timeout: 30_000 })
      await closeDrawer(page)
    })

    it('snoozes and acknowledges from the notification buttons', async () => {
      const { app, page } = scenario
      const victim = running()[0]!
      dinky.sim.control.failJob(victim.taskId)
      const title = `${victim.name}: Failed`
      await app.waitForNotification((n) => n.title === title, 30_000)
      const index = (await app.notifications()).findIndex((n) => n.title === title)
      await app.clickNotificationAction(index, 0)
      await app.clickNotificationAction(index, 1)

      await page.getByTestId('alerts-bell').click()
      const row = alertRow(page, victim.name)
      await row.getByTestId('alert-mark-snooze').waitFor({ timeout: 30_000 })
      await row.getByTestId('alert-mark-ack').waitFor({ timeout: 30_000 })
      await expect.poll(() => badgeCount(page)).toBeGreaterThanOrEqual(2)
      await closeDrawer(page)

      // A click on the notification opens the job's Timeline tab, where the alert's changes sit.
      await app.clickNotification(index)
      const timeline = page.getByTestId('timeline-list')
      const alertEvents = timeline.locator('[data-testid="timeline-event"][data-kind="alert"]')
      await expect.poll(() => alertEvents.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3)
      // By its close button: Escape reaches the drawer only once the focus has moved into it.
      await page.locator('.ant-drawer-close').click()
      await timeline.waitFor({ state: 'hidden' })
      expect((await app.records()).mainErrors).toEqual([])
    })
  }

  it.each(SIZES)('shows the rule editor and the snooze menu at $width×$height', async (size) => {
    const { app, page } = scenario
    const name = (screen: string) => `alerts-${screen}-${locale}-${size.width}x${size.height}`
    await page.setViewportSize(size)

    await openView(page, 'settings')
    const card = page.getByTestId('alert-rules')
    await card.getByTestId('alert-rule-table').waitFor()
    // The card's top at the top of the view (the test program has no DOM types).
    await card.evaluate((element) =>
      (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({
        block: 'start'
      })
    )
    // The pointer off the side menu, whose tooltip would cover the table.
    await page.mouse.move(size.width - 5, size.height - 5)
    await expect.poll(() => page.locator('.ant-tooltip:visible').count()).toBe(0)
    // The last test's "Snoozed" notice fades by itself (3 s) rather than cover the card.
    await expect.poll(() => page.locator('.ant-message-notice').count()).toBe(0)
    await app.screenshot(name('rule-editor'))
    if (locale === 'zh-CN') expect(await englishLeaks(page)).toEqual([])

    await card.getByTestId('alert-rule-add').click()
    const form = page.getByTestId('alert-rule-form')
    await form.locator('[data-testid="rule-kind"] label').nth(2).click()
    await form.getByTestId('rule-atLeast').waitFor()
    await app.screenshot(name('rule-form'))
    if (locale === 'zh-CN') expect(await englishLeaks(page)).toEqual([])
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'hidden' })

    await openView(page, 'overview')
    await page.getByTestId('alerts-bell').click()
    const row = drawer(page).locator('[data-testid="open-alert"][data-state="firing"]').first()
    await row.waitFor({ timeout: 30_000 })
    await row.getByTestId('alert-snooze').click()
    await page.getByTestId('alert-snooze-resolved').waitFor()
    await app.screenshot(name('snooze-menu'))
    if (locale === 'zh-CN') expect(await englishLeaks(page)).toEqual([])
    await page.keyboard.press('Escape')
    await page.getByTestId('alert-snooze-resolved').waitFor({ state: 'hidden' })
    await closeDrawer(page)
  })
})
