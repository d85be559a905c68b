/**
 * The steps behind the three-server scenario (`fleet-scenario.ts`), each usable alone: the three simulators with
 * their own worlds, the three profiles added to a running app the way the server form adds them (`profiles:save`
 * with a password, so the password lands in the app's own secret store, whatever keychain it uses), and the waits
 * on what main holds for a server (`session:snapshot`), read through the page's `window.api`.
 */
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../../src/main/core/session/demo-profile'
import { worstState, type ConnectionState } from '../../../src/shared/connection'
import { createServerProfile, type ServerProfile } from '../../../src/shared/profiles'
import type { SessionSnapshot } from '../../../src/shared/session'
import type { Simulator, SimulatorOptions } from '../../../src/simulator/index'
import { pollFor } from './page-helpers'
import { startScenarioSimulator } from './scenario-server'

/** Who the three servers are: the one that stays live, the one kept reconnecting, the one gone (cached only). */
export const FLEET_SERVERS = [
  { id: 'prod', name: 'Production', seed: 42, version: '1.1.0' },
  { id: 'staging', name: 'Staging', seed: 7, version: '1.2.0' },
  { id: 'team', name: 'Analytics team', seed: 99, version: '1.0.3' }
] as const

export type FleetTriple<T> = readonly [T, T, T]

/**
 * Starts the three simulators: the scenario's heartbeat and still world, a seed and a Dinky version each (so each
 * card tells another story), `jobs` instances each when given (the simulator's `--jobs`), then `prepare`.
 */
export async function startFleetSimulators(
  options: { jobs?: number; simulator?: SimulatorOptions } = {}
): Promise<FleetTriple<Simulator>> {
  const started = await Promise.all(
    FLEET_SERVERS.map((server) => {
      const sized: SimulatorOptions = {
        seed: server.seed,
        version: server.version,
        ...options.simulator,
        ...(options.jobs === undefined ? {} : { jobs: options.jobs })
      }
      // One closes and one refuses connections while the app dials them: on ports nobody else can be given.
      return startScenarioSimulator(sized)
    })
  )
  return [started[0], started[1], started[2]]
}

/** The profiles of the three servers, on these simulators' URLs. */
export function fleetProfiles(
  urls: FleetTriple<string>,
  fields: Partial<ServerProfile> = {}
): FleetTriple<ServerProfile> {
  const [a, b, c] = FLEET_SERVERS.map((server, index) =>
    createServerProfile({ id: server.id, name: server.name, url: urls[index], ...fields })
  )
  return [a, b, c]
}

type Answer = { ok: boolean; value?: unknown; error?: unknown }

/** One request to main through the page's bridge, as the renderer makes it; a refusal throws with its error. */
export async function invokeInPage<T>(page: Page, channel: string, request?: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ([name, body]) => {
      const api = (
        globalThis as unknown as {
          api: { invoke(c: string, a?: unknown): Promise<{ ok: boolean }> }
        }
      ).api
      return (body === undefined ? api.invoke(name) : api.invoke(name, body)) as Promise<Answer>
    },
    [channel, request] as const
  )
  if (!answer.ok) throw new Error(`${channel} refused: ${JSON.stringify(answer.error)}`)
  return answer.value as T
}

/**
 * Adds the profiles to the running app with the simulators' password (the form's Save), then removes every other
 * profile (the first run's Demo) and selects the first: afterwards the app holds exactly these three.
 */
export async function configureFleet(
  page: Page,
  profiles: readonly ServerProfile[]
): Promise<void> {
  for (const profile of profiles) {
    await invokeInPage(page, 'profiles:save', { profile, password: DEMO_PASSWORD })
  }
  const listed = await invokeInPage<{ profiles: ServerProfile[] }>(page, 'profiles:list')
  const ours = new Set(profiles.map((profile) => profile.id))
  for (const other of listed.profiles.filter((profile) => !ours.has(profile.id))) {
    await invokeInPage(page, 'profiles:remove', { profileId: other.id })
  }
  await invokeInPage(page, 'profiles:select', { profileId: profiles[0].id })
}

/** What main holds for a server now. */
export function serverSnapshot(page: Page, profileId: string): Promise<SessionSnapshot> {
  return invokeInPage<SessionSnapshot>(page, 'session:snapshot', { profileId })
}

/** The worst of a snapshot's stream states, as the badge and the fleet card tell it. */
export function snapshotState(snapshot: SessionSnapshot): ConnectionState['kind'] | 'unknown' {
  return worstState(Object.values(snapshot.streams))?.kind ?? 'unknown'
}

/**
 * Waits until main holds this server `state`, with its jobs and clusters read (when `withData`). Polls main (the
 * hooks that use it run outside a test, where `expect.poll` is not available); the deadline only ends a stuck run.
 */
export function waitForServer(
  page: Page,
  profileId: string,
  state: ConnectionState['kind'],
  withData = true
): Promise<SessionSnapshot> {
  let seen = 'nothing yet'
  return pollFor(
    async () => {
      const snapshot = await serverSnapshot(page, profileId)
      const read = (snapshot.jobs?.asOf ?? 0) > 0 && snapshot.clusters !== null
      seen = `${JSON.stringify(snapshot.streams)}, jobs ${snapshot.jobs?.asOf}, clusters ${!!snapshot.clusters}`
      return snapshotState(snapshot) === state && (!withData || read) ? snapshot : undefined
    },
    `server ${profileId} ${state}`,
    60_000
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}; last seen: ${seen}`)
  })
}

/**
 * Waits until the fleet overview on screen shows each server in its state (`states[i]` for `profileIds[i]`). Main
 * holds a state a push before the renderer shows it: a test that reads the cards right after `waitForServer` can
 * still see the state before (it did: a card read "live" a moment after main held "reconnecting").
 */
export function waitForFleetCards(
  page: Page,
  profileIds: readonly string[],
  states: readonly ConnectionState['kind'][]
): Promise<void> {
  let seen: Record<string, string | undefined> = {}
  return pollFor(
    async () => {
      seen = Object.fromEntries(
        await page.getByTestId('fleet-server').evaluateAll((cards) =>
          cards.map((card) => {
            const { dataset } = card as unknown as { dataset: Record<string, string> }
            return [dataset['profileId'], dataset['state']] as const
          })
        )
      )
      return profileIds.every((id, i) => seen[id] === states[i]) ? true : undefined
    },
    `fleet cards ${states.join(', ')}`,
    60_000
  ).then(
    () => undefined,
    (error: unknown) => {
      throw new Error(`${String(error)}; last seen: ${JSON.stringify(seen)}`)
    }
  )
}
