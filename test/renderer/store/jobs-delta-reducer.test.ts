/**
 * The jobs slice applying deltas (issue 23): the store shape stays `jobs: Record<profileId, Fresh<Job[]>>`, a whole
 * list still replaces by `supersedes`, a delta older than the list held is already in it, and a gap in the
 * channel's numbers still resyncs through `session:snapshot`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { bindStoreToIpc, type IpcBinding } from '../../../src/renderer/src/ipc/bind-store-to-ipc'
import { createConsoleStore } from '../../../src/renderer/src/store/console-store'
import { selectJobs } from '../../../src/renderer/src/store/selectors'
import { DEFAULT_APP_SETTINGS } from '../../../src/shared/profiles'
import type { Job } from '../../../src/shared/models'
import { createFakeApi } from '../fake-api'
import { demoJobs, demoSnapshot, PROFILES } from '../preview/demo-world'

let binding: IpcBinding | null = null
afterEach(() => binding?.dispose())

function loadedStore() {
  const store = createConsoleStore()
  store.getState().setProfiles({ profiles: PROFILES, selectedId: 'prod', withPassword: [] })
  store.getState().applySnapshot(demoSnapshot('prod', 10))
  return store
}

const delta = (asOf: number, upserts: Job[], removed: number[] = []) => ({
  profileId: 'prod',
  delta: { asOf, upserts, removed },
  counts: null
})

describe('jobs deltas in the store', () => {
  it('applies a delta to the list held: changed rows in place, new ones on top, gone ones dropped', () => {
    const store = loadedStore()
    const before = selectJobs(store.getState())!
    const [first, second, third] = before.value
    const failed = { ...second!, status: 'FAILED' as const }
    const newer = { ...third!, id: 9_999, status: 'INITIALIZING' as const }
    store
      .getState()
      .applyPush('jobs:snapshot', [delta(before.asOf + 5_000, [failed, newer], [third!.id])])
    const after = selectJobs(store.getState())!
    expect(after.asOf).toBe(before.asOf + 5_000)
    expect(after.stale).toBe(false)
    expect(after.value).toHaveLength(before.value.length)
    expect(after.value[0]).toBe(newer)
    expect(after.value).toContain(failed)
    expect(after.value.map((job) => job.id)).not.toContain(third!.id)
    // Rows the delta did not name are the same objects: memoised rows do not redraw.
    expect(after.value).toContain(first)
  })

  it('moves the list’s age on with an empty delta and skips a delta older than the list held', () => {
    const store = loadedStore()
    const before = selectJobs(store.getState())!
    store.getState().applyPush('jobs:snapshot', [delta(before.asOf + 60_000, [])])
    expect(selectJobs(store.getState())!.asOf).toBe(before.asOf + 60_000)
    expect(selectJobs(store.getState())!.value).toBe(before.value)
    const late = { ...before.value[0]!, status: 'FAILED' as const }
    store.getState().applyPush('jobs:snapshot', [delta(before.asOf + 10_000, [late])])
    expect(selectJobs(store.getState())!.value[0]).toBe(before.value[0])
  })

  it('ignores a delta for a profile without a list (its snapshot is on the way)', () => {
    const store = loadedStore()
    store.getState().applyPush('jobs:snapshot', [{ ...delta(1, demoJobs()), profileId: 'staging' }])
    expect(store.getState().jobs.staging).toBeUndefined()
  })

  it('resyncs through session:snapshot after a gap in the jobs channel, deltas or not', async () => {
    const handlers = {
      'app:info': () => ({
        version: '1',
        platform: 'linux',
        locale: 'en-US',
        darkMode: false,
        secretsBackend: 'os' as const
      }),
      'settings:get': () => DEFAULT_APP_SETTINGS,
      'profiles:list': () => ({
        profiles: PROFILES.slice(0, 1),
        selectedId: 'prod',
        withPassword: []
      }),
      'session:snapshot': ({ profileId }: { profileId: string }) => demoSnapshot(profileId, 5)
    }
    const fake = createFakeApi(handlers)
    const store = createConsoleStore()
    binding = bindStoreToIpc(fake.api, store)
    await binding.ready
    const asOf = selectJobs(store.getState())!.asOf
    fake.push('jobs:snapshot', [delta(asOf + 1, [])], 1)
    await binding.sync.idle()
    const asked = () => fake.callsTo('session:snapshot').length
    const before = asked()
    fake.push('jobs:snapshot', [delta(asOf + 3, [])], 3)
    expect(asked()).toBe(before + 1)
    await binding.sync.idle()
    expect(selectJobs(store.getState())!.value).toHaveLength(demoJobs().length)
  })
})
