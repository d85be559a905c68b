/**
 * Issue 21: the first contact works on every release. Dinky 1.0.x–1.1.x answer an anonymous `/api/version` with
 * 401 and their NOT_TOKEN envelope (it is public only from 1.2.0), so the session and Test connection must still log
 * in and learn the version, and a 401 from a version probe is never a refused login.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import {
  createSessionManager,
  type DefaultSessionManager
} from '../../../../src/main/core/session/session-manager'
import { DEFAULT_APP_SETTINGS } from '../../../../src/shared/profiles'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { startNginx, type NginxProxy } from '../../../support/nginx-proxy'
import {
  FAST_CONNECTION,
  profileFor,
  tempCacheStore,
  type TempCacheStore,
  waitFor
} from './session-harness'

const RELEASES = [
  { version: '1.0.3', transport: 'sse' },
  { version: '1.1.0', transport: 'sse' },
  { version: '1.2.0', transport: 'ws' }
] as const

describe('first contact on every release', () => {
  let manager: DefaultSessionManager | null = null
  let sim: Simulator | null = null
  let nginx: NginxProxy | null = null
  let cache: TempCacheStore | null = null

  afterEach(async () => {
    await manager?.closeAll()
    await nginx?.stop()
    await sim?.close()
    await cache?.dispose()
    manager = sim = nginx = cache = null
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

  for (const { version, transport } of RELEASES) {
    it(`${version}: the session logs in and Test connection reports the version`, async () => {
      sim = await startSimulator({ version, tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
      const sessions = await create()
      const session = await sessions.open(profileFor(sim.url))
      await session.loggedIn
      expect(session.snapshot().serverVersion).toBe(version)
      expect(await sessions.test(profileFor(sim.url), null)).toEqual({
        version,
        transport,
        username: 'admin'
      })
    })
  }

  it('1.1.0 behind a proxy that closes /openapi: logs in first, then asks /api/version with the token', async () => {
    sim = await startSimulator({ version: '1.1.0', tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    nginx = await startNginx({
      profile: 'good',
      upstreamPort: sim.port,
      extraLocations: 'location /openapi/ { return 403; }'
    })
    const sessions = await create()
    const session = await sessions.open(profileFor(nginx.url))
    await session.loggedIn
    expect(session.snapshot().serverVersion).toBe('1.1.0')
    expect(session.snapshot().transport).toBe('sse')
    expect(await sessions.test(profileFor(nginx.url), null)).toMatchObject({ version: '1.1.0' })
  })

  it('a 401 that is not Dinky’s on the version probe is retried, never a refused login', async () => {
    sim = await startSimulator({ version: '1.2.0', tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    nginx = await startNginx({
      profile: 'good',
      upstreamPort: sim.port,
      extraLocations: 'location = /api/version { return 401; }'
    })
    const sessions = await create()
    const probe = sessions.test(profileFor(nginx.url), null)
    await expect(probe).rejects.toMatchObject({ reason: 'http-4xx', status: 401 })
    const session = await sessions.open(profileFor(nginx.url))
    let refused: unknown = null
    session.loggedIn.catch((error: unknown) => (refused = error))
    const state = await waitFor('a retry', () => {
      const rest = session.snapshot().streams.rest
      return rest.kind === 'reconnecting' && rest.attempt >= 2 ? rest : null
    })
    expect(state.reason).toBe('http-4xx')
    expect(refused).toBeNull()
  })
})
