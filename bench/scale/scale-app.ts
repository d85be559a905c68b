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

export interface ScaleApp {
  app: StandInApp
  page: Page
  profileIds: string[]
  /** Jobs main listed for each server once it was live. */
  jobsListed: number[]
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
 * Whether main reads one server live (its REST sync: the jobs polls) and how many jobs it holds, through the page's
 * bridge; only at set-up, as the answer carries the whole list.
 */
const SNAPSHOT_SUMMARY = `async (profileId) => {
  const answer = await window.api.invoke('session:snapshot', { profileId })
  if (!answer.ok) return { live: false, jobs: 0 }
  return { live: answer.value.streams.rest?.kind === 'live', jobs: answer.value.jobs?.value.length ?? 0 }
}`

/** Waits until main has every server live with its job list read; answers how many jobs each lists. */
async function waitForServers(page: Page, profileIds: string[]): Promise<number[]> {
  const deadline = Date.now() + 60_000
  const listed: number[] = []
  for (const profileId of profileIds) {
    for (;;) {
      const summary = (await page.evaluate(
        `(${SNAPSHOT_SUMMARY})(${JSON.stringify(profileId)})`
      )) as {
        live: boolean
        jobs: number
      }
      if (summary.live && summary.jobs > 0) {
        listed.push(summary.jobs)
        break
      }
      if (Date.now() > deadline)
        throw new Error(`${profileId} not live with its jobs: ${JSON.stringify(summary)}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  return listed
}

/** Launches the app on these servers and waits until all are live with their jobs read. */
export async function launchScaleApp(
  urls: readonly string[],
  jobsPollMs: number,
  meter: IpcMeter
): Promise<ScaleApp> {
  const dir = await mkdtemp(join(tmpdir(), 'dinky-bench-scale-'))
  const profileIds = await writeUserData(dir, urls, jobsPollMs)
  const app = await launchStandInApp({ userDataDir: dir, rendererIpcMeter: meter.hook })
  const close = async () => {
    await app.close()
    await rm(dir, { recursive: true, force: true })
  }
  try {
    const page = await app.firstWindow()
    await page.setViewportSize({ width: 1280, height: 800 })
    const jobsListed = await waitForServers(page, profileIds)
    return { app, page, profileIds, jobsListed, close }
  } catch (error) {
    await close()
    throw error
  }
}
