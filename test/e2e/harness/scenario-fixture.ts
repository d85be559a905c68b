/**
 * The launch preamble every scenario shared, said once: a simulator the test holds (`useScenarioSimulator`), nginx in
 * front of it (`useNginxProxy`), the app launched over its own userData with a scenario settings file
 * (`useScenarioApp`) or as a first run on its in-process Demo server (`useFirstRunApp`), or a simulator and the app
 * on it (`useScenario`).
 * Each registers its `beforeAll` and `afterAll` in the describe block it is called in and returns a holder whose
 * fields are set once `beforeAll` has run; vitest runs `afterAll` hooks in reverse order, so the app closes before
 * whatever it talked to.
 */
import { afterAll, beforeAll } from 'vitest'
import type { Page } from 'playwright-core'
import type { AppSettings, ServerProfile } from '../../../src/shared/profiles'
import type { Simulator, SimulatorOptions } from '../../../src/simulator/index'
import { startNginx, type NginxProxy, type ProxyConfig } from '../../support/nginx-proxy'
import type { E2eApp, LaunchOptions } from './e2e-app'
import { waitForBadge } from './console-page'
import { launchApp } from './launch-app'
import {
  launchOnServer,
  makeUserDataDir,
  removeUserDataDir,
  startScenarioSimulator,
  writeScenarioSettings
} from './scenario-server'

/** A simulator started before the scenario and closed after it. */
export interface ScenarioSimulator {
  /** The running simulator (throws once `stopSimulator` has closed it, until `restartSimulator`). */
  readonly sim: Simulator
  /** Its port, kept after it stopped: restarting there, or pointing the app there, plays "server down". */
  readonly port: number
  /** Closes the simulator, as a server going down. */
  stopSimulator(): Promise<void>
  /** Starts a simulator again on the same port (other options, e.g. a changed password). */
  restartSimulator(options?: SimulatorOptions): Promise<Simulator>
}

/** The app as the scenario launched it, over a userData folder that lives as long as the scenario. */
export interface ScenarioApp {
  readonly app: E2eApp
  /** The first window of the app launched last. */
  readonly page: Page
  readonly userDataDir: string
  /**
   * Closes the running app (if any) and launches it again over the same userData: on `serverUrl`, or without one on
   * the Demo server the app starts in-process.
   */
  launch(serverUrl?: string): Promise<Page>
}

/** How and when the app starts, for useScenarioApp and useFirstRunApp. */
export interface LaunchedAppOptions {
  /** Launch options for every launch: locale, system dark mode. */
  launch?: Omit<LaunchOptions, 'userDataDir'>
  /** Launch in `beforeAll` (default); false leaves the first `launch` to the test. */
  launchAtStart?: boolean
  /** Wait for the Live badge after the launch in `beforeAll` (default true). */
  waitForLive?: boolean
  /** What else the scenario needs on screen before its first test (e.g. a view opened). */
  afterLaunch?: (page: Page) => Promise<unknown>
}

export interface ScenarioAppOptions extends LaunchedAppOptions {
  /** Where the app's Demo profile points; read when the app launches in `beforeAll`. */
  server: () => string
  /** Settings (and Demo profile fields) written before the first launch: see writeScenarioSettings. */
  settings?: Partial<AppSettings>
  profile?: Partial<ServerProfile>
}

/** A simulator with these options (see startScenarioSimulator), `prepare`d before anything talks to it. */
export function useScenarioSimulator(
  options: SimulatorOptions = {},
  prepare?: (sim: Simulator) => unknown
): ScenarioSimulator {
  let current: Simulator | undefined
  let port = 0
  beforeAll(async () => {
    current = await startScenarioSimulator(options)
    port = current.port
    await prepare?.(current)
  })
  afterAll(async () => {
    await current?.close()
  })
  return {
    get sim() {
      return present(current, 'the scenario simulator is not running')
    },
    get port() {
      return port
    },
    async stopSimulator() {
      const stopping = current
      current = undefined
      await stopping?.close()
    },
    async restartSimulator(restartOptions = {}) {
      current = await startScenarioSimulator({ ...restartOptions, port })
      return current
    }
  }
}

/** Debian's nginx configured as `config()` says (read in `beforeAll`), stopped after the scenario. */
export function useNginxProxy(config: () => ProxyConfig): { readonly nginx: NginxProxy } {
  let nginx: NginxProxy | undefined
  beforeAll(async () => {
    nginx = await startNginx(config())
  })
  afterAll(async () => {
    await nginx?.stop()
  })
  return {
    get nginx() {
      return present(nginx, 'the scenario nginx is not running')
    }
  }
}

/** The app launched on `options.server()` over a fresh userData folder, closed and removed after the scenario. */
export function useScenarioApp(options: ScenarioAppOptions): ScenarioApp {
  return useAppOverUserData(options, options.server, (userDataDir) =>
    writeScenarioSettings(userDataDir, options.settings, options.profile)
  )
}

/**
 * A first run: the app over an empty userData folder (no settings file), on the Demo server it starts in-process.
 * Closed and removed after the scenario.
 */
export function useFirstRunApp(options: LaunchedAppOptions = {}): ScenarioApp {
  return useAppOverUserData(
    options,
    () => undefined,
    async () => undefined
  )
}

function useAppOverUserData(
  options: LaunchedAppOptions,
  server: () => string | undefined,
  prepareUserData: (userDataDir: string) => Promise<void>
): ScenarioApp {
  let userDataDir: string | undefined
  let app: E2eApp | undefined
  let page: Page | undefined
  const launch = async (serverUrl?: string): Promise<Page> => {
    await app?.close()
    const launchOptions = { ...options.launch, userDataDir: userDataDir! }
    app = await (serverUrl === undefined
      ? launchApp(launchOptions)
      : launchOnServer(serverUrl, launchOptions))
    page = await app.firstWindow()
    return page
  }
  beforeAll(async () => {
    userDataDir = await makeUserDataDir()
    await prepareUserData(userDataDir)
    if (options.launchAtStart === false) return
    const firstPage = await launch(server())
    if (options.waitForLive !== false) await waitForBadge(firstPage, 'live')
    await options.afterLaunch?.(firstPage)
  })
  afterAll(async () => {
    await app?.close()
    await removeUserDataDir(userDataDir)
  })
  return {
    get app() {
      return present(app, 'the scenario app has not been launched')
    },
    get page() {
      return present(page, 'the scenario app has not been launched')
    },
    get userDataDir() {
      return present(userDataDir, 'the scenario userData folder is made in beforeAll')
    },
    launch
  }
}

export type Scenario = ScenarioSimulator & ScenarioApp

/** A simulator the test holds and the app launched on it: the preamble of most scenarios. */
export function useScenario(
  options: Omit<ScenarioAppOptions, 'server'> & {
    simulator?: SimulatorOptions
    prepare?: (sim: Simulator) => unknown
  } = {}
): Scenario {
  const server = useScenarioSimulator(options.simulator, options.prepare)
  const launched = useScenarioApp({ ...options, server: () => server.sim.url })
  return Object.defineProperties({} as Scenario, {
    ...Object.getOwnPropertyDescriptors(server),
    ...Object.getOwnPropertyDescriptors(launched)
  })
}

/** What a holder's field is once its hook has run; read before (or after a stop) it says which part is missing. */
function present<T>(value: T | undefined, missing: string): T {
  if (value === undefined) throw new Error(missing)
  return value
}
