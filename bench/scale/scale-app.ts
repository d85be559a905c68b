/**
 * The app as the `scale` benchmark runs it: the built `out/` under the e2e stand-in in Chromium (1280×800, as the
 * issue measured), over a fresh userData folder holding one profile per simulated server with its password (the
 * stand-in's safeStorage cipher, as the app itself would have stored it) and the jobs poll interval of the phase.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../src/main/core/session/demo-profile'
import { createServerProfile, DEFAULT_CONNECTION_SETTINGS } from '../../src/shared/profiles'
import { safeStorage } from '../../test/e2e/harness/electron/safe-storage'
import { launchStandInApp, type StandInApp } from '../../test/e2e/harness/stand-in-app'
import type { IpcMeter } from './ipc-meter'
import { waitForPolls } from './scale-polls'
import type { ScaleSims } from './scale-sims'

export interface ScaleApp {
  app: StandInApp
  page: Page
  profileIds: string[]
  close(): Promise<void>
}

export const profileIdOf = (server: number) => `scale-${server + 1}`

/** settings.json (the app's v1 document) and secrets.json, as a person's configured app would have them. */
async function writeUserData(dir: string, urls: readonly string[], jobsPollMs: number) {
  const profiles = urls.map((url, i) =>
    createServerProfile({ id: profileIdOf(i), name: `Server ${i + 1}`, url, transport: 'sse' })
  )
  const document = {
    version: 1,
    profiles,
    selectedProfileId: profiles[0].id,
    settings: {
      language: 'en-US',
      theme: 'light',
      // Failures the benchmark causes would raise desktop notifications: not what is measured.
      notifications: false,
      logTailLines: 5_000,
      connection: { ...DEFAULT_CONNECTION_SETTINGS, jobsPollMs }
    }
  }
  await writeFile(join(dir, 'settings.json'), JSON.stringify(document, null, 2))
  const secrets = Object.fromEntries(
    profiles.map((p) => [p.id, safeStorage.encryptString(DEMO_PASSWORD).toString('base64')])
  )
  await writeFile(join(dir, 'secrets.json'), JSON.stringify(secrets), { mode: 0o600 })
  return profiles.map((profile) => profile.id)
}

/**
 * Waits until every server was read and polled once more (its simulator served two jobs polls) and, when the build
 * has the fleet overview (the first view with several servers), until every card says live. Why not ask main
 * (`session:snapshot`): its answer is the whole list, and asking again and again at 2,000 jobs loads what it waits on.
 */
async function waitForServers(page: Page, sims: ScaleSims): Promise<void> {
  const first = (await sims.stats()).map((server) => ({ ...server, polls: 0 }))
  const polled = await waitForPolls(sims, first, 2, 120_000)
  if (polled.some((server) => server.polls < 2))
    throw new Error(`the servers were not polled: ${JSON.stringify(polled)}`)
  if ((await page.getByTestId('nav-fleet').count()) === 0) return
  const live = page.locator('[data-testid="fleet-server"][data-state="live"]')
  const deadline = Date.now() + 60_000
  while ((await live.count()) < sims.urls.length) {
    if (Date.now() > deadline) throw new Error('the fleet cards did not all say live')
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Launches the app on these servers and waits until all are live with their jobs read. */
export async function launchScaleApp(
  sims: ScaleSims,
  jobsPollMs: number,
  meter: IpcMeter
): Promise<ScaleApp> {
  const dir = await mkdtemp(join(tmpdir(), 'dinky-bench-scale-'))
  const profileIds = await writeUserData(dir, sims.urls, jobsPollMs)
  const app = await launchStandInApp({ userDataDir: dir, rendererIpcMeter: meter.hook })
  const close = async () => {
    await app.close()
    await rm(dir, { recursive: true, force: true })
  }
  try {
    const page = await app.firstWindow()
    await page.setViewportSize({ width: 1280, height: 800 })
    await waitForServers(page, sims)
    return { app, page, profileIds, close }
  } catch (error) {
    await close()
    throw error
  }
}
