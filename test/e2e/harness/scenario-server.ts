/**
 * The Dinky a scenario talks to: a simulator started in the test process (so the test holds its fault controls and
 * its world), and the app launched with its Demo profile pointed at it (`DINKY_DEMO_URL`) over a settings file with
 * short heartbeats, watchdog and backoff, so every wait in a scenario is a few seconds at most.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDemoProfile } from '../../../src/main/core/session/demo-profile'
import {
  DEMO_PROFILE_ID,
  type AppSettings,
  type ConnectionSettings,
  type ServerProfile
} from '../../../src/shared/profiles'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator/index'
import type { E2eApp, LaunchOptions } from './e2e-app'
import { launchApp } from './launch-app'

/** Fast enough for tests, slow enough that a person (and a screenshot) can see a countdown. */
export const SCENARIO_CONNECTION: ConnectionSettings = {
  heartbeatTimeoutMs: 1_500,
  backoffBaseMs: 1_500,
  backoffFactor: 1.5,
  backoffMaxMs: 3_000,
  backoffResetAfterMs: 60_000,
  jobsPollMs: 1_000,
  clustersPollMs: 5_000
}

/** Below every OS's ephemeral range (Linux 32768–60999, macOS and Windows 49152–65535). */
const QUIET_PORTS = { from: 20_000, to: 32_000 }

/**
 * A simulator with a 300 ms heartbeat and a world that moves only when the test says so (`tickMs: 0`): job rows
 * stay put unless a scenario changes them. Console lines still stream at `logRate` for running submissions.
 *
 * On `options.port`, or else on a random port no `listen(0)` can be given: scenarios close simulators, make them
 * refuse connections or restart them on their port while the app keeps dialling it, and on a port freed in the
 * ephemeral range another test file's server, started meanwhile, could be given it (the app would find a Dinky
 * there, or the restart would find its port taken).
 */
export async function startScenarioSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const start = (port: number) =>
    startSimulator({ heartbeatMs: 300, tickMs: 0, jvmIntervalMs: 1_000, ...options, port })
  if (options.port !== undefined) return start(options.port)
  for (let attempt = 0; ; attempt++) {
    const port = QUIET_PORTS.from + Math.floor(Math.random() * (QUIET_PORTS.to - QUIET_PORTS.from))
    try {
      return await start(port)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw error
    }
  }
}

/**
 * Writes `<userData>/settings.json` (the format of src/main/core/cache/settings-document.ts) with the Demo profile
 * selected and the given settings (and profile fields, e.g. `processes` to follow); the app reads it at start as if
 * a person had configured it.
 */
export async function writeScenarioSettings(
  userDataDir: string,
  settings: Partial<AppSettings> = {},
  profile: Partial<ServerProfile> = {}
): Promise<void> {
  const document = {
    version: 1,
    profiles: [{ ...createDemoProfile(), ...profile }],
    selectedProfileId: DEMO_PROFILE_ID,
    settings: {
      language: 'en-US',
      theme: 'light',
      notifications: true,
      logTailLines: 5_000,
      connection: SCENARIO_CONNECTION,
      ...settings
    }
  }
  await writeFile(join(userDataDir, 'settings.json'), JSON.stringify(document, null, 2))
}

/** A fresh userData folder the test owns (launchApp does not remove a folder it was given). */
export function makeUserDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'dinky-e2e-scenario-'))
}

export function removeUserDataDir(dir: string | undefined): Promise<void> {
  return dir ? rm(dir, { recursive: true, force: true }) : Promise.resolve()
}

/** Launches the app with its Demo profile on `serverUrl` (a simulator, or a dead port to play "server down"). */
export function launchOnServer(
  serverUrl: string,
  options: LaunchOptions & { userDataDir: string }
): Promise<E2eApp> {
  return launchApp({ ...options, env: { ...options.env, DINKY_DEMO_URL: serverUrl } })
}
