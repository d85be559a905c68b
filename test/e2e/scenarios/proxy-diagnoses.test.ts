/**
 * The two address diagnoses issue 12 left without screenshots, in both languages: nginx refusing the WebSocket
 * upgrade in front of Dinky 1.2 (`proxy-no-websocket`: the badge says Live by polling, Diagnostics shows the headers
 * to pass), and a profile URL that is not Dinky (`not-dinky`: Dinky's address with /api appended, the most common
 * mistake; the badge says so and Diagnostics names the URL tried and says to drop /api). Screenshots of the badge
 * and of Diagnostics' finding for each.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { connectionBadge, waitForBadge } from '../harness/console-page'
import { useNginxProxy, useScenarioApp, useScenarioSimulator } from '../harness/scenario-fixture'

/** Follows the badge's "why" link and waits for the finding with this code in Diagnostics. */
async function openFinding(page: Page, code: string) {
  await page.getByTestId('connection-why').click()
  await page.getByTestId('view-diagnostics').waitFor({ state: 'visible' })
  const finding = page.getByTestId(`finding-${code}`).first()
  await finding.waitFor({ state: 'visible', timeout: 30_000 })
  return finding
}

for (const language of ['en-US', 'zh-CN'] as const) {
  const chinese = language === 'zh-CN'

  describe(`a proxy that refuses the WebSocket upgrade (${language})`, () => {
    const dinky = useScenarioSimulator({ version: '1.2.4' })
    const proxy = useNginxProxy(() => ({ profile: 'no-upgrade', upstreamPort: dinky.sim.port }))
    const scenario = useScenarioApp({
      server: () => proxy.nginx.url,
      settings: { language },
      waitForLive: false
    })

    it('shows Live by polling, and Diagnostics names the refused upgrade with the nginx fix', async () => {
      const { app, page } = scenario
      await waitForBadge(page, 'degraded', 30_000)
      await expect
        .poll(() => connectionBadge(page).textContent())
        .toBe(
          chinese ? '轮询在线 — 推送流被代理阻塞' : 'Live by polling — stream blocked by a proxy'
        )
      // Dinky itself never saw an upgrade: nginx dropped the headers.
      expect(dinky.sim.control.stats().wsSessions).toBe(0)
      await app.screenshot(`proxy-no-websocket-badge-${language}`)

      const finding = await openFinding(page, 'proxy-no-websocket')
      const text = await finding.textContent()
      expect(text).toMatch(
        chinese
          ? /WebSocket 升级请求得到 HTTP \d{3}，而不是 101/
          : /answered with HTTP \d{3} instead of 101/
      )
      expect(text).toContain('proxy_set_header Upgrade $http_upgrade;')
      await app.screenshot(`proxy-no-websocket-diagnostics-${language}`)
    })
  })

  describe(`a server URL that is not Dinky (${language})`, () => {
    const dinky = useScenarioSimulator()
    // Dinky's address with /api appended: /api/api/version is Spring's 404, not Dinky's envelope.
    const scenario = useScenarioApp({
      server: () => `${dinky.sim.url}/api`,
      settings: { language },
      waitForLive: false
    })

    it('says the address is not Dinky, and Diagnostics names the URL tried and says to drop /api', async () => {
      const { app, page } = scenario
      await waitForBadge(page, 'reconnecting', 20_000)
      await expect
        .poll(() => connectionBadge(page).textContent())
        .toBe(chinese ? '不是 Dinky 服务器' : 'Not a Dinky server')
      expect(await page.getByTestId('job-row').count()).toBe(0)
      // Nothing was ever read: no claim of cached data, and the badge says so.
      expect(await page.getByTestId('stale-since').count()).toBe(0)
      await expect(page.getByTestId('no-data-yet').textContent()).resolves.toBe(
        chinese ? '暂无数据' : 'No data yet'
      )
      await app.screenshot(`not-dinky-badge-${language}`)

      const finding = await openFinding(page, 'not-dinky')
      const text = await finding.textContent()
      expect(text).toContain(`${dinky.sim.url}/api/api/version`)
      expect(text).toContain('HTTP 404')
      expect(text).toContain(chinese ? '该地址不是 Dinky' : 'This address is not Dinky')
      expect(text).toContain(chinese ? '不带 /api' : 'without /api')
      // The fix is the URL to use, not an nginx snippet.
      expect(await finding.getByTestId('nginx-snippet').count()).toBe(0)
      await expect(finding.getByTestId('not-dinky-fix').textContent()).resolves.toContain(
        dinky.sim.url
      )
      await app.screenshot(`not-dinky-diagnostics-${language}`)
    })
  })
}
