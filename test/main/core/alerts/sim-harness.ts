/**
 * Integration harness for the alert center: a real session (`createSessionManager`) against the simulator over
 * loopback, polling fast, with the center attached on the system clock and every event recorded.
 */
import { afterEach } from 'vitest'
import type { AlertEvent, AlertRule } from '../../../../src/shared/alerts'
import { DEFAULT_APP_SETTINGS } from '../../../../src/shared/profiles'
import { createAlertCenter } from '../../../../src/main/core/alerts/alert-center'
import type { AlertCenter } from '../../../../src/main/core/alerts/alert-center-api'
import { silentLogger } from '../../../../src/main/core/logger'
import { systemClock } from '../../../../src/main/core/ports'
import type { SessionHandle } from '../../../../src/main/core/session/session-api'
import { createSessionManager } from '../../../../src/main/core/session/session-manager'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import type { SimulatorOptions } from '../../../../src/simulator/options'
import { FAST_CONNECTION, profileFor, tempCacheStore, waitFor } from '../session/session-harness'

export interface Watched {
  sim: Simulator
  session: SessionHandle
  center: AlertCenter
  events: AlertEvent[]
  /** A streaming task whose latest instance runs: its task id, instance id and name. */
  runningJob(): { taskId: number; id: number; name: string }
  runningJobs(): Array<{ taskId: number; id: number; name: string }>
  /** Resolves with the first recorded event matching (waits for it; only a stuck test times out). */
  event(what: string, match: (event: AlertEvent) => boolean): Promise<AlertEvent>
}

/** Starts what a test needs and registers its teardown (center, sessions, simulator, cache, in that order). */
export function alertSimResources() {
  const stops: Array<() => Promise<void> | void> = []
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop()
  })
  return async function startWatched(
    rules: AlertRule[] | ((job: { taskId: number; id: number; name: string }) => AlertRule[]),
    simOptions: SimulatorOptions = {}
  ): Promise<Watched> {
    const sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 500, ...simOptions })
    stops.push(() => sim.close())
    const cache = await tempCacheStore()
    stops.push(() => cache.dispose())
    const manager = createSessionManager({
      cache: cache.store,
      secrets: { password: () => 'dinky123!@#' },
      settings: () => ({
        ...DEFAULT_APP_SETTINGS,
        connection: {
          ...FAST_CONNECTION,
          jobsPollMs: 200,
          backoffBaseMs: 50,
          backoffMaxMs: 100,
          jobDetailBudgetPerSecond: 20
        }
      }),
      logger: silentLogger
    })
    stops.push(() => manager.closeAll())
    const runningJobs = () => {
      const { world } = sim.control
      return world
        .latestInstances()
        .filter((i) => i.status === 'RUNNING' && i.jid && !world.task(i.taskId)?.batchModel)
        .map((i) => ({ taskId: i.taskId, id: i.id, name: i.name }))
    }
    const runningJob = () => {
      const [first] = runningJobs()
      if (!first) throw new Error('no running streaming job in the seeded world')
      return first
    }
    const job = runningJob()
    const center = createAlertCenter({
      clock: systemClock,
      logger: silentLogger,
      rules: { rules: typeof rules === 'function' ? rules(job) : rules, silences: [] }
    })
    stops.push(() => center.dispose())
    const events: AlertEvent[] = []
    center.subscribe((event) => events.push(event))
    const session = await manager.open(profileFor(sim.url))
    center.attach(session, { name: 'sim', origin: new URL(sim.url).origin })
    await waitFor('a live job list', () => session.snapshot().jobs?.stale === false)
    return {
      sim,
      session,
      center,
      events,
      runningJob,
      runningJobs,
      event: (what, match) => waitFor(what, () => events.find(match), 30_000)
    }
  }
}
