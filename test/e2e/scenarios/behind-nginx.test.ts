/**
 * The app behind Debian's real nginx: a buffering proxy (`proxy_pass` only) makes the badge say "Live by polling"
 * while new console lines still arrive, and Diagnostics names the cause with the nginx fix; a proxy that cuts idle
 * streams adds its finding without the badge flapping; the fixed proxy brings Live back by itself; nginx's 502 page
 * while Dinky is down is named too. In both languages, with screenshots of the badge and of Diagnostics' findings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Simulator } from '../../../src/simulator/index'
import { startNginx, type NginxProxy } from '../../support/nginx-proxy'
import type { E2eApp } from '../harness/e2e-app'
import {
  openView,
  recordBadgeStates,
  renderedLogLines,
  waitForBadge
} from '../harness/console-page'
import {
  launchOnServer,
  makeUserDataDir,
  removeUserDataDir,
  startScenarioSimulator,
  writeScenarioSettings
} from '../harness/scenario-server'

const PROCESS = 'FlinkSubmit/2'

for (const language of ['en-US', 'zh-CN'] as const) {
  const chinese = language === 'zh-CN'
  describe(`behind nginx (${language})`, () => {
    let sim: Simulator
    let nginx: NginxProxy
    let userDataDir: string
    let app: E2eApp
    let page: Page

    beforeAll(async () => {
      // Heartbeats every second: the buffering proxy's 4 kB buffer would take a minute to fill.
      sim = await startScenarioSimulator({
        heartbeatMs: 1_000,
        logRate: 1,
        submissionLines: 10_000
      })
      sim.control.submit(2)
      nginx = await startNginx({ profile: 'default', upstreamPort: sim.port })
      userDataDir = await makeUserDataDir()
      await writeScenarioSettings(userDataDir, { language }, { processes: [PROCESS] })
      app = await launchOnServer(nginx.url, { userDataDir })
      page = await app.firstWindow()
    })
    afterAll(async () => {
      await app?.close()
      await nginx?.stop()
      await sim?.close()
      await removeUserDataDir(userDataDir)
    })

    it('shows Live by polling behind a buffering proxy, and console lines still arrive', async () => {
      await waitForBadge(page, 'degraded', 20_000)
      const badge = page.getByTestId('connection-badge')
      await expect
        .poll(() => badge.textContent())
        .toBe(
          chinese ? '轮询在线 — 推送流被代理阻塞' : 'Live by polling — stream blocked by a proxy'
        )
      expect(await page.getByTestId('stale-since').count()).toBe(0)
      await openView(page, 'logs')
      sim.control.appendLog(PROCESS, [`polled-line-${language}`])
      const logs = page.getByTestId('view-logs')
      await expect
        .poll(
          async () =>
            (await renderedLogLines(logs)).filter((l) => l.includes(`polled-line-${language}`))
              .length,
          {
            timeout: 10_000
          }
        )
        .toBe(1)
      await app.screenshot(`proxy-degraded-badge-${language}`)
    })

    it('names the buffering proxy and then the idle timeout in Diagnostics, with the nginx fix', async () => {
      await page.getByTestId('connection-why').click()
      await page.getByTestId('view-diagnostics').waitFor({ state: 'visible' })
      const buffering = page.getByTestId('finding-proxy-buffering').first()
      await buffering.waitFor({ state: 'visible', timeout: 10_000 })
      expect(await buffering.textContent()).toContain('proxy_buffering off;')
      // Now a proxy that passes the stream but cuts it after 0.15 s of silence (heartbeats are 1 s apart).
      const states = await recordBadgeStates(page)
      await nginx.reload({ profile: 'idle-timeout', upstreamPort: sim.port, idleTimeoutMs: 150 })
      await waitForBadge(page, 'live', 20_000)
      const idle = page.getByTestId('finding-proxy-idle-timeout').first()
      await idle.waitFor({ state: 'visible', timeout: 20_000 })
      expect(await idle.textContent()).toContain('proxy_read_timeout 120s;')
      expect(await idle.textContent()).toMatch(
        chinese ? /每次都在无数据 0\.\d 秒之后/ : /after 0\.\d s without data/
      )
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      const seen = await states.read()
      expect(seen.slice(seen.lastIndexOf('live'))).toEqual(['live'])
      await app.screenshot(`proxy-diagnostics-findings-${language}`)
    })

    it('is Live again by itself once the proxy is fixed', async () => {
      await nginx.reload({ profile: 'good', upstreamPort: sim.port })
      await waitForBadge(page, 'live', 20_000)
      expect(await page.getByTestId('connection-why').count()).toBe(0)
    })

    it("names nginx's 502 page while Dinky behind it is down, and is Live once it is back", async () => {
      await openView(page, 'diagnostics')
      const down = sim.control.refuseConnections(4_000)
      const finding = page.getByTestId('finding-proxy-error-page').first()
      await finding.waitFor({ state: 'visible', timeout: 10_000 })
      expect(await finding.textContent()).toContain('HTTP 502 text/html')
      await app.screenshot(`proxy-error-page-finding-${language}`)
      await down
      await waitForBadge(page, 'live', 20_000)
    })
  })
}
