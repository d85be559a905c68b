/**
 * Scenarios 4 and 5 over one app launch: every stream dropped, then the server refusing connections for a while
 * (the badge counts down to the next attempt while the jobs and the log stay on screen, then Live again, and the
 * log has every line of the simulator's once), and a stalled stream caught by the heartbeat watchdog.
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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

  it('rides out one dropped stream without leaving Live (a routine close reconnects at once)', async () => {
    const { sim, page } = scenario
    const badge = await recordBadgeStates(page)
    const streamsBefore = sim.control.stats().openStreams
    const loginsBefore = sim.control.stats().logins
    sim.control.dropStreams()
    await expect.poll(() => sim.control.stats().openStreams, { timeout: 5_000 }).toBe(0)
    await expect.poll(() => sim.control.stats().openStreams, { timeout: 5_000 }).toBe(streamsBefore)
    expect(await badge.read()).toEqual(['live'])
    expect(sim.control.stats().logins).toBe(loginsBefore)
  })

  it('stays Live when streams drop again, shows Reconnecting with a countdown while the server refuses, keeps the data on screen, then Live', async () => {
    const { sim, app, page } = scenario
    // A stream that was receiving data and is cut again is as routine as the first time (a proxy's idle cut looks
    // like this): back at Dinky's retry: floor, no attempt counted, no flap.
    const badge = await recordBadgeStates(page)
    sim.control.dropStreams()
    await expect.poll(() => sim.control.stats().openStreams, { timeout: 5_000 }).toBe(0)
    await expect.poll(() => sim.control.stats().openStreams, { timeout: 5_000 }).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(await badge.read()).toEqual(['live'])

    const linesBeforeOutage = logLength()
    const refusal = sim.control.refuseConnections(4_000)
    await waitForBadge(page, 'reconnecting', 5_000)
    const label = (await connectionBadge(page).textContent()) ?? ''
    const seconds = Number(/Reconnecting in (\d+) s \(attempt \d+\)/.exec(label)?.[1])
    expect(seconds).toBeGreaterThanOrEqual(0)
    expect(seconds).toBeLessThanOrEqual(Math.ceil(SCENARIO_CONNECTION.backoffMaxMs / 1000))
    await page.getByTestId('retry-now').waitFor()
    await page.getByTestId('stale-since').waitFor()
    // The tray takes the colour of the worst state, and says which server is in it.
    await expect
      .poll(async () => (await app.tray())?.image, { timeout: 5_000 })
      .toMatch(/tray-warn/)
    await expect(app.tray().then((tray) => tray?.tooltip)).resolves.toMatch(/: Reconnecting/)
    expect((await renderedLogLines(page.getByTestId('log-viewer'))).length).toBeGreaterThan(0)
    await app.screenshot('scenario-reconnecting-logs')

    await openView(page, 'jobs')
    expect(await page.getByTestId('job-row').count()).toBe(12)
    await app.screenshot('scenario-reconnecting-jobs')

    await refusal
    // The run went on writing while the app could not connect: those lines must arrive after the outage.
    expect(logLength()).toBeGreaterThan(linesBeforeOutage)
    await waitForBadge(page, 'live', 15_000)
    expect(await page.getByTestId('stale-since').count()).toBe(0)
    expect(await page.getByTestId('job-row').count()).toBe(12)
    await expect
      .poll(async () => (await app.tray())?.image, { timeout: 5_000 })
      .toMatch(/tray-live/)
  })

  it('shows every line of the run exactly once after the outage (saved log equals the simulator’s)', async () => {
    const { sim, app, page } = scenario
    await expect
      .poll(() => sim.control.world.console.get(PROCESS)?.status, { timeout: 15_000 })
      .toBe('FINISHED')
    const expected = splitProcessLog(sim.control.world.console.get(PROCESS)?.log ?? '')
    await openView(page, 'logs')
    const viewer = page.getByTestId('log-viewer')
    await expect
      .poll(() => viewer.getByTestId('log-count').textContent(), { timeout: 10_000 })
      .toContain(`${expected.length} of ${expected.length}`)
    const saved = await saveViewerLog(app, viewer, join(tmpdir(), `dinky-e2e-${process.pid}.log`))
    expect(saved).toEqual(expected)
  })

  it('notices a stalled stream within the watchdog timeout and reconnects', async () => {
    const { sim, page } = scenario
    await waitForBadge(page, 'live')
    const stalledAt = Date.now()
    sim.control.stallStreams()
    await waitForBadge(page, 'reconnecting', 10_000)
    const noticedAfterMs = Date.now() - stalledAt
    // The watchdog fires 1.5 s after the last heartbeat; allow for heartbeat phase and the 50 ms IPC batching.
    expect(noticedAfterMs).toBeLessThan(SCENARIO_CONNECTION.heartbeatTimeoutMs! + 1_500)
    await waitForBadge(page, 'live', 10_000)
  })
})
