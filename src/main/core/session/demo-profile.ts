/**
 * The built-in Demo profile: a server profile whose Dinky is the simulator, run in-process on 127.0.0.1 with a free
 * port, so the console can be tried (and demonstrated) with no Dinky at hand.
 */
import {
  createServerProfile,
  DEMO_PROFILE_ID,
  DEMO_PROFILE_NAME,
  type ServerProfile
} from '../../../shared/profiles'
import { startSimulator, type SimulatorOptions } from '../../../simulator/index'

/** Dinky's seed account password, which the simulator accepts by default; not a secret. */
export const DEMO_PASSWORD = 'dinky123!@#'

export interface DemoServer {
  url: string
  close(): Promise<void>
}

/** The Demo profile as the profile list shows it; its URL is filled in when its session opens. */
export function createDemoProfile(): ServerProfile {
  return createServerProfile({
    id: DEMO_PROFILE_ID,
    name: DEMO_PROFILE_NAME,
    url: 'http://127.0.0.1',
    demo: true
  })
}

/**
 * Starts the simulator for the Demo profile: loopback only, a free port, Dinky's default timings, and the demo
 * scenario (a source lag that grows and drains, a checkpoint failure streak now and then) so alerts show.
 */
export async function startDemoServer(options: SimulatorOptions = {}): Promise<DemoServer> {
  const simulator = await startSimulator({
    demoFaults: true,
    ...options,
    host: '127.0.0.1',
    port: 0
  })
  return { url: simulator.url, close: () => simulator.close() }
}

/**
 * `DINKY_DEMO_URL=http://127.0.0.1:<port>` points the Demo profile at a Dinky (usually a simulator) that someone
 * else runs and owns, instead of starting one in-process. Why: end-to-end tests must reach the demo server's fault
 * controls, and only the process that started the simulator holds them. Unset: undefined (the in-process default).
 */
export function demoServerFromEnvironment(
  env: Record<string, string | undefined>
): (() => Promise<DemoServer>) | undefined {
  const url = env['DINKY_DEMO_URL']?.replace(/\/+$/, '')
  if (!url) return undefined
  return async () => ({ url, close: async () => undefined })
}
