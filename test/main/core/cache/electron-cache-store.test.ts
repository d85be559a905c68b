/**
 * The electron-store adapter, run in plain Node: vitest sets ELECTRON_OVERRIDE_DIST_PATH so `electron` imports as
 * a path string, and electron-store works given an absolute `cwd`. Both backends must read each other's files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createElectronCacheStore,
  createElectronSettingsStore
} from '../../../../src/main/electron/electron-cache-store'
import {
  createConfCacheStore,
  createConfSettingsStore
} from '../../../../src/main/core/cache/conf-cache-store'
import { DEFAULT_APP_SETTINGS } from '../../../../src/shared/profiles'
import { makeJob, makeTempDir, recordingLogger } from './cache-fixtures'

describe('electron-store cache adapter', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(() => temp.remove())

  it('writes what the conf store reads back, and reads what the conf store wrote', async () => {
    const app = createElectronCacheStore({ dir: temp.dir, logger: recordingLogger() })
    app
      .profile('p')
      .saveSnapshot({ part: 'jobs', value: { value: [makeJob(1)], asOf: 42, stale: false } })
    app.profile('p').appendLog('FlinkSubmit/1', 'r', ['from the app'])
    await app.close()
    createElectronSettingsStore({ dir: temp.dir, logger: recordingLogger() }).saveSettings({
      ...DEFAULT_APP_SETTINGS,
      logTailLines: 123
    })

    const cli = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    expect(cli.profile('p').snapshot().jobs).toEqual({ value: [makeJob(1)], asOf: 42, stale: true })
    expect(cli.profile('p').logTails()[0].lines).toEqual(['from the app'])
    expect(
      createConfSettingsStore({ dir: temp.dir, logger: recordingLogger() }).settings().logTailLines
    ).toBe(123)
    cli.profile('p').saveSnapshot({ part: 'jobs', value: { value: [], asOf: 43, stale: false } })
    await cli.close()

    const again = createElectronCacheStore({ dir: temp.dir, logger: recordingLogger() })
    expect(again.profile('p').snapshot().jobs).toEqual({ value: [], asOf: 43, stale: true })
    expect((await again.info()).map((entry) => entry.profileId)).toEqual(['p'])
    await again.close()
  })
})
