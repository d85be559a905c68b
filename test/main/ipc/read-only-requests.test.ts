/**
 * Read-only servers (issue 23) through the request channels over the real core: main refuses every action that
 * changes Dinky with the `read-only` code, and the simulator's own request counters show that nothing reached it.
 * The same actions on the same server without the flag do reach it, so the counters can see them.
 */
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
import { silentLogger } from '../../../src/main/core/logger'
import { dispatchRequest } from '../../../src/main/ipc/dispatch'
import { createRequestHandlers, type RequestHandlers } from '../../../src/main/ipc/request-handlers'
import type { CacheStore, SettingsStore } from '../../../src/main/core/cache/cache-store'
import type { SessionManager } from '../../../src/main/core/session/session-api'
import { READ_ONLY_MESSAGE } from '../../../src/main/core/session/read-only-error'
import { parseSettingsDocument } from '../../../src/main/core/cache/settings-document'
import type { Job } from '../../../src/shared/models'
import type { JobAction } from '../../../src/shared/session'
import { createServerProfile } from '../../../src/shared/profiles'
import { waitUntil } from '../../support/wait-until'

/** The requests that change Dinky: job actions (`/api/task/*` but its version list) and metric layouts. */
function writes(simulator: Simulator): string[] {
  return Object.keys(simulator.control.stats().requestsByPath).filter(
    (path) =>
      (path.startsWith('/api/task/') && path !== '/api/task/version') ||
      path.includes('saveFlinkMetrics')
  )
}

describe('a read-only server', () => {
  let dir: string
  let simulator: Simulator
  let settings: SettingsStore
  let cache: CacheStore
  let sessions: SessionManager
  let handlers: RequestHandlers

  const call = (channel: string, argument?: unknown) =>
    dispatchRequest(handlers, channel, argument, silentLogger)

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dinky-read-only-'))
    simulator = await startSimulator({ port: 0, seed: 7, heartbeatMs: 500 })
    settings = createConfSettingsStore({ dir, logger: silentLogger })
    cache = createConfCacheStore({ dir, logger: silentLogger })
    const passwords = new Map<string, string>()
    const secrets = {
      password: (id: string) => passwords.get(id) ?? null,
      setPassword: (id: string, value: string | null) =>
        void (value === null ? passwords.delete(id) : passwords.set(id, value)),
      has: (id: string) => passwords.has(id)
    }
    sessions = createSessionManager({
      cache,
      secrets,
      settings: () => settings.settings(),
      logger: silentLogger
    })
    handlers = createRequestHandlers({
      sessions,
      settings,
      cache,
      secrets,
      platform: {
        appInfo: () => ({
          version: '0.0.0',
          platform: 'linux',
          locale: 'en-US',
          darkMode: false,
          secretsBackend: 'basic_text'
        }),
        clearBrowsingData: async () => 0,
        saveFile: async () => null,
        openExternal: async () => {}
      },
      onSettingsChanged: () => {},
      onCacheCleared: () => {}
    })
  })

  afterEach(async () => {
    await sessions.closeAll()
    await cache.close()
    await simulator.close()
    await rm(dir, { recursive: true, force: true })
  })

  /** Saves the profile and waits until its session is live with a running job to act on. */
  async function liveJob(readOnly: boolean): Promise<Job> {
    const profile = createServerProfile({ id: 'sim', name: 'Prod', url: simulator.url, readOnly })
    const saved = await call('profiles:save', { profile, password: 'dinky123!@#' })
    expect(saved.ok).toBe(true)
    return waitUntil('a live session with a running job', () => {
      const snapshot = sessions.get('sim')?.snapshot()
      if (snapshot?.streams.rest.kind !== 'live' || !snapshot.jobs || snapshot.jobs.stale) return
      return snapshot.jobs.value.find((job) => job.status === 'RUNNING' && job.jid)
    })
  }

  const actions = (taskId: number): JobAction[] => [
    { kind: 'cancel', taskId, withSavepoint: false },
    { kind: 'cancel', taskId, withSavepoint: true },
    { kind: 'restart', taskId, savepointPath: null },
    { kind: 'restart', taskId, savepointPath: 'file:///tmp/savepoints/sp-1' },
    { kind: 'savepoint', taskId, savepointType: 'trigger' }
  ]

  it('keeps the flag in the settings file, read back by a fresh store', async () => {
    await liveJob(true)
    expect(settings.profiles()[0]).toMatchObject({ id: 'sim', readOnly: true })
    const reread = createConfSettingsStore({ dir, logger: silentLogger })
    expect(reread.profiles()[0]).toMatchObject({ id: 'sim', readOnly: true })
  })

  it('refuses every job action, restore and layout save before any request reaches Dinky', async () => {
    const job = await liveJob(true)
    for (const action of actions(job.taskId)) {
      const refused = await call('jobs:action', { profileId: 'sim', action })
      expect(refused).toMatchObject({ ok: false, error: { code: 'read-only' } })
      expect(refused.ok || refused.error.message).toContain(READ_ONLY_MESSAGE)
    }
    const layout = { name: 'prod-layout', taskId: job.taskId, entries: [] }
    const save = await call('metrics:save-layout', { profileId: 'sim', jid: job.jid, layout })
    expect(save).toMatchObject({ ok: false, error: { code: 'read-only' } })
    expect(writes(simulator)).toEqual([])
    // Watching goes on: reads still work on a read-only server.
    expect(await call('jobs:detail', { profileId: 'sim', jobId: job.id })).toMatchObject({
      ok: true
    })
  })

  it('lets the same action through once the flag is off', async () => {
    const job = await liveJob(false)
    const result = await call('jobs:action', {
      profileId: 'sim',
      action: { kind: 'savepoint', taskId: job.taskId, savepointType: 'trigger' }
    })
    expect(result).toMatchObject({ ok: true })
    expect(writes(simulator).length).toBeGreaterThan(0)
  })
})

describe('the settings document of a read-only server', () => {
  it('keeps the flag, and a garbled one fails closed (read-only) instead of dropping the server', () => {
    const base = createServerProfile({ id: 'p', name: 'Prod', url: 'http://dinky:8888' })
    const { value } = parseSettingsDocument({
      version: 1,
      profiles: [
        { ...base, readOnly: true },
        { ...base, id: 'garbled', readOnly: 'yes' },
        { ...base, id: 'plain' }
      ]
    })
    expect(value.profiles.map((p) => [p.id, p.readOnly])).toEqual([
      ['p', true],
      ['garbled', true],
      ['plain', undefined]
    ])
  })
})
