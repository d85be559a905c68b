/**
 * The app behind Debian's real nginx: a buffering proxy (`proxy_pass` only) makes the badge say "Live by polling"
 * while new console lines still arrive, and Diagnostics names the cause with the nginx fix; a proxy that cuts idle
 * streams adds its finding without the badge flapping; the fixed proxy brings Live back by itself; nginx's 502 page
 * while Dinky is down is named too. In both languages, with screenshots of the badge and of Diagnostics' findings.
 */
import { describe, expect, it } from 'vitest'
import {
  openView,
  recordBadgeStates,
  renderedLogLines,
  waitForBadge
} from '../harness/console-page'
import { useNginxProxy, useScenarioApp, useScenarioSimulator } from '../harness/scenario-fixture'

const PROCESS = 'FlinkSubmit/2'

for (const language of ['en-US', 'zh-CN'] as const) {
  const chinese = language === 'zh-CN'
  describe(`behind nginx (${language})`, () => {
    // Heartbeats every second: the buffering proxy's 4 kB buffer would take a minute to fill.
    const dinky = useScenarioSimulator(
      { heartbeatMs: 1_000, logRate: 1, submissionLines: 10_000 },
      (sim) => sim.control.submit(2)
    )
    const proxy = useNginxProxy(() => ({ profile: 'default', upstreamPort: dinky.sim.port }))
    const scenario = useScenarioApp({
      server: () => proxy.nginx.url,
      settings: { language },
      profile: { processes: [PROCESS] },
      waitForLive: false
    })

    it('shows Live by polling behind a buffering proxy, and console lines still arrive', async () => {
      const { app, page } = scenario
      await waitForBadge(page, 'degraded', 20_000)
      const badge = page.getByTestId('connection-badge')
      await expect
        .poll(() => badge.textContent())
        .toBe(
          chinese ? '轮询在线 — 推送流被代理阻塞' : 'Live by polling — stream blocked by a proxy'
        )
      expect(await page.getByTestId('stale-since').count()).toBe(0)
      await openView(page, 'logs')
      dinky.sim.control.appendLog(PROCESS, [`polled-line-${language}`])
      const logs = page.getByTestId('view-logs')
      await expect
        .poll(
          async () =>
            (await renderedLogLines(logs)).filter((l) => l.includes(`polled-line-${language}`))
              .length,
          {
            timeout: 30_000
          }
        )
        .toBe(1)
      await app.screenshot(`proxy-degraded-badge-${language}`)
    })

    it('names the buffering proxy and then the idle timeout in Diagnostics, with the nginx fix', async () => {
      const { app, page } = scenario
      await page.getByTestId('connection-why').click()
      await page.getByTestId('view-diagnostics').waitFor({ state: 'visible' })
      const buffering = page.getByTestId('finding-proxy-buffering').first()
      await buffering.waitFor({ state: 'visible', timeout: 30_000 })
      expect(await buffering.textContent()).toContain('proxy_buffering off;')
      // Now a proxy that passes the stream but cuts it after 0.15 s of silence (heartbeats are 1 s apart).
      const states = await recordBadgeStates(page)
      await proxy.nginx.reload({
        profile: 'idle-timeout',
        upstreamPort: dinky.sim.port,
        idleTimeoutMs: 150
      })
      await waitForBadge(page, 'live', 20_000)
      const idle = page.getByTestId('finding-proxy-idle-timeout').first()
      await idle.waitFor({ state: 'visible', timeout: 20_000 })
      expect(await idle.textContent()).toContain('proxy_read_timeout 120s;')
      expect(await idle.textContent()).toMatch(
        chinese ? /每次都在无数据 0\.\d 秒之后/ : /after 0\.\d s without data/
      )
      // Two more idle cuts ridden out (each one a new stream request at Dinky), then the badge is still Live.
      const connects = () => dinky.sim.control.stats().requestsByPath['/api/sse/connect'] ?? 0
      const cutsBefore = connects()
      await expect.poll(connects).toBeGreaterThanOrEqual(cutsBefore + 2)
      const seen = await states.read()
      expect(seen.slice(seen.lastIndexOf('live'))).toEqual(['live'])
      await app.screenshot(`proxy-diagnostics-findings-${language}`)
    })

    it('is Live again by itself once the proxy is fixed', async () => {
      const { page } = scenario
      await proxy.nginx.reload({ profile: 'good', upstreamPort: dinky.sim.port })
      await waitForBadge(page, 'live', 20_000)
      expect(await page.getByTestId('connection-why').count()).toBe(0)
    })

    it("names nginx's 502 page while Dinky behind it is down, and is Live once it is back", async () => {
      const { app, page } = scenario
      await openView(page, 'diagnostics')
      // Dinky stays down until the finding is on screen, however slow the machine.
      let reopen = (): void => undefined
      const down = dinky.sim.control.refuseConnections(new Promise<void>((up) => (reopen = up)))
      // The finding for this outage: an earlier, resolved one may be listed first (with its old facts).
      const finding = page
        .getByTestId('finding-proxy-error-page')
        .filter({ hasText: 'HTTP 502 text/html' })
        .first()
      await finding.waitFor({ state: 'visible', timeout: 30_000 })
      expect(await finding.textContent()).toContain('HTTP 502 text/html')
      await app.screenshot(`proxy-error-page-finding-${language}`)
      reopen()
      await down
      await waitForBadge(page, 'live', 20_000)
    })
  })
}
