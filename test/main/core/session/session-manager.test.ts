import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import { createDemoProfile } from '../../../../src/main/core/session/demo-profile'
import {
  createSessionManager,
  type DefaultSessionManager
} from '../../../../src/main/core/session/session-manager'
import { DEFAULT_APP_SETTINGS } from '../../../../src/shared/profiles'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { FAST_CONNECTION, profileFor, tempCacheStore, waitFor } from './session-harness'

describe('session manager', () => {
  let manager: DefaultSessionManager | null = null
  let sim: Simulator | null = null
  let cache: Awaited<ReturnType<typeof tempCacheStore>> | null = null

  afterEach(async () => {
    await manager?.closeAll()
    await sim?.close()
    await cache?.store.close()
    await cache?.remove()
    manager = sim = cache = null
  })

  async function create() {
    cache = await tempCacheStore()
    manager = createSessionManager({
      cache: cache.store,
      secrets: { password: () => 'dinky123!@#' },
      settings: () => ({ ...DEFAULT_APP_SETTINGS, connection: FAST_CONNECTION }),
      logger: silentLogger
    })
    return manager
  }

  it('runs the Demo profile against an in-process simulator on loopback', async () => {
    const sessions = await create()
    const demo = await sessions.open(createDemoProfile())
    await demo.loggedIn
    await waitFor('demo jobs', () => demo.snapshot().jobs?.value.length)
    expect(demo.snapshot().serverVersion).toBe('1.1.0')
    const probe = await sessions.test(createDemoProfile(), null)
    expect(probe).toEqual({ version: '1.1.0', transport: 'sse', username: 'admin' })
  })

  it('keeps one session per profile and restarts it only when the profile changed', async () => {
    sim = await startSimulator({ tickMs: 0, logRate: 0 })
    const sessions = await create()
    const first = await sessions.open(profileFor(sim.url))
    expect(await sessions.open(profileFor(sim.url))).toBe(first)
    const changed = await sessions.open(profileFor(sim.url, ['FlinkSubmit/1']))
    expect(changed).not.toBe(first)
    expect(first.snapshot().streams.rest.kind).toBe('stopped')
    expect(sessions.all()).toEqual([changed])
  })

  it('probes a server without keeping a session, and reports a refused login', async () => {
    sim = await startSimulator({ version: '1.2.0', tickMs: 0, logRate: 0 })
    const sessions = await create()
    expect(await sessions.test(profileFor(sim.url), 'dinky123!@#')).toMatchObject({
      transport: 'ws'
    })
    await expect(sessions.test(profileFor(sim.url), 'wrong')).rejects.toMatchObject({
      reason: 'login-failed'
    })
    expect(sessions.all()).toEqual([])
  })
})
