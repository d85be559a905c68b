/**
 * Three Dinky servers at once (issue 23), for the fleet overview, the all-servers jobs table, the palette and their
 * screenshots: `useFleetScenario()` starts three simulators and the app with one profile on each, then leaves them
 *  - `sims[0]` live,
 *  - `sims[1]` kept reconnecting: it was live in this run, then refuses connections until the scenario ends (the app
 *    retries every 1.5–3 s and keeps what it read, stale),
 *  - `sims[2]` offline from the cache: the app read and cached it in a first run, the server was then stopped and the
 *    app launched again, so all it has of it are the cached figures with their age.
 * Registers its `beforeAll`/`afterAll` in the describe block it is called in, like `useScenario`.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { Page } from 'playwright-core'
import { profileDir } from '../../../src/main/core/cache/cache-paths'
import type { AppSettings, ServerProfile } from '../../../src/shared/profiles'
import type { Simulator, SimulatorOptions } from '../../../src/simulator/index'
import type { E2eApp } from './e2e-app'
import { launchApp } from './launch-app'
import {
  configureFleet,
  fleetProfiles,
  startFleetSimulators,
  waitForFleetCards,
  waitForServer,
  type FleetTriple
} from './fleet-servers'
import { makeUserDataDir, removeUserDataDir, writeScenarioSettings } from './scenario-server'

export interface FleetScenarioOptions {
  /** Job instances on each simulator (the simulator's `--jobs`); default: its seeded dozen. */
  jobs?: number
  /** The system's language and dark mode the app follows (settings say "system"); default en-US, light. */
  locale?: 'en-US' | 'zh-CN'
  dark?: boolean
  /** More options for all three simulators. */
  simulator?: SimulatorOptions
  /** Steers the worlds before the app first reads them; default: a running job fails on the live server. */
  prepare?: (sims: FleetTriple<Simulator>) => unknown
  /** Fields of each server's profile (e.g. `{ readOnly: true }`), live, reconnecting, offline. */
  profiles?: readonly [Partial<ServerProfile>?, Partial<ServerProfile>?, Partial<ServerProfile>?]
  /** Settings written before the first launch (language and theme default to "system"). */
  settings?: Partial<AppSettings>
  /** What else the scenario needs on screen before its first test (runs once the three are in place). */
  afterLaunch?: (page: Page) => Promise<unknown>
}

export interface FleetScenario {
  /** The first window of the app (the second launch: the one the tests use). */
  readonly page: Page
  readonly app: E2eApp
  /** Live, reconnecting (refusing connections), offline (closed). */
  readonly sims: FleetTriple<Simulator>
  readonly profiles: FleetTriple<ServerProfile>
  readonly userDataDir: string
  /** When the offline server's cached job list was read (epoch ms): the age its card must tell. */
  readonly cachedAsOf: number
}

/** The default world: one running job of the live server has failed (a failing job, a firing alert). */
function failOneJob([live]: FleetTriple<Simulator>): void {
  const victim = live.control.world.latestInstances().find((job) => job.status === 'RUNNING')
  if (victim) live.control.failJob(victim.taskId)
}

export function useFleetScenario(options: FleetScenarioOptions = {}): FleetScenario {
  let sims: FleetTriple<Simulator> | undefined
  let profiles: FleetTriple<ServerProfile> | undefined
  let userDataDir: string | undefined
  let app: E2eApp | undefined
  let page: Page | undefined
  let cachedAsOf = 0
  let endOutage = (): void => undefined
  let outage: Promise<void> = Promise.resolve()

  const launch = async (): Promise<Page> => {
    await app?.close()
    app = await launchApp({
      userDataDir: userDataDir!,
      locale: options.locale ?? 'en-US',
      darkMode: options.dark ?? false,
      // The first run's Demo profile (removed once the three are added) points where nothing listens, so the app
      // starts no demo server of its own. Not at a simulator: Dinky lets a user hold one token at a time, so the Demo
      // session and the first server's, both `admin`, would push each other out until one gave up (auth-expired).
      env: { DINKY_DEMO_URL: 'http://127.0.0.1:9' }
    })
    page = await app.firstWindow()
    return page
  }

  beforeAll(async () => {
    sims = await startFleetSimulators(options)
    await (options.prepare ?? failOneJob)(sims)
    const urls = sims.map((sim) => sim.url) as unknown as FleetTriple<string>
    const base = fleetProfiles(urls)
    profiles = base.map((profile, i) => ({
      ...profile,
      ...options.profiles?.[i]
    })) as unknown as FleetTriple<ServerProfile>
    userDataDir = await makeUserDataDir()
    await writeScenarioSettings(userDataDir, {
      language: 'system',
      theme: 'system',
      ...options.settings
    })

    // First run: the three servers are added as a person adds them, read and cached; then the third goes away.
    let current = await launch()
    await configureFleet(current, profiles!)
    for (const profile of profiles!) await waitForServer(current, profile.id, 'live')
    await app!.close()
    const cached = JSON.parse(
      await readFile(join(profileDir(userDataDir, profiles![2].id), 'snapshot.json'), 'utf8')
    ) as { jobs?: { asOf: number } }
    if (!cached.jobs?.asOf) throw new Error('the offline server was not cached by the first run')
    cachedAsOf = cached.jobs.asOf
    await sims[2].close()

    // Second run: the first two come live, then the second is kept down until the scenario ends.
    current = await launch()
    await waitForServer(current, profiles![0].id, 'live')
    await waitForServer(current, profiles![1].id, 'live')
    outage = sims[1].control.refuseConnections(new Promise<void>((end) => (endOutage = end)))
    await waitForServer(current, profiles![1].id, 'reconnecting')
    await waitForServer(current, profiles![2].id, 'reconnecting')
    // The fleet overview opens first with several servers: the tests start from what it shows, not only main.
    await waitForFleetCards(
      current,
      profiles!.map((profile) => profile.id),
      ['live', 'reconnecting', 'reconnecting']
    )
    await options.afterLaunch?.(current)
    // Two launches and three servers read (2,000 jobs each with `jobs`) on a busy machine: a deadline that only
    // ends a stuck run.
  }, 300_000)

  afterAll(async () => {
    await app?.close()
    endOutage()
    await outage
    await Promise.all((sims ?? []).map((sim) => sim.close()))
    await removeUserDataDir(userDataDir)
  })

  return {
    get page() {
      return present(page, 'the fleet app has not been launched')
    },
    get app() {
      return present(app, 'the fleet app has not been launched')
    },
    get sims() {
      return present(sims, 'the fleet simulators start in beforeAll')
    },
    get profiles() {
      return present(profiles, 'the fleet profiles are made in beforeAll')
    },
    get userDataDir() {
      return present(userDataDir, 'the fleet userData folder is made in beforeAll')
    },
    get cachedAsOf() {
      return cachedAsOf
    }
  }
}

function present<T>(value: T | undefined, missing: string): T {
  if (value === undefined) throw new Error(missing)
  return value
}
