/**
 * Screenshots of the fleet overview (issue 23) with three servers (one live, one reconnecting, one offline from the
 * cache) in en-US and zh-CN, light and dark, at 960×600 and 1440×900 (`fleet-overview-<locale>-<theme>-<size>.png`).
 * Every card must fit the window sideways, and in zh-CN no translated English label may be on screen.
 */
import { beforeAll, expect, it } from 'vitest'
import { englishLeaks, loadCatalogues, type Catalogue } from '../harness/catalogue-leaks'
import { fleetScreenshotMatrix, SCREEN_SIZES, screenName } from '../harness/fleet-screenshot-matrix'

let zhCN: Catalogue
beforeAll(async () => {
  ;({ zhCN } = await loadCatalogues())
})

fleetScreenshotMatrix('fleet overview', {}, (look, fleet) => {
  it.each(SCREEN_SIZES)('shows the three servers at $width×$height', async (size) => {
    const { app, page, profiles } = fleet
    await page.setViewportSize(size)
    const overview = page.getByTestId('fleet-overview')
    await overview.waitFor()
    await expect.poll(() => page.getByTestId('fleet-server').count()).toBe(3)
    const states = await page
      .getByTestId('fleet-server')
      .evaluateAll((cards) => cards.map((c) => (c as unknown as Dataset).dataset['state']))
    expect(states.sort()).toEqual(['live', 'reconnecting', 'reconnecting'])
    const offline = page.locator(`[data-profile-id="${profiles[2].id}"]`)
    await expect(offline.getByTestId('fleet-freshness').getAttribute('data-cached')).resolves.toBe(
      'true'
    )
    if (look.chinese) {
      const fleetTitle = (zhCN['nav'] as Catalogue)['fleet'] as string
      await expect(page.getByTestId('nav-fleet').textContent()).resolves.toBe(fleetTitle)
      expect(await englishLeaks(page)).toEqual([])
    }
    // Nothing sticks out of the window sideways.
    for (const box of await page
      .getByTestId('fleet-server')
      .evaluateAll((cards) =>
        cards.map((c) => (c as unknown as Boxed).getBoundingClientRect().right)
      )) {
      expect(box).toBeLessThanOrEqual(size.width)
    }
    await app.screenshot(screenName('fleet-overview', look, size))
  })
})

type Dataset = { dataset: Record<string, string> }
type Boxed = { getBoundingClientRect(): { right: number } }
