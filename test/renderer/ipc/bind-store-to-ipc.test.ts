import { afterEach, describe, expect, it } from 'vitest'
import type { SessionSnapshot } from '../../../src/shared/session'
import { bindStoreToIpc, type IpcBinding } from '../../../src/renderer/src/ipc/bind-store-to-ipc'
import { createConsoleStore } from '../../../src/renderer/src/store/console-store'
import { logKey } from '../../../src/renderer/src/store/logs-slice'
import { DEFAULT_APP_SETTINGS } from '../../../src/shared/profiles'
import { createFakeApi, type FakeHandlers } from '../fake-api'
import { demoJobs, demoSnapshot, PROFILES } from '../preview/demo-world'

const KEY = logKey('prod', 'FlinkSubmit/10')
let binding: IpcBinding | null = null
afterEach(() => binding?.dispose())

function setup(
  snapshot: (profileId: string) => SessionSnapshot | Promise<SessionSnapshot>,
  extra: FakeHandlers = {}
) {
  const handlers: FakeHandlers = {
    ...extra,
    'app:info': () => ({
      version: '1',
      platform: 'linux',
      locale: 'en-US',
      darkMode: false,
      secretsBackend: 'os'
    }),
    'settings:get': () => DEFAULT_APP_SETTINGS,
    'profiles:list': () => ({
      profiles: PROFILES.slice(0, 2),
      selectedId: 'prod',
      withPassword: []
    }),
    'session:snapshot': ({ profileId }) => snapshot(profileId)
  }
  const fake = createFakeApi(handlers)
  const store = createConsoleStore()
  binding = bindStoreToIpc(fake.api, store)
  return { fake, store, binding }
}

const snapshotRequests = (fake: ReturnType<typeof createFakeApi>) =>
  (fake.callsTo('session:snapshot') as Array<{ profileId: string }>).map((req) => req.profileId)

const logChunk = (lines: string[], sessionSeq: number) => ({
  profileId: 'prod',
  process: 'FlinkSubmit/10',
  run: 'run-a',
  lines,
  stale: false,
  sessionSeq
})

describe('bindStoreToIpc', () => {
  it('loads app info, settings, profiles and a snapshot of every profile at start', async () => {
    const { fake, store, binding } = setup((id) => demoSnapshot(id, 5))
    await binding.ready
    expect(snapshotRequests(fake).sort()).toEqual(['prod', 'staging'])
    expect(store.getState().selectedProfileId).toBe('prod')
    expect(store.getState().jobs.prod.value).toHaveLength(demoJobs().length)
  })

  it('opens on the fleet overview with several servers, and on the Overview with one', async () => {
    const several = setup((id) => demoSnapshot(id, 5))
    await several.binding.ready
    expect(several.store.getState().view).toBe('fleet')
    several.binding.dispose()
    const fake = createFakeApi({
      'profiles:list': () => ({
        profiles: PROFILES.slice(0, 1),
        selectedId: 'prod',
        withPassword: []
      }),
      'session:snapshot': ({ profileId }) => demoSnapshot(profileId, 5)
    })
    const store = createConsoleStore()
    binding = bindStoreToIpc(fake.api, store)
    await binding.ready
    expect(store.getState().view).toBe('overview')
  })

  it('applies each push batch with a single store update', async () => {
    const { fake, store, binding } = setup((id) => demoSnapshot(id, 5))
    await binding.ready
    fake.push('logs:append', [logChunk(['a'], 2)], 1)
    await binding.sync.idle()
    let updates = 0
    const unsubscribe = store.subscribe(() => (updates += 1))
    const items = Array.from({ length: 50 }, (_, i) => logChunk([`line ${i}`], 3 + i))
    fake.push('logs:append', items, 2)
    unsubscribe()
    expect(updates).toBe(1)
    expect(store.getState().logs[KEY].ring.line(store.getState().logs[KEY].ring.end - 1)).toBe(
      'line 49'
    )
  })

  it('asks for no snapshot on a channel’s first message numbered 1: main numbers from 1, nothing was missed', async () => {
    const { fake, binding } = setup((id) => demoSnapshot(id, 5))
    await binding.ready
    const before = snapshotRequests(fake).length
    fake.push(
      'connection:state',
      [{ profileId: 'prod', stream: 'topics', state: { kind: 'live', since: 1 } }],
      1
    )
    expect(snapshotRequests(fake).length).toBe(before)
  })

  it('asks for no snapshot on a first message numbered above 1 (sent before the page listened), and for every profile after a later gap', async () => {
    const { fake, binding } = setup((id) => demoSnapshot(id, 5))
    await binding.ready
    const before = snapshotRequests(fake).length
    const state = (since: number) => [
      { profileId: 'prod', stream: 'topics' as const, state: { kind: 'live' as const, since } }
    ]
    // Messages 1–6 went out before this renderer listened; its initial load read both servers after that.
    fake.push('connection:state', state(1), 7)
    fake.push('connection:state', state(2), 8)
    expect(snapshotRequests(fake).length).toBe(before)
    fake.push('connection:state', state(3), 10)
    expect(snapshotRequests(fake).slice(before).sort()).toEqual(['prod', 'staging'])
  })

  it('applies open-alert changes, and asks for the whole list again after a lost one', async () => {
    const { fake, binding, store } = setup((id) => demoSnapshot(id, 5))
    await binding.ready
    const asked = fake.callsTo('alerts:active').length
    const alert = (key: string) => ({ key, state: 'firing' }) as never
    fake.push('alerts:active', [{ reset: true, upserts: [alert('a'), alert('b')], removed: [] }], 1)
    fake.push('alerts:active', [{ reset: false, upserts: [alert('c')], removed: ['a'] }], 2)
    expect(store.getState().activeAlerts.map((a) => a.key)).toEqual(['b', 'c'])
    expect(fake.callsTo('alerts:active')).toHaveLength(asked)
    fake.push('alerts:active', [{ reset: false, upserts: [], removed: ['b'] }], 4)
    expect(fake.callsTo('alerts:active')).toHaveLength(asked + 1)
  })

  it('asks for snapshots of every profile after a gap', async () => {
    const { fake, binding } = setup((id) => demoSnapshot(id, 5))
    await binding.ready
    const counts = { profileId: 'prod', jobs: { value: [], asOf: 1, stale: false }, counts: null }
    fake.push('jobs:snapshot', [counts], 1)
    await binding.sync.idle()
    const before = snapshotRequests(fake).length
    fake.push('jobs:snapshot', [counts], 3)
    expect(snapshotRequests(fake).slice(before).sort()).toEqual(['prod', 'staging'])
  })

  it('holds log lines while a snapshot is on its way and replays only those newer than it', async () => {
    let release: () => void = () => undefined
    let slow = false
    const { fake, store, binding } = setup(async (id) => {
      // Snapshots asked for by the gap are slow and current to session seq 20.
      if (!slow) return { ...demoSnapshot(id, 3), seq: 1 }
      if (id === 'prod') await new Promise<void>((done) => (release = done))
      return { ...demoSnapshot(id, 3), seq: 20 }
    })
    await binding.ready
    fake.push('logs:append', [logChunk(['first'], 2)], 1)
    await binding.sync.idle()
    slow = true
    fake.push('logs:append', [logChunk(['in snapshot'], 15), logChunk(['after snapshot'], 21)], 5)
    expect(binding.sync.pending('prod')).toBe(true)
    release()
    await binding.sync.idle()
    const lines = store.getState().logs[KEY].ring.toArray()
    expect(lines.slice(-2)).toEqual([demoSnapshot('prod', 3).logs[0].lines[2], 'after snapshot'])
    expect(lines).not.toContain('in snapshot')
  })

  it('forgets cached data and resyncs every server when main says the cache was cleared', async () => {
    const { fake, store, binding } = setup((id) => demoSnapshot(id, 5))
    await binding.ready
    const before = snapshotRequests(fake).length
    store
      .getState()
      .applyPush('jobs:snapshot', [
        { profileId: 'prod', jobs: { value: [], asOf: Date.now() * 2, stale: true }, counts: null }
      ])
    fake.push('cache:cleared', [{ profileId: null }], 1)
    expect(store.getState().jobs.prod).toBeUndefined()
    expect(snapshotRequests(fake).slice(before).sort()).toEqual(['prod', 'staging'])
    await binding.sync.idle()
    expect(store.getState().jobs.prod.value).toHaveLength(demoJobs().length)
  })

  it('switches to the server a notification names before opening its job', async () => {
    const { fake, store, binding } = setup((id) => demoSnapshot(id, 5), {
      'profiles:select': ({ profileId }) => ({
        profiles: PROFILES.slice(0, 2),
        selectedId: profileId,
        withPassword: []
      })
    })
    await binding.ready
    fake.push('app:navigate', [{ profileId: 'staging', view: 'jobs', jobId: 7 }], 1)
    await expect.poll(() => store.getState().selectedProfileId).toBe('staging')
    expect(fake.callsTo('profiles:select')).toEqual([{ profileId: 'staging' }])
    expect(store.getState()).toMatchObject({ view: 'jobs', openJobId: 7 })
    fake.push('app:navigate', [{ profileId: 'staging', view: 'overview' }], 2)
    expect(fake.callsTo('profiles:select')).toHaveLength(1)
  })

  it('unsubscribes every channel on dispose', async () => {
    const { fake, binding } = setup((id) => demoSnapshot(id, 5))
    await binding.ready
    expect(fake.listenerCount()).toBeGreaterThan(0)
    binding.dispose()
    expect(fake.listenerCount()).toBe(0)
  })
})
