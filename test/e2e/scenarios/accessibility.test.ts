/**
 * Issue 23, accessible: axe-core audits every view (the fleet's with a live and a reconnecting server), every tab of
 * the job drawer, the open-alerts panel and the main modals (clear cache, the login prompt) in en-US and zh-CN,
 * light and dark. One app launch per look walks them all; reports go to test-output/e2e/a11y/<screen>.json. A
 * serious or critical violation fails the screen's test, naming the rule and the elements.
 */
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../../src/main/core/session/demo-profile'
import { createServerProfile, DEMO_PROFILE_ID } from '../../../src/shared/profiles'
import { auditScreen, blockingViolations } from '../harness/axe-audit'
import {
  openAvatarMenu,
  openLoginPrompt,
  openView,
  waitForBadge,
  waitForOpeningMotion,
  type ViewName
} from '../harness/console-page'
import { invokeInPage } from '../harness/fleet-servers'
import { useScenario } from '../harness/scenario-fixture'
import { LOOKS } from '../harness/screenshot-matrix'

const VIEWS: ViewName[] = [
  'fleet',
  'overview',
  'jobs',
  'logs',
  'clusters',
  'diagnostics',
  'settings'
]
const DRAWER_TABS = [
  'detail',
  'graph',
  'console',
  'timeline',
  'checkpoints',
  'exceptions',
  'flink-logs',
  'alerts',
  'versions',
  'metrics'
] as const

/** Nothing listens on the discard port of loopback: connections are refused at once. */
const DEAD_URL = 'http://127.0.0.1:9'

/** What each view shows once its data is in: audited before, a view would be judged on its spinners. */
const VIEW_READY: Record<ViewName, string> = {
  fleet: 'fleet-server',
  overview: 'cluster-health',
  jobs: 'job-row',
  logs: 'log-process',
  clusters: 'cluster-row',
  diagnostics: 'diag-history',
  settings: 'profile-add'
}

/** Waits until nothing in `scope` is still loading (antd's spinners gone). */
async function settled(scope: Locator): Promise<void> {
  await expect.poll(() => scope.locator('.ant-spin-spinning').count()).toBe(0)
}

/**
 * Closes the drawers and modals an earlier test left open (its audit failed before it closed them), all but the one
 * the next test goes on with: a drawer by its close button (Escape needs the focus inside it), a modal by Escape.
 */
async function closeOverlays(page: Page, keepTestId?: string): Promise<void> {
  for (const drawer of await page.locator('.ant-drawer-content-wrapper:visible').all()) {
    if (keepTestId && (await drawer.getAttribute('data-testid')) === keepTestId) continue
    await drawer.locator('.ant-drawer-close').click()
    await drawer.waitFor({ state: 'hidden' })
  }
  const modal = page.locator('.ant-modal-wrap:visible')
  while ((await modal.count()) > 0) {
    await page.keyboard.press('Escape')
    await modal.first().waitFor({ state: 'hidden' })
  }
}

describe.each(LOOKS)('accessibility in $locale, dark: $dark', ({ locale, dark }) => {
  const theme = dark ? 'dark' : 'light'
  const scenario = useScenario({
    // Console lines and metrics samples keep coming, so the Console and Metrics tabs have something to show.
    simulator: { logRate: 5, metricsIntervalMs: 1_050 },
    prepare: (sim) => {
      for (let sample = 0; sample < 5; sample++) sim.control.collectMetrics()
    },
    settings: { language: 'system', theme: 'system' },
    launch: { locale, darkMode: dark },
    afterLaunch: async (page) => {
      // A second server that never answers: the fleet view shows a live card and a reconnecting one.
      const dead = createServerProfile({ id: 'staging', name: 'Staging', url: DEAD_URL })
      await invokeInPage(page, 'profiles:save', { profile: dead, password: DEMO_PASSWORD })
      await invokeInPage(page, 'profiles:select', { profileId: DEMO_PROFILE_ID })
      await waitForBadge(page, 'live')
      // A failed job and its firing alert on every screen: red tags and alert rows are audited too.
      scenario.sim.control.failJob(running()[1]!.taskId)
      await page.locator('[data-testid="alerts-bell"]:not([data-firing="0"])').waitFor()
    }
  })
  const running = () =>
    scenario.sim.control.world
      .latestInstances()
      .filter(
        (job) =>
          job.status === 'RUNNING' && !scenario.sim.control.world.task(job.taskId)?.batchModel
      )

  /** Audits and expects no serious or critical violation, naming each by rule and element. */
  const expectClean = async (screen: string, scope?: { name: string; locator: Locator }) => {
    const run = await auditScreen(scenario.page, screen, { locale, theme }, scope)
    expect(blockingViolations(run), `${screen} in ${locale}, ${theme}`).toEqual([])
  }

  it.each(VIEWS)('the %s view has no serious or critical violation', async (view) => {
    const { page } = scenario
    await openView(page, view)
    await page.getByTestId(VIEW_READY[view]).first().waitFor({ timeout: 30_000 })
    await settled(page.getByTestId(`view-${view}`))
    await expectClean(view)
  })

  it.each(DRAWER_TABS)('the job drawer tab %s has none', async (tab) => {
    const { page } = scenario
    // The drawer's data-testid is on its panel's wrapper: the part that slides in, mask left out.
    const drawer = page.getByTestId('job-detail')
    await closeOverlays(page, 'job-detail')
    if (!(await drawer.isVisible())) {
      await openView(page, 'jobs')
      await page
        .getByTestId('job-row')
        .filter({ has: page.getByText(running()[0]!.name, { exact: true }) })
        .getByTestId('job-name')
        .click()
      await waitForOpeningMotion(drawer)
    }
    const tabButton = drawer.locator(`[data-node-key="${tab}"] [role="tab"]`)
    await tabButton.click()
    const pane = page.locator(`[id="${await tabButton.getAttribute('aria-controls')}"]`)
    await pane.waitFor()
    if (tab === 'console') await pane.getByTestId('log-line').first().waitFor({ timeout: 30_000 })
    await settled(pane)
    await expectClean(`job-drawer-${tab}`, { name: 'job drawer', locator: drawer })
  })

  it('the open-alerts panel has none', async () => {
    const { page } = scenario
    await closeOverlays(page)
    await page.getByTestId('alerts-bell').click()
    const panel = page.getByTestId('alerts-drawer')
    await waitForOpeningMotion(panel)
    await panel.getByTestId('open-alert').first().waitFor()
    await expectClean('alerts-panel', { name: 'open alerts drawer', locator: panel })
  })

  it('the clear-cache modal has none', async () => {
    const { page } = scenario
    await closeOverlays(page)
    await openAvatarMenu(page)
    await page.getByTestId('menu-clear-cache').click()
    const modal = page.getByRole('dialog').filter({ has: page.getByTestId('cache-sizes') })
    await waitForOpeningMotion(modal)
    await page.getByTestId('cache-total').filter({ hasText: /\d/ }).waitFor()
    await expectClean('modal-clear-cache', { name: 'clear cache modal', locator: modal })
  })

  it('the login prompt has none', async () => {
    // Dinky restarted with another password: the stored one is refused and the badge offers "Log in again".
    await scenario.stopSimulator()
    await scenario.restartSimulator({ password: 'rotated-Pa55word' })
    const { page } = scenario
    await waitForBadge(page, 'auth-expired', 30_000)
    await closeOverlays(page)
    const prompt = await openLoginPrompt(page)
    await expectClean('modal-login', { name: 'login prompt', locator: prompt })
    await page.keyboard.press('Escape')
    await prompt.waitFor({ state: 'hidden' })
  })
})
