import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import { createDemoProfile } from '../../../../src/main/core/session/demo-profile'
import {
  createSessionManager,
  type DefaultSessionManager
} from '../../../../src/main/core/session/session-manager'
import { DEFAULT_APP_SETTINGS } from '../../../../src/shared/profiles'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import {
  FAST_CONNECTION,
  profileFor,
  startRecordedSession,
  tempCacheStore,
  type TempCacheStore,
  waitFor
} from './session-harness'

describe('session manager', () => {
  let manager: DefaultSessionManager | null = null
  let sim: Simulator | null = null
  let cache: TempCacheStore | null = null

  afterEach(async () => {
    await manager?.closeAll()
    await sim?.close()
    await cache?.dispose()
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

  it('applies a changed job-detail budget to the running session, without reopening it', async () => {
    sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    const server = sim
    cache = await tempCacheStore()
    let budget = 0.1
    manager = createSessionManager({
      cache: cache.store,
      secrets: { password: () => 'dinky123!@#' },
      settings: () => ({
        ...DEFAULT_APP_SETTINGS,
        connection: { ...FAST_CONNECTION, jobDetailBudgetPerSecond: budget }
      }),
      logger: silentLogger
    })
    const details = () =>
      server.control.stats().requestsByPath['/api/jobInstance/refreshJobInfoDetail'] ?? 0
    const session = await manager.open(profileFor(server.url))
    await session.loggedIn
    const running = () => session.snapshot().jobs?.value.filter((job) => job.status === 'RUNNING')
    await waitFor('running jobs', () => (running()?.length ?? 0) >= 4)
    // One request per 10 s: the first slot, then nothing while 2 s of that budget's 10 s gap pass. The window is the
    // budget under test, not a wait for an event: only a scheduler that sends early can fail it, however busy the
    // machine.
    await waitFor('the first detail', () => details() >= 1)
    const slow = details()
    const firstAt = Date.now()
    await waitFor('2 s of the slow budget', () => Date.now() - firstAt >= 2_000 || details() > slow)
    expect(details() - slow).toBe(0)
    budget = 20
    const raisedAt = Date.now()
    // Within about a second, though the wait under way had 8 s to go: well before that gap would end, busy or not.
    await waitFor('the next detail', () => details() > slow)
    const nextAt = Date.now()
    expect(nextAt - raisedAt).toBeLessThan(6_000)
    // Three more at once: the old budget would take 30 s over them.
    await waitFor('three more details', () => details() - slow >= 4)
    expect(Date.now() - nextAt).toBeLessThan(10_000)
    expect(await manager.open(profileFor(server.url))).toBe(session)
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

  it('says not-dinky in Test connection for Dinky’s URL with /api appended, with the fix', async () => {
    sim = await startSimulator({ tickMs: 0, logRate: 0 })
    const sessions = await create()
    const probe = sessions.test(profileFor(`${sim.url}/api`), 'dinky123!@#')
    await expect(probe).rejects.toMatchObject({ reason: 'not-dinky' })
    await expect(probe).rejects.toThrow(`${sim.url}/api/api/version answered HTTP 404`)
    await expect(probe).rejects.toThrow(`use ${sim.url} (the server URL without /api)`)
  })
})

describe('Session on a Dinky 1.2 (WebSocket) server', () => {
  it('follows console logs and JVM figures over the one socket', async () => {
    const sim = await startSimulator({
      version: '1.2.0',
      tickMs: 0,
      logRate: 0,
      wsJvmIntervalMs: 100
    })
    const cache = await tempCacheStore()
    const recorded = startRecordedSession({
      profile: profileFor(sim.url, ['FlinkSubmit/5']),
      store: cache.store
    })
    try {
      const session = recorded.session
      await waitFor('ws live', () => session.snapshot().streams.topics.kind === 'live')
      expect(session.snapshot().transport).toBe('ws')
      expect(session.snapshot().streams.jvm.kind).toBe('live')
      sim.control.appendLog('FlinkSubmit/5', ['over the socket'])
      await waitFor('the line', () =>
        recorded
          .updates('log')
          .some((u) => u.chunk.lines.some((l) => l.endsWith('over the socket')))
      )
      await waitFor('a JVM sample', () => recorded.updates('jvm').length)
    } finally {
      await recorded.session.stop()
      await sim.close()
      await cache.dispose()
    }
  })
})
