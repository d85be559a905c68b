/**
 * Scenarios 6 and 8 over one userData: the app caches a live server, the server goes down and the app is restarted
 * (the cached jobs and log are shown, marked stale with their age); then the local cache is cleared from the avatar
 * menu (the files go, and the jobs with them), and when the server is back the app resyncs on its own (jobs again, Live, cache rewritten).
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { logFilePath } from '../../../src/main/core/cache/cache-paths'
import { openAvatarMenu, openView, waitForBadge } from '../harness/console-page'
import { useScenario } from '../harness/scenario-fixture'

const PROCESS = 'FlinkSubmit/2'

describe('cache across a restart with the server down, and clearing it', () => {
  const scenario = useScenario({
    simulator: { logRate: 50, submissionLines: 40 },
    prepare: (sim) => sim.control.submit(2),
    profile: { processes: [PROCESS] },
    launchAtStart: false
  })
  const profileCache = () => join(scenario.userDataDir, 'dinky-cache', 'demo')
  const logFile = () => logFilePath(scenario.userDataDir, 'demo', PROCESS)

  it('caches what it showed live, then shows it stale with its age after a restart with the server down', async () => {
    let page = await scenario.launch(scenario.sim.url)
    await waitForBadge(page, 'live')
    await openView(page, 'jobs')
    expect(await page.getByTestId('job-row').count()).toBe(12)
    await expect.poll(() => existsSync(logFile())).toBe(true)
    await scenario.app.close()
    await scenario.stopSimulator()

    const cached = JSON.parse(await readFile(join(profileCache(), 'snapshot.json'), 'utf8')) as {
      jobs: { asOf: number; value: unknown[] }
    }
    expect(cached.jobs.value).toHaveLength(12)
    page = await scenario.launch(`http://127.0.0.1:${scenario.port}`)
    await waitForBadge(page, 'reconnecting')
    await openView(page, 'jobs')
    await expect.poll(() => page.getByTestId('job-row').count()).toBe(12)
    const marker = page.getByTestId('view-jobs').getByTestId('stale-marker')
    await expect(marker.textContent()).resolves.toMatch(
      new RegExp(`^as of ${clock(cached.jobs.asOf)}, (\\d+ seconds? ago|now)$`)
    )
    await expect(page.getByTestId('stale-since').textContent()).resolves.toContain('Stale since')
    await scenario.app.screenshot('scenario-restart-cached-jobs')

    await openView(page, 'logs')
    await page.getByTestId('log-line').first().waitFor()
    await expect(page.getByTestId('view-logs').getByTestId('stale-marker').count()).resolves.toBe(1)
  })

  it('clears the local cache from the avatar menu: the files go', async () => {
    const { page } = scenario
    const menu = await openAvatarMenu(page)
    await menu.getByTestId('menu-clear-cache').click()
    await expect
      .poll(() => page.getByTestId('cache-total').textContent())
      .toMatch(/^[1-9][\d.]* (KB|MB|B)$/)
    await page.getByTestId('clear-cache-confirm').click()
    await page.getByText(/^Local cache cleared \(.+ freed\)$/).waitFor()

    expect(existsSync(join(profileCache(), 'snapshot.json'))).toBe(false)
    expect(existsSync(logFile())).toBe(false)
    // What only the cache vouched for is forgotten in main too: the cleared jobs do not come back until the
    // server answers again.
    await openView(page, 'jobs')
    await expect.poll(() => page.getByTestId('job-row').count()).toBe(0)
  })

  it('resyncs by itself when the server is back: Live, the jobs again, and a fresh cache', async () => {
    const { app, page } = scenario
    await scenario.restartSimulator()
    await waitForBadge(page, 'live', 30_000)
    await expect.poll(() => page.getByTestId('job-row').count()).toBe(12)
    expect(await page.getByTestId('stale-marker').count()).toBe(0)
    await expect.poll(() => existsSync(join(profileCache(), 'snapshot.json'))).toBe(true)
    expect(app.pageErrors()).toEqual([])
  })
})

/** HH:MM in local time, as the renderer's freshness marker shows it. */
function clock(epochMs: number): string {
  const date = new Date(epochMs)
  return [date.getHours(), date.getMinutes()].map((n) => String(n).padStart(2, '0')).join(':')
}
