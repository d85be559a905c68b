/**
 * Scenario 10: against Dinky 1.2 (the simulator with `version: '1.2.0'`: `dinky-token`, no `/api/sse`, one
 * WebSocket at `/api/ws/global`) the app picks the WebSocket by itself, goes Live, and shows the jobs and a
 * followed console log as it does over SSE; Diagnostics names the transport.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Simulator } from '../../../src/simulator/index'
import type { E2eApp } from '../harness/e2e-app'
import { openView, renderedLogLines, splitProcessLog, waitForBadge } from '../harness/console-page'
import {
  launchOnServer,
  makeUserDataDir,
  removeUserDataDir,
  startScenarioSimulator,
  writeScenarioSettings
} from '../harness/scenario-server'

const PROCESS = 'FlinkSubmit/4'

describe('Dinky 1.2 over WebSocket', () => {
  let sim: Simulator
  let userDataDir: string
  let app: E2eApp
  let page: Page

  beforeAll(async () => {
    sim = await startScenarioSimulator({ version: '1.2.0', logRate: 10, submissionLines: 300 })
    sim.control.submit(4)
    userDataDir = await makeUserDataDir()
    await writeScenarioSettings(userDataDir, {}, { processes: [PROCESS] })
    app = await launchOnServer(sim.url, { userDataDir })
    page = await app.firstWindow()
  })
  afterAll(async () => {
    await app?.close()
    await sim?.close()
    await removeUserDataDir(userDataDir)
  })

  it('goes Live over the WebSocket and shows the jobs', async () => {
    await waitForBadge(page, 'live')
    const stats = sim.control.stats()
    expect(stats.wsSessions).toBeGreaterThanOrEqual(1)
    expect(stats.sseSessions).toBe(0)
    expect(Object.keys(stats.requestsByPath).some((path) => path.startsWith('/api/sse'))).toBe(
      false
    )
    await openView(page, 'jobs')
    await expect.poll(() => page.getByTestId('job-row').count()).toBe(12)
  })

  it('streams the followed console log pushed over the WebSocket', async () => {
    await openView(page, 'logs')
    const viewer = page.getByTestId('log-viewer')
    await viewer.getByTestId('log-line').first().waitFor()
    const newest = () => splitProcessLog(sim.control.world.console.get(PROCESS)?.log ?? '').at(-1)
    // A line written after the view opened reaches the screen: the stream is live, not a one-off fetch.
    const before = newest()
    await expect.poll(newest).not.toBe(before)
    const target = newest()
    await expect.poll(async () => (await renderedLogLines(viewer)).includes(target!)).toBe(true)
  })

  it('names the server version and the WS transport in Diagnostics', async () => {
    await openView(page, 'diagnostics')
    const view = page.getByTestId('view-diagnostics')
    await expect.poll(() => view.textContent()).toContain('1.2.0')
    const transport = view.locator('.ant-statistic').filter({ hasText: 'Transport' })
    await expect(transport.textContent()).resolves.toContain('WS')
    await app.screenshot('scenario-dinky-1-2-diagnostics')
  })
})
