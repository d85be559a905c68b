/**
 * Screenshots of every main screen in en-US and zh-CN, light and dark (following the system, as a first run does):
 * overview, jobs, a job's detail with its console log, clusters, the avatar menu open, and the reconnecting state.
 * In zh-CN (scenario 9) no translated English label may be on screen; in en-US the language is switched to Chinese
 * from the top bar and the labels change at once.
 */
import { beforeAll, expect, it } from 'vitest'
import { englishLeaks, loadCatalogues, type Catalogue } from '../harness/catalogue-leaks'
import {
  backgroundColor,
  openAvatarMenu,
  openJobConsole,
  openView,
  waitForBadge,
  waitForOpeningMotion
} from '../harness/console-page'
import { useScenarioSimulator } from '../harness/scenario-fixture'
import { screenshotMatrix } from '../harness/screenshot-matrix'

let enUS: Catalogue
let zhCN: Catalogue
beforeAll(async () => {
  ;({ enUS, zhCN } = await loadCatalogues())
})
// A long-running submission, so every launch finds a job whose console log is still being written.
const dinky = useScenarioSimulator({ logRate: 5, submissionLines: 5_000 }, (sim) =>
  sim.control.submit(2)
)

screenshotMatrix(
  'screens',
  () => dinky.sim.url,
  ({ dark, chinese, suffix }, scenario) => {
    const label = (path: string) => lookUp(chinese ? zhCN : enUS, path)

    /** Screenshot, and in Chinese also the check that no translated English label is on screen. */
    const capture = async (screen: string) => {
      await scenario.app.screenshot(`${screen}-${suffix}`)
      if (chinese) expect(await englishLeaks(scenario.page), screen).toEqual([])
    }

    it('shows the overview, jobs, job console and clusters in the system language and theme', async () => {
      const { page } = scenario
      await expect(page.getByTestId('nav-overview').textContent()).resolves.toBe(
        label('nav.overview')
      )
      const background = await backgroundColor(page.getByTestId('view-overview'))
      expect(isDark(background)).toBe(dark)
      await expect.poll(() => page.getByTestId('count-all').textContent()).toMatch(/\d/)
      await page.getByTestId('cluster-health').waitFor()
      await capture('overview')

      await openView(page, 'jobs')
      await expect.poll(() => page.getByTestId('job-row').count()).toBe(12)
      await capture('jobs')

      const drawer = await openJobConsole(page, 'dwd_user_behavior_clean')
      await expect.poll(() => drawer.getByTestId('log-line').count()).toBeGreaterThan(5)
      await capture('job-detail-log')
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'hidden' })

      await openView(page, 'clusters')
      await page.getByTestId('cluster-row').first().waitFor()
      await capture('clusters')
    })

    it('opens the avatar menu with its items in the language', async () => {
      const { page } = scenario
      await openAvatarMenu(page)
      const clearCache = page.getByTestId('menu-clear-cache')
      await expect(clearCache.textContent()).resolves.toBe(label('account.clearCache'))
      await capture('avatar-menu')
      await page.keyboard.press('Escape')
      await clearCache.waitFor({ state: 'hidden' })
    })

    it('shows the reconnecting state with the data kept', async () => {
      const { page } = scenario
      await openView(page, 'overview')
      // The server stays down until the screen is captured, however slow the machine.
      let reopen = (): void => undefined
      const refusal = dinky.sim.control.refuseConnections(new Promise<void>((up) => (reopen = up)))
      await waitForBadge(page, 'reconnecting', 30_000)
      await page.getByTestId('stale-since').waitFor()
      await capture('reconnecting')
      reopen()
      await refusal
      await waitForBadge(page, 'live', 30_000)
    })

    it.runIf(!chinese && !dark)('switches to Chinese from the top bar', async () => {
      const { app, page } = scenario
      await page.getByTestId('language-menu').click()
      const chineseItem = page.getByRole('menuitem', { name: lookUp(enUS, 'settings.chinese') })
      await waitForOpeningMotion(page.locator('.ant-dropdown').filter({ has: chineseItem }))
      await chineseItem.click()
      await chineseItem.waitFor({ state: 'hidden' })
      await expect.poll(() => page.getByTestId('nav-overview').textContent()).toBe('概览')
      await expect(page.getByTestId('nav-jobs').textContent()).resolves.toBe(
        lookUp(zhCN, 'nav.jobs')
      )
      await openAvatarMenu(page)
      await expect(page.getByTestId('menu-clear-cache').textContent()).resolves.toBe('清除本地缓存')
      expect(await englishLeaks(page)).toEqual([])
      await app.screenshot('switched-to-zh-CN')
    })
  }
)

/** True for a dark `rgb(...)`/`rgba(...)` colour (luma under half). */
function isDark(color: string): boolean {
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number)
  return 0.299 * r + 0.587 * g + 0.114 * b < 128
}

/** A catalogue string by its dotted key. */
function lookUp(catalogue: Catalogue, path: string): string {
  const value = path
    .split('.')
    .reduce<string | Catalogue>((node, key) => (node as Catalogue)[key], catalogue)
  if (typeof value !== 'string') throw new Error(`no catalogue string ${path}`)
  return value
}
