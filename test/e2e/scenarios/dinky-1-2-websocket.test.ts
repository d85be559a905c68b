/**
 * Scenario 10: against Dinky 1.2 (the simulator with `version: '1.2.0'`: `dinky-token`, no `/api/sse`, one
 * WebSocket at `/api/ws/global`) the app picks the WebSocket by itself, goes Live, and shows the jobs and a
 * followed console log as it does over SSE; Diagnostics names the transport.
 */
import { describe, expect, it } from 'vitest'
import { openView, renderedLogLines, splitProcessLog, waitForBadge } from '../harness/console-page'
import { useScenario } from '../harness/scenario-fixture'

const PROCESS = 'FlinkSubmit/4'

describe('Dinky 1.2 over WebSocket', () => {
  const scenario = useScenario({
    simulator: { version: '1.2.0', logRate: 10, submissionLines: 300 },
    prepare: (sim) => sim.control.submit(4),
    profile: { processes: [PROCESS] },
    waitForLive: false
  })

  it('goes Live over the WebSocket and shows the jobs', async () => {
    const { sim, page } = scenario
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
    const { sim, page } = scenario
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
    const { app, page } = scenario
    await openView(page, 'diagnostics')
    const view = page.getByTestId('view-diagnostics')
    await expect.poll(() => view.textContent()).toContain('1.2.0')
    const transport = view.locator('.ant-statistic').filter({ hasText: 'Transport' })
    await expect(transport.textContent()).resolves.toContain('WS')
    await app.screenshot('scenario-dinky-1-2-diagnostics')
  })
})
