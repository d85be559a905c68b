/**
 * Scenarios 6 and 8 over one userData: the app caches a live server, the server goes down and the app is restarted
 * (the cached jobs and log are shown, marked stale with their age); then the local cache is cleared from the avatar
 * menu (the files go, and the jobs with them), and when the server is back the app resyncs on its own (jobs again, Live, cache rewritten).
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { logFilePath } from '../../../src/main/core/cache/cache-paths'
import type { Simulator } from '../../../src/simulator/index'
import type { E2eApp } from '../harness/e2e-app'
import { openView, waitForBadge } from '../harness/console-page'
import {
  launchOnServer,
  makeUserDataDir,
  removeUserDataDir,
  startScenarioSimulator,
  writeScenarioSettings
} from '../harness/scenario-server'

const PROCESS = 'FlinkSubmit/2'

describe('cache across a restart with the server down, and clearing it', () => {
  let sim: Simulator | undefined
  let port: number
  let userDataDir: string
  let app: E2eApp | undefined
  let page: Page
  let profileCache: string
  let logFile: string

  beforeAll(async () => {
    sim = await startScenarioSimulator({ logRate: 50, submissionLines: 40 })
    port = sim.port
    sim.control.submit(2)
    userDataDir = await makeUserDataDir()
    profileCache = join(userDataDir, 'dinky-cache', 'demo')
    logFile = logFilePath(userDataDir, 'demo', PROCESS)
    await writeScenarioSettings(userDataDir, {}, { processes: [PROCESS] })
  })
  afterAll(async () => {
    await app?.close()
    await sim?.close()
    await removeUserDataDir(userDataDir)
  })

  it('caches what it showed live, then shows it stale with its age after a restart with the server down', async () => {
    app = await launchOnServer(sim!.url, { userDataDir })
    page = await app.firstWindow()
    await waitForBadge(page, 'live')
    await openView(page, 'jobs')
    expect(await page.getByTestId('job-row').count()).toBe(12)
    await expect.poll(() => existsSync(logFile), { timeout: 10_000 }).toBe(true)
    await app.close()
    await sim!.close()
    sim = undefined

    const cached = JSON.parse(await readFile(join(profileCache, 'snapshot.json'), 'utf8')) as {
      jobs: { asOf: number; value: unknown[] }
    }
    expect(cached.jobs.value).toHaveLength(12)
    app = await launchOnServer(`http://127.0.0.1:${port}`, { userDataDir })
    page = await app.firstWindow()
    await waitForBadge(page, 'reconnecting')
    await openView(page, 'jobs')
    await expect.poll(() => page.getByTestId('job-row').count()).toBe(12)
    const marker = page.getByTestId('view-jobs').getByTestId('stale-marker')
    await expect(marker.textContent()).resolves.toMatch(
      new RegExp(`^as of ${clock(cached.jobs.asOf)}, (\\d+ seconds? ago|now)$`)
    )
    await expect(page.getByTestId('stale-since').textContent()).resolves.toContain('Stale since')
    await app.screenshot('scenario-restart-cached-jobs')

    await openView(page, 'logs')
    await page.getByTestId('log-line').first().waitFor()
    await expect(page.getByTestId('view-logs').getByTestId('stale-marker').count()).resolves.toBe(1)
  })

  it('clears the local cache from the avatar menu: the files go', async () => {
    await page.getByTestId('avatar-menu').click()
    await page.getByTestId('menu-clear-cache').click()
    await expect
      .poll(() => page.getByTestId('cache-total').textContent())
      .toMatch(/^[1-9][\d.]* (KB|MB|B)$/)
    await page.getByTestId('clear-cache-confirm').click()
    await page.getByText(/^Local cache cleared \(.+ freed\)$/).waitFor()

    expect(existsSync(join(profileCache, 'snapshot.json'))).toBe(false)
    expect(existsSync(logFile)).toBe(false)
    // What only the cache vouched for is forgotten in main too: the cleared jobs do not come back until the
    // server answers again.
    await openView(page, 'jobs')
    await expect.poll(() => page.getByTestId('job-row').count()).toBe(0)
  })

  it('resyncs by itself when the server is back: Live, the jobs again, and a fresh cache', async () => {
    sim = await startScenarioSimulator({ port })
    await waitForBadge(page, 'live', 15_000)
    await expect.poll(() => page.getByTestId('job-row').count()).toBe(12)
    expect(await page.getByTestId('stale-marker').count()).toBe(0)
    await expect
      .poll(() => existsSync(join(profileCache, 'snapshot.json')), { timeout: 5_000 })
      .toBe(true)
    expect(app!.pageErrors()).toEqual([])
  })
})

/** HH:MM in local time, as the renderer's freshness marker shows it. */
function clock(epochMs: number): string {
  const date = new Date(epochMs)
  return [date.getHours(), date.getMinutes()].map((n) => String(n).padStart(2, '0')).join(':')
}
