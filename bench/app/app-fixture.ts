/**
 * The app as the browser benchmarks run it: the built `out/` under the e2e stand-in, over a userData folder this
 * module prepares with the core's own stores (same files as the app's): one server profile whose server is down,
 * and optionally a cache of real jobs, clusters and counts taken from the simulator beforehand.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createConfCacheStore,
  createConfSettingsStore
} from '../../src/main/core/cache/conf-cache-store'
import { silentLogger } from '../../src/main/core/logger'
import { Session } from '../../src/main/core/session/session'
import { DEFAULT_APP_SETTINGS } from '../../src/shared/profiles'
import { startSimulator } from '../../src/simulator/index'
import buildAppForE2e from '../../test/e2e/global-setup'
import { benchProfile } from '../core-pipeline'

export const BENCH_PROFILE_ID = 'bench'

/** Builds `out/` when it is missing or older than the sources (the e2e suite's own check). */
export function ensureAppBuilt(): void {
  buildAppForE2e()
}

/** A userData folder with the bench profile selected, pointing at `url` (a server that is down). */
async function writeSettings(dir: string, url: string): Promise<void> {
  const settings = createConfSettingsStore({ dir, logger: silentLogger })
  settings.saveProfiles([benchProfile(url, [])])
  settings.selectProfile(BENCH_PROFILE_ID)
}

/**
 * A template userData: with `cached`, the bench profile's cache holds what a session fetched from the simulator
 * (jobs, counts, clusters) before the simulator was closed, so the profile's server is down afterwards.
 */
export async function createUserDataTemplate(cached: boolean): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dinky-bench-userdata-'))
  const sim = await startSimulator({ port: 0, tickMs: 0, logRate: 0 })
  try {
    await writeSettings(dir, sim.url)
    if (!cached) return dir
    const store = createConfCacheStore({ dir, logger: silentLogger, writeIntervalMs: 10 })
    const session = new Session({
      profile: benchProfile(sim.url, []),
      settings: DEFAULT_APP_SETTINGS,
      cache: store.profile(BENCH_PROFILE_ID),
      secrets: { password: () => 'dinky123!@#' },
      logger: silentLogger
    })
    session.start()
    const deadline = Date.now() + 15_000
    while (!session.snapshot().counts || !session.snapshot().clusters) {
      if (Date.now() > deadline)
        throw new Error('the cache template got no jobs from the simulator')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await session.stop()
    await store.flush()
    await store.close()
    return dir
  } finally {
    await sim.close()
  }
}

/** A fresh copy of a template, so every launch starts from the same files. */
export async function copyUserData(template: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dinky-bench-run-'))
  await cp(template, dir, { recursive: true })
  return dir
}

export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true })
