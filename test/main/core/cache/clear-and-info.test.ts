import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bytesBelow, profileDir } from '../../../../src/main/core/cache/cache-paths'
import {
  createConfCacheStore,
  createConfSettingsStore
} from '../../../../src/main/core/cache/conf-cache-store'
import {
  createServerProfile,
  DEFAULT_APP_SETTINGS,
  type ServerProfile
} from '../../../../src/shared/profiles'
import { makeJob, makeTempDir, recordingLogger } from './cache-fixtures'

const profile = (id: string): ServerProfile =>
  createServerProfile({
    id,
    name: `Dinky ${id}`,
    url: `http://${id}:8888`,
    processes: ['FlinkSubmit/1']
  })

describe('cache clear and info', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(() => temp.remove())

  async function fillTwoProfiles() {
    const settings = createConfSettingsStore({ dir: temp.dir, logger: recordingLogger() })
    settings.saveProfiles([profile('a'), profile('b')])
    settings.selectProfile('b')
    settings.saveSettings({ ...DEFAULT_APP_SETTINGS, theme: 'dark' })
    const store = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    for (const id of ['a', 'b']) {
      const jobs = Array.from({ length: 50 }, (_, i) => makeJob(i))
      store
        .profile(id)
        .saveSnapshot({ part: 'jobs', value: { value: jobs, asOf: 1, stale: false } })
      store.profile(id).appendLog(
        'FlinkSubmit/1',
        'r',
        Array.from({ length: 200 }, (_, i) => `l${i}`)
      )
    }
    await store.flush()
    return store
  }

  it('reports the bytes on disk of every profile', async () => {
    const store = await fillTwoProfiles()
    const info = await store.info()
    expect(info.map((entry) => entry.profileId)).toEqual(['a', 'b'])
    for (const entry of info) {
      const snapshotBytes = statSync(
        join(profileDir(temp.dir, entry.profileId), 'snapshot.json')
      ).size
      expect(entry.bytes).toBeGreaterThan(snapshotBytes)
      expect(entry.bytes).toBe(await bytesBelow(profileDir(temp.dir, entry.profileId)))
    }
    await store.close()
  })

  it('clears one profile, freeing its bytes, and keeps the other, the profiles and the settings', async () => {
    const store = await fillTwoProfiles()
    const settingsBefore = readFileSync(join(temp.dir, 'settings.json'), 'utf8')
    const [a] = await store.info()
    expect(await store.clear('a')).toEqual({ bytesFreed: a.bytes })
    expect((await store.info()).map((entry) => entry.profileId)).toEqual(['b'])
    expect(store.profile('a').snapshot().jobs).toBeNull()
    expect(store.profile('a').logTails()).toEqual([])
    expect(store.profile('b').snapshot().jobs?.value).toHaveLength(50)
    await store.close()

    expect(readFileSync(join(temp.dir, 'settings.json'), 'utf8')).toBe(settingsBefore)
    const settings = createConfSettingsStore({ dir: temp.dir, logger: recordingLogger() })
    expect(settings.profiles()).toEqual([profile('a'), profile('b')])
    expect(settings.selectedProfileId()).toBe('b')
    expect(settings.settings().theme).toBe('dark')
  })

  it('clears every profile and frees all their bytes; a cleared store works on', async () => {
    const store = await fillTwoProfiles()
    const total = (await store.info()).reduce((sum, entry) => sum + entry.bytes, 0)
    expect(await store.clear(null)).toEqual({ bytesFreed: total })
    expect(await store.info()).toEqual([])
    expect(await store.clear(null)).toEqual({ bytesFreed: 0 })
    store.profile('a').appendLog('FlinkSubmit/1', 'r2', ['after clear'])
    await store.close()
    const reopened = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    expect(reopened.profile('a').logTails()[0].lines).toEqual(['after clear'])
    expect(reopened.profile('b').snapshot().jobs).toBeNull()
    expect(
      createConfSettingsStore({ dir: temp.dir, logger: recordingLogger() }).profiles()
    ).toHaveLength(2)
    await reopened.close()
  })
})
