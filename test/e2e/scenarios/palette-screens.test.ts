/**
 * Screenshots for issue 23's Done-when: the command palette open over three servers (one live, one reconnecting,
 * one offline from the cache), in English and Chinese, light and dark, at the minimum window (960×600) and at
 * 1440×900; and the shortcut sheet. The palette lists jobs of all three servers for one word (`cdc`).
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useFleetScenario } from '../harness/fleet-scenario'
import { invokeInPage } from '../harness/fleet-servers'

const SIZES = [
  { width: 960, height: 600 },
  { width: 1440, height: 900 }
] as const

/** Opens the palette with the keys and types `query`; resolves once its results show all three servers. */
async function openPalette(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+K')
  const input = page.getByTestId('command-palette-input')
  await input.waitFor()
  await input.fill(query)
  const options = page.getByTestId('command-palette').getByRole('option')
  await expect.poll(() => options.count()).toBeGreaterThan(3)
}

describe.each(['en-US', 'zh-CN'] as const)('command palette screens in %s', (locale) => {
  const fleet = useFleetScenario({ locale })
  const servers = () => fleet.profiles.map((profile) => profile.name)

  it.each(['light', 'dark'] as const)(
    'shows jobs of every server for one word (%s)',
    async (theme) => {
      const { app, page } = fleet
      await invokeInPage(page, 'settings:set', { theme })
      await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' })
      for (const { width, height } of SIZES) {
        await page.setViewportSize({ width, height })
        await openPalette(page, 'cdc')
        const text = await page.getByTestId('command-palette').textContent()
        for (const server of servers()) expect(text).toContain(server)
        // The option list fits the window: the last option shown is inside the viewport's height.
        const list = await page.locator('.palette-list').boundingBox()
        expect(list!.y + list!.height).toBeLessThanOrEqual(height)
        await app.screenshot(`palette-${width}x${height}-${locale}-${theme}`)
        if (width === 1440) {
          // The second result is the reconnecting server's job: its actions say why they are off.
          await page.keyboard.press('ArrowDown')
          await page.keyboard.press('ArrowRight')
          const restart = page
            .getByRole('option')
            .filter({ hasText: locale === 'zh-CN' ? '重新启动' : 'Restart' })
          await expect.poll(() => restart.first().getAttribute('aria-disabled')).toBe('true')
          await app.screenshot(`palette-job-actions-${locale}-${theme}`)
        }
        await page.keyboard.press('Escape')
        await page.getByTestId('command-palette').waitFor({ state: 'hidden' })
      }
    }
  )

  it('shows the shortcut sheet', async () => {
    const { app, page } = fleet
    await invokeInPage(page, 'settings:set', { theme: 'light' })
    for (const { width, height } of SIZES) {
      await page.setViewportSize({ width, height })
      await page.keyboard.press('?')
      await page.getByTestId('shortcut-sheet').waitFor()
      await app.screenshot(`shortcut-sheet-${width}x${height}-${locale}`)
      await page.keyboard.press('Escape')
      await page.getByTestId('shortcut-sheet').waitFor({ state: 'hidden' })
    }
  })
})
