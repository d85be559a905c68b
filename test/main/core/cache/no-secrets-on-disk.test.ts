import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createConfCacheStore,
  createConfSettingsStore
} from '../../../../src/main/core/cache/conf-cache-store'
import { DEFAULT_APP_SETTINGS, type ServerProfile } from '../../../../src/shared/profiles'
import { makeJob, makeTempDir, recordingLogger } from './cache-fixtures'

const PASSWORD = 'hunter2-Pa55word'
const TOKEN = '9f1c2e9a-dinky-token-value'

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile())
}

describe('secrets and the cache files', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(() => temp.remove())

  it('never writes a password or token handed along with a profile or the settings', async () => {
    const profile = {
      id: 'prod',
      name: 'Prod',
      url: 'http://dinky:8888',
      username: 'admin',
      tenantId: 1,
      transport: 'sse',
      extraCaPem: null,
      processes: [],
      demo: false,
      // What a careless caller might spread in from a login form or a session.
      password: PASSWORD,
      token: TOKEN,
      headers: { 'dinky-token': TOKEN }
    } as ServerProfile
    const settings = createConfSettingsStore({ dir: temp.dir, logger: recordingLogger() })
    settings.saveProfiles([profile])
    settings.saveSettings({ ...DEFAULT_APP_SETTINGS, token: TOKEN } as typeof DEFAULT_APP_SETTINGS)
    const store = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    store
      .profile('prod')
      .saveSnapshot({ part: 'jobs', value: { value: [makeJob(1)], asOf: 1, stale: false } })
    store.profile('prod').appendLog('FlinkSubmit/1', 'r', ['submitted'])
    await store.close()

    const files = filesBelow(temp.dir)
    expect(files.map((path) => path.slice(temp.dir.length))).toEqual(
      expect.arrayContaining(['/settings.json', '/dinky-cache/prod/snapshot.json'])
    )
    for (const path of files) {
      const text = readFileSync(path, 'utf8')
      expect(text).not.toContain(PASSWORD)
      expect(text).not.toContain(TOKEN)
      expect(text).not.toMatch(/"(password|token)"/i)
    }
    expect(settings.profiles()[0]).not.toHaveProperty('password')
  })
})
