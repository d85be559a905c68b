import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/simulator/index'
import {
  createConfCacheStore,
  createConfSettingsStore
} from '../../../src/main/core/cache/conf-cache-store'
import { createSessionManager } from '../../../src/main/core/session/session-manager'
import { createDemoProfile } from '../../../src/main/core/session/demo-profile'
import { silentLogger } from '../../../src/main/core/logger'
import { dispatchRequest } from '../../../src/main/ipc/dispatch'
import {
  createRequestHandlers,
  type PlatformServices,
  type RequestHandlers,
  type SecretStore
} from '../../../src/main/ipc/request-handlers'
import type { CacheStore, SettingsStore } from '../../../src/main/core/cache/cache-store'
import type { SessionManager } from '../../../src/main/core/session/session-api'
import type { Result } from '../../../src/shared/ipc/result'
import { createServerProfile, type ServerProfile } from '../../../src/shared/profiles'
import { waitUntil } from '../../support/wait-until'

function memorySecrets(): SecretStore {
  const kept = new Map<string, string>()
  return {
    password: (id) => kept.get(id) ?? null,
    setPassword: (id, value) => (value === null ? kept.delete(id) : kept.set(id, value)),
    has: (id) => kept.has(id)
  }
}

/** Resolves with what `probe` returns once it returns anything; the deadline only fails a stuck test. */
async function until<T>(probe: () => T | undefined): Promise<T> {
  const found = await waitUntil('the session state', () => {
    const value = probe()
    return value === undefined ? undefined : { value }
  })
  return found.value
}

describe('request handlers over the real core', () => {
  let dir: string
  let simulator: Simulator
  let settings: SettingsStore
  let cache: CacheStore
  let sessions: SessionManager
  let handlers: RequestHandlers
  let secrets: SecretStore
  const cleared: Array<string | null> = []
  const saved: Array<{ name: string; text: string }> = []

  const call = (channel: string, argument?: unknown): Promise<Result<unknown>> =>
    dispatchRequest(handlers, channel, argument, silentLogger)

  const server = (): ServerProfile =>
    createServerProfile({ id: 'sim', name: 'Simulated', url: simulator.url })

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dinky-handlers-'))
    simulator = await startSimulator({ port: 0, seed: 7, heartbeatMs: 500 })
    settings = createConfSettingsStore({ dir, logger: silentLogger })
    settings.saveProfiles([createDemoProfile()])
    cache = createConfCacheStore({ dir, logger: silentLogger })
    secrets = memorySecrets()
    sessions = createSessionManager({
      cache,
      secrets,
      settings: () => settings.settings(),
      logger: silentLogger
    })
    const platform: PlatformServices = {
      appInfo: () => ({
        version: '0.0.0',
        platform: 'linux',
        locale: 'en-US',
        darkMode: false,
        secretsBackend: 'basic_text'
      }),
      clearBrowsingData: async () => 100,
      saveFile: async (name, text) => {
        saved.push({ name, text })
        return join(dir, name)
      },
      openExternal: async () => {}
    }
    handlers = createRequestHandlers({
      sessions,
      settings,
      cache,
      secrets,
      platform,
      onSettingsChanged: () => {},
      onCacheCleared: (profileId) => cleared.push(profileId)
    })
  })

  afterEach(async () => {
    await sessions.closeAll()
    await cache.close()
    await simulator.close()
    await rm(dir, { recursive: true, force: true })
    cleared.length = 0
    saved.length = 0
  })

  it('refuses unknown channels and invalid arguments with a clear message', async () => {
    expect(await call('nope')).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    const bad = await call('profiles:save', {
      profile: { ...server(), url: 'ftp://host' },
      password: null
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(bad.ok || bad.error.message).toContain('http:// or https://')
    expect(await call('session:snapshot', { profileId: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
    expect(await call('settings:set', { bogus: 1 })).toMatchObject({ ok: false })
  })

  it('saves a profile with its password kept out of the settings file, and goes live', async () => {
    const result = await call('profiles:save', { profile: server(), password: 'dinky123!@#' })
    expect(result).toMatchObject({ ok: true, value: { withPassword: ['sim'] } })
    expect(JSON.stringify(settings.profiles())).not.toContain('dinky123')
    const jobs = await until(() => {
      const snapshot = sessions.get('sim')?.snapshot()
      return snapshot?.jobs && !snapshot.jobs.stale ? snapshot.jobs.value : undefined
    })
    expect(jobs.length).toBeGreaterThan(0)
    const detail = await call('jobs:detail', { profileId: 'sim', jobId: jobs[0]!.id })
    expect(detail).toMatchObject({ ok: true, value: { job: { id: jobs[0]!.id } } })
  })

  it('saves a typed password only once Dinky accepts it', async () => {
    await call('profiles:save', { profile: server(), password: null })
    const refused = await call('session:login', { profileId: 'sim', password: 'mistyped' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'login-failed' } })
    expect(secrets.password('sim')).toBeNull()
    const accepted = await call('session:login', { profileId: 'sim', password: 'dinky123!@#' })
    expect(accepted, JSON.stringify(accepted)).toMatchObject({
      ok: true,
      value: { username: 'admin' }
    })
    expect(secrets.password('sim')).toBe('dinky123!@#')
  })

  it('hands Test connection the figures of a not-Dinky address, for the UI to say in its language', async () => {
    const profile = { ...server(), url: `${simulator.url}/api` }
    const result = await call('profiles:test', { profile, password: 'dinky123!@#' })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'not-dinky',
        evidence: { status: 404, url: `${simulator.url}/api/api/version` }
      }
    })
  })

  it('reads a held metrics view without holding it', async () => {
    await call('profiles:save', { profile: server(), password: 'dinky123!@#' })
    const job = await until(() =>
      sessions
        .get('sim')
        ?.snapshot()
        .jobs?.value.find((j) => j.status === 'RUNNING' && j.jid)
    )
    const at = { profileId: 'sim', jid: job.jid! }
    expect(await call('metrics:view', at)).toEqual({ ok: true, value: null })
    const opened = await call('metrics:open', { ...at, holder: 'tab-1' })
    expect(opened).toMatchObject({ ok: true, value: { jid: job.jid } })
    expect(await call('metrics:view', at)).toMatchObject({ ok: true, value: { jid: job.jid } })
    // The read added no holder: closing the one that opened the job lets it go.
    await call('metrics:close', { ...at, holder: 'tab-1' })
    expect(await call('metrics:view', at)).toEqual({ ok: true, value: null })
    expect(await call('metrics:view', { profileId: 'sim', jid: 'not a jid' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' }
    })
  })

  it('clears the cache, reports the bytes and tells the windows', async () => {
    await call('profiles:save', { profile: server(), password: 'dinky123!@#' })
    await until(() => sessions.get('sim')?.snapshot().jobs?.value.length || undefined)
    await cache.flush()
    const before = await call('cache:info')
    expect(before.ok && (before.value as Array<{ bytes: number }>)[0]!.bytes).toBeGreaterThan(0)
    const result = await call('cache:clear', { profileId: null })
    expect(result.ok && (result.value as { bytesFreed: number }).bytesFreed).toBeGreaterThan(100)
    expect(cleared).toEqual([null])
    expect(settings.profiles().map((p) => p.id)).toEqual(['demo', 'sim'])
  })

  it('forgets the cached state held in memory when the cache is cleared', async () => {
    await call('profiles:save', { profile: server(), password: 'dinky123!@#' })
    await until(() => sessions.get('sim')?.snapshot().jobs?.stale === false || undefined)
    await cache.flush()
    await sessions.close('sim')
    await simulator.close()
    await sessions.open(server())
    expect(sessions.get('sim')!.snapshot().jobs).toMatchObject({ stale: true })
    await call('cache:clear', { profileId: 'sim' })
    expect(sessions.get('sim')!.snapshot()).toMatchObject({
      jobs: null,
      counts: null,
      clusters: null
    })
  })

  it('keeps live data in memory when the cache is cleared', async () => {
    await call('profiles:save', { profile: server(), password: 'dinky123!@#' })
    await until(() => sessions.get('sim')?.snapshot().jobs?.stale === false || undefined)
    await call('cache:clear', { profileId: 'sim' })
    expect(sessions.get('sim')!.snapshot().jobs).toMatchObject({ stale: false })
  })

  it('reopens open sessions when the connection settings change, so the new timings apply', async () => {
    await call('profiles:save', { profile: server(), password: 'dinky123!@#' })
    const before = sessions.get('sim')
    await call('settings:set', { notifications: false })
    expect(sessions.get('sim')).toBe(before)
    const connection = { ...settings.settings().connection, backoffMaxMs: 30_000 }
    await call('settings:set', { connection })
    const after = sessions.get('sim')
    expect(after).toBeDefined()
    expect(after).not.toBe(before)
  })

  it('merges connection settings and exports redacted diagnostics', async () => {
    const result = await call('settings:set', {
      connection: { ...settings.settings().connection, jobsPollMs: 2_000 }
    })
    expect(result).toMatchObject({
      ok: true,
      value: { connection: { jobsPollMs: 2_000, backoffMaxMs: 60_000 } }
    })
    await call('profiles:save', { profile: server(), password: 'dinky123!@#' })
    const exported = await call('diagnostics:export', { profileId: 'sim' })
    expect(exported.ok).toBe(true)
    expect(saved[0]!.name).toBe('dinky-console-diagnostics-sim.json')
    expect(saved[0]!.text).not.toMatch(/dinky123|"token"\s*:\s*"[0-9a-f-]{36}"/)
    expect(JSON.parse(saved[0]!.text)).toMatchObject({ server: { url: `${simulator.url}/` } })
  })

  it('will not remove the last profile', async () => {
    const result = await call('profiles:remove', { profileId: 'demo' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })
})
