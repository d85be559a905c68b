import { describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../src/shared/connection'
import { createConsoleStore } from '../../../src/renderer/src/store/console-store'
import { TRANSITIONS_KEPT } from '../../../src/renderer/src/store/jobs-slice'
import { logKey } from '../../../src/renderer/src/store/logs-slice'
import {
  selectConnection,
  selectDark,
  selectIsLive,
  selectJobs,
  selectLanguage
} from '../../../src/renderer/src/store/selectors'
import { demoJobs, demoSnapshot, PROFILES } from '../preview/demo-world'

function loadedStore(logCapacity?: number) {
  const store = createConsoleStore({ logCapacity })
  store.getState().setProfiles({ profiles: PROFILES, selectedId: 'prod', withPassword: [] })
  store.getState().applySnapshot(demoSnapshot('prod', 10))
  return store
}

const reconnecting: ConnectionState = {
  kind: 'reconnecting',
  attempt: 2,
  retryAt: 5_000,
  reason: 'connection-reset',
  since: 1
}

describe('jobs reducers', () => {
  it('replaces jobs with a later snapshot but never with an earlier one', () => {
    const store = loadedStore()
    const asOf = selectJobs(store.getState())!.asOf
    const older = { value: [], asOf: asOf - 1, stale: false }
    store.getState().applyPush('jobs:snapshot', [{ profileId: 'prod', jobs: older, counts: null }])
    expect(selectJobs(store.getState())!.value).toHaveLength(demoJobs().length)
    const newer = { value: demoJobs().slice(0, 2), asOf: asOf + 1, stale: false }
    store.getState().applyPush('jobs:snapshot', [{ profileId: 'prod', jobs: newer, counts: null }])
    expect(selectJobs(store.getState())!.value).toHaveLength(2)
  })

  it('lets live data replace cached data of the same moment, not the reverse', () => {
    const store = loadedStore()
    const current = selectJobs(store.getState())!
    const cached = { ...current, value: [], stale: true }
    store.getState().applyPush('jobs:snapshot', [{ profileId: 'prod', jobs: cached, counts: null }])
    expect(selectJobs(store.getState())).toBe(current)
  })

  it('keeps the newest transitions first and caps them', () => {
    const store = loadedStore()
    const items = Array.from({ length: TRANSITIONS_KEPT + 20 }, (_, i) => ({
      profileId: 'prod',
      sessionSeq: 10 + i,
      id: i,
      taskId: i,
      name: `job ${i}`,
      from: 'RUNNING' as const,
      to: 'FAILED' as const,
      at: i
    }))
    store.getState().applyPush('jobs:transition', items)
    const kept = store.getState().transitions.prod
    expect(kept).toHaveLength(TRANSITIONS_KEPT)
    expect(kept[0].id).toBe(TRANSITIONS_KEPT + 19)
  })
})

describe('logs reducers', () => {
  const chunk = (lines: string[], sessionSeq: number, run = 'run-a') => ({
    profileId: 'prod',
    process: 'FlinkSubmit/10',
    run,
    lines,
    stale: false,
    sessionSeq
  })

  it('appends to the same run, and starts afresh on a new run', () => {
    const store = loadedStore()
    const key = logKey('prod', 'FlinkSubmit/10')
    store.getState().applyPush('logs:append', [chunk(['one', 'two'], 2)])
    expect(store.getState().logs[key].ring.size).toBe(12)
    store.getState().applyPush('logs:append', [chunk(['fresh'], 3, 'run-b')])
    expect(store.getState().logs[key].ring.toArray()).toEqual(['fresh'])
  })

  it('skips items the loaded snapshot already contains', () => {
    const store = loadedStore()
    const key = logKey('prod', 'FlinkSubmit/10')
    const before = store.getState().logs[key]
    store.getState().applyPush('logs:append', [chunk(['old'], 1)])
    expect(store.getState().logs[key]).toBe(before)
    expect(before.ring.size).toBe(10)
  })

  it('keeps memory flat: the ring holds at most its capacity and drops the oldest', () => {
    const store = loadedStore(1_000)
    const key = logKey('prod', 'FlinkSubmit/12')
    for (let batch = 0; batch < 30; batch++) {
      const lines = Array.from({ length: 100 }, (_, i) => `line ${batch * 100 + i}`)
      store
        .getState()
        .applyPush('logs:append', [
          { ...chunk(lines, 2 + batch, 'run-b'), process: 'FlinkSubmit/12' }
        ])
    }
    const ring = store.getState().logs[key].ring
    expect(ring.size).toBe(1_000)
    expect(ring.line(ring.first)).toBe('line 2000')
    expect(ring.line(ring.end - 1)).toBe('line 2999')
  })
})

describe('selectors', () => {
  it('shows the worst state over the selected server’s streams', () => {
    const store = loadedStore()
    expect(selectIsLive(store.getState())).toBe(true)
    store
      .getState()
      .applyPush('connection:state', [{ profileId: 'prod', stream: 'jvm', state: reconnecting }])
    expect(selectConnection(store.getState())).toEqual(reconnecting)
    expect(selectIsLive(store.getState())).toBe(false)
    store.getState().applyPush('connection:state', [
      {
        profileId: 'staging',
        stream: 'topics',
        state: { kind: 'offline', reason: 'timeout', since: 1 }
      }
    ])
    expect(selectConnection(store.getState())?.kind).toBe('reconnecting')
  })

  it('resolves "system" language and theme from the OS', () => {
    const store = loadedStore()
    const info = {
      version: '1',
      platform: 'linux',
      locale: 'zh-CN',
      darkMode: true,
      secretsBackend: 'os' as const
    }
    store.getState().setAppInfo(info)
    expect(selectLanguage(store.getState())).toBe('zh-CN')
    expect(selectDark(store.getState())).toBe(true)
    store
      .getState()
      .setSettings({ ...store.getState().settings, language: 'en-US', theme: 'light' })
    expect(selectLanguage(store.getState())).toBe('en-US')
    expect(selectDark(store.getState())).toBe(false)
  })

  it('forgets one server’s data on a cache clear and keeps the others', () => {
    const store = loadedStore()
    store.getState().applySnapshot(demoSnapshot('staging', 5))
    store.getState().clearServerData('prod')
    const state = store.getState()
    expect(state.jobs.prod).toBeUndefined()
    expect(state.jobs.staging).toBeDefined()
    expect(Object.values(state.logs).every((log) => log.profileId === 'staging')).toBe(true)
    expect(state.profiles).toHaveLength(PROFILES.length)
  })
})

describe('navigation pushed by main', () => {
  it('opens every view main can name, and the job drawer when a job is given', () => {
    const store = loadedStore()
    for (const view of ['diagnostics', 'settings', 'logs'] as const) {
      store.getState().applyPush('app:navigate', [{ profileId: 'prod', view }])
      expect(store.getState().view).toBe(view)
    }
    store.getState().applyPush('app:navigate', [
      { profileId: 'prod', view: 'settings' },
      { profileId: 'prod', view: 'jobs', jobId: 101 }
    ])
    expect(store.getState()).toMatchObject({ view: 'jobs', openJobId: 101, openJobTab: null })
  })

  it("opens the job's timeline when a notification asks for it, and the open alerts for a server alert", () => {
    const store = loadedStore()
    store
      .getState()
      .applyPush('app:navigate', [{ profileId: 'prod', view: 'jobs', jobId: 101, tab: 'timeline' }])
    expect(store.getState()).toMatchObject({ view: 'jobs', openJobId: 101, openJobTab: 'timeline' })
    store
      .getState()
      .applyPush('app:navigate', [{ profileId: 'prod', view: 'overview', panel: 'alerts' }])
    expect(store.getState()).toMatchObject({ view: 'overview', alertsPanelOpen: true })
  })
})
