/**
 * Scenarios 4 and 5 over one app launch: every stream dropped, then the server refusing connections for a while
 * (the badge counts down to the next attempt while the jobs and the log stay on screen, then Live again, and the
 * log has every line of the simulator's once), and a stalled stream caught by the heartbeat watchdog.
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  connectionBadge,
  openView,
  recordBadgeStates,
  renderedLogLines,
  saveViewerLog,
  splitProcessLog,
  waitForBadge
} from '../harness/console-page'
import { useScenario } from '../harness/scenario-fixture'
import { SCENARIO_CONNECTION } from '../harness/scenario-server'

const TASK_ID = 2
const PROCESS = `FlinkSubmit/${TASK_ID}`

describe('dropped and stalled streams', () => {
  const scenario = useScenario({
    // 400 lines at 20 per second: the run outlasts the outage below and then ends, so its log can be compared whole.
    // (240 lines, 12 s, ended before the outage twice on a loaded two-core machine, where the launch alone took 10 s.)
    simulator: { logRate: 20, submissionLines: 400 },
    prepare: (sim) => sim.control.submit(TASK_ID),
    profile: { processes: [PROCESS] },
    afterLaunch: async (page) => {
      await openView(page, 'logs')
      await page.getByTestId('log-line').first().waitFor()
    }
  })
  const logLength = () =>
    splitProcessLog(scenario.sim.control.world.console.get(PROCESS)?.log ?? '').length
  /** How many lines the log viewer holds ("N of M lines": M). */
  const viewerLineCount = async (page: Page): Promise<number> => {
    const text = (await page.getByTestId('log-count').first().textContent()) ?? ''
    return Number(/of ([\d,]+) lines/.exec(text)?.[1]?.replaceAll(',', '') ?? -1)
  }

  it('rides out one dropped stream without leaving Live (a routine close reconnects at once)', async () => {
    const { sim, page } = scenario
    const badge = await recordBadgeStates(page)
    const streamsBefore = sim.control.stats().openStreams
    const loginsBefore = sim.control.stats().logins
    sim.control.dropStreams()
    await expect.poll(() => sim.control.stats().openStreams).toBe(0)
    await expect.poll(() => sim.control.stats().openStreams).toBe(streamsBefore)
    expect(await badge.read()).toEqual(['live'])
    expect(sim.control.stats().logins).toBe(loginsBefore)
  })

  it('stays Live when streams drop again, shows Reconnecting with a countdown while the server refuses, keeps the data on screen, then Live', async () => {
    const { sim, app, page } = scenario
    // A stream that was receiving data and is cut again is as routine as the first time (a proxy's idle cut looks
    // like this): back at Dinky's retry: floor, no attempt counted, no flap.
    const badge = await recordBadgeStates(page)
    sim.control.dropStreams()
    await expect.poll(() => sim.control.stats().openStreams).toBe(0)
    await expect.poll(() => sim.control.stats().openStreams).toBeGreaterThan(0)
    // A line written once the stream is back: when the viewer counts it, the app has shown everything main
    // reported about the reconnect before it.
    sim.control.appendLog(PROCESS, ['written after the streams dropped again'])
    const written = logLength()
    await expect.poll(() => viewerLineCount(page)).toBeGreaterThanOrEqual(written)
    expect(await badge.read()).toEqual(['live'])

    const linesBeforeOutage = logLength()
    // The outage lasts until the test has seen all it checks during it, however slow the machine.
    let reopen = (): void => undefined
    const refusal = sim.control.refuseConnections(
      new Promise<void>((resolve) => (reopen = resolve))
    )
    await waitForBadge(page, 'reconnecting', 30_000)
    const label = (await connectionBadge(page).textContent()) ?? ''
    const seconds = Number(/Reconnecting in (\d+) s \(attempt \d+\)/.exec(label)?.[1])
    expect(seconds).toBeGreaterThanOrEqual(0)
    expect(seconds).toBeLessThanOrEqual(Math.ceil(SCENARIO_CONNECTION.backoffMaxMs / 1000))
    await page.getByTestId('retry-now').waitFor()
    await page.getByTestId('stale-since').waitFor()
    // The tray takes the colour of the worst state, and says which server is in it.
    await expect.poll(async () => (await app.tray())?.image).toMatch(/tray-warn/)
    await expect(app.tray().then((tray) => tray?.tooltip)).resolves.toMatch(/: Reconnecting/)
    expect((await renderedLogLines(page.getByTestId('log-viewer'))).length).toBeGreaterThan(0)
    await app.screenshot('scenario-reconnecting-logs')

    await openView(page, 'jobs')
    expect(await page.getByTestId('job-row').count()).toBe(12)
    await app.screenshot('scenario-reconnecting-jobs')

    // The run goes on writing while the app cannot connect: those lines must arrive after the outage.
    await expect.poll(logLength).toBeGreaterThan(linesBeforeOutage)
    reopen()
    await refusal
    await waitForBadge(page, 'live', 30_000)
    expect(await page.getByTestId('stale-since').count()).toBe(0)
    expect(await page.getByTestId('job-row').count()).toBe(12)
    await expect.poll(async () => (await app.tray())?.image).toMatch(/tray-live/)
  })

  it('shows every line of the run exactly once after the outage (saved log equals the simulator’s)', async () => {
    const { sim, app, page } = scenario
    await expect
      .poll(() => sim.control.world.console.get(PROCESS)?.status, { timeout: 60_000 })
      .toBe('FINISHED')
    const expected = splitProcessLog(sim.control.world.console.get(PROCESS)?.log ?? '')
    await openView(page, 'logs')
    const viewer = page.getByTestId('log-viewer')
    await expect
      .poll(() => viewer.getByTestId('log-count').textContent())
      .toContain(`${expected.length} of ${expected.length}`)
    const saved = await saveViewerLog(app, viewer, join(tmpdir(), `dinky-e2e-${process.pid}.log`))
    expect(saved).toEqual(expected)
  })

  it('notices a stalled stream within the watchdog timeout and reconnects', async () => {
    const { sim, page } = scenario
    await waitForBadge(page, 'live')
    const badge = await recordBadgeStates(page)
    const stalledAt = Date.now()
    sim.control.stallStreams()
    await waitForBadge(page, 'reconnecting', 30_000)
    // When the page drew the change (recorded there), not when this process happened to look.
    const noticedAt = (await badge.timed()).find((seen) => seen.state === 'reconnecting')!.at
    const noticedAfterMs = noticedAt - stalledAt
    // The watchdog fires 1.5 s after the last heartbeat (300 ms apart), so never on the first one missed; a loaded
    // machine only makes it later, so the upper bound allows for heartbeat phase, IPC batching and load while still
    // telling the configured timeout from none.
    const timeoutMs = SCENARIO_CONNECTION.heartbeatTimeoutMs!
    expect(noticedAfterMs).toBeGreaterThanOrEqual(timeoutMs / 2)
    expect(noticedAfterMs).toBeLessThan(timeoutMs + 5_000)
    await waitForBadge(page, 'live', 30_000)
  })
})
