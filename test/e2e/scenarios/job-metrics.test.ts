/**
 * A job's Metrics tab in the built app, in English and Chinese: live charts, the same charts after a 8 s outage
 * (the missed samples backfilled from Dinky's history, drawn dashed), and offline after a restart with the server
 * gone (the cached samples with their age). Screenshots: test-output/e2e/metrics-{live,backfilled,offline}-<lang>.png.
 */
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { jobRow, openView, waitForBadge } from '../harness/console-page'
import { useScenarioApp, useScenarioSimulator } from '../harness/scenario-fixture'

const TAB = { 'en-US': 'Metrics', 'zh-CN': '指标' } as const

async function openMetricsTab(page: Page, jobName: string, language: keyof typeof TAB) {
  await jobRow(page, jobName).getByTestId('job-name').click()
  const drawer = page.getByTestId('job-detail')
  await drawer.waitFor({ state: 'visible' })
  await drawer.getByRole('tab', { name: TAB[language] }).click()
  await drawer.getByTestId('job-metrics').waitFor({ timeout: 30_000 })
  return drawer
}

/** Samples drawn on the chart's live (pushed) lines, across all its charts. */
const pushedPoints = (drawer: Locator): Promise<number> =>
  drawer
    .locator('polyline[data-source="push"]')
    .evaluateAll((lines) =>
      lines.reduce(
        (sum, line) => sum + (line.getAttribute('points') ?? '').trim().split(/\s+/).length,
        0
      )
    )

for (const language of ['en-US', 'zh-CN'] as const) {
  describe(`the Metrics tab: live, backfilled, offline (${language})`, { timeout: 120_000 }, () => {
    // Four minutes of history before the app comes, so the 5-minute window is filled (collected as Dinky would
    // have: the simulator's clock runs behind while it collects, then catches up).
    let behind = 240_000
    const dinky = useScenarioSimulator(
      { logRate: 0, metricsIntervalMs: 1_050, now: () => Date.now() - behind },
      (sim) => {
        for (; behind > 0; behind -= 1_050) sim.control.collectMetrics()
        behind = 0
      }
    )
    const scenario = useScenarioApp({ server: () => dinky.sim.url, settings: { language } })

    it(`shows live, backfilled and cached metrics (${language})`, async () => {
      const { app, page } = scenario
      const job = dinky.sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')!
      await openView(page, 'jobs')
      let drawer = await openMetricsTab(page, job.name, language)
      await expect
        .poll(() => drawer.getByTestId('metric-last').count(), { timeout: 30_000 })
        .toBeGreaterThan(0)
      // A few pushed samples on the charts (about 5 s of them), so the screenshot shows a live line.
      await expect.poll(() => pushedPoints(drawer)).toBeGreaterThanOrEqual(5)
      expect(await drawer.locator('polyline[data-source="push"]').count()).toBeGreaterThan(0)
      await app.screenshot(`metrics-live-${language}`)

      await dinky.sim.control.refuseConnections(8_000)
      await waitForBadge(page, 'live', 20_000)
      await drawer
        .locator('polyline[data-source="backfill"]')
        .first()
        .waitFor({ state: 'attached', timeout: 30_000 })
      // Live samples resume after the backfilled stretch before the screenshot.
      const pushedAfterOutage = await pushedPoints(drawer)
      await expect.poll(() => pushedPoints(drawer)).toBeGreaterThanOrEqual(pushedAfterOutage + 2)
      await app.screenshot(`metrics-backfilled-${language}`)

      await app.close()
      await dinky.stopSimulator()
      const offline = await scenario.launch('http://127.0.0.1:9')
      await openView(offline, 'jobs')
      drawer = await openMetricsTab(offline, job.name, language)
      await drawer.getByTestId('metrics-offline').waitFor({ timeout: 30_000 })
      expect(await drawer.locator('polyline').count()).toBeGreaterThan(0)
      await scenario.app.screenshot(`metrics-offline-${language}`)
    })
  })
}
