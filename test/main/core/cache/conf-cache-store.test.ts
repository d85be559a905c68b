import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConfCacheStore } from '../../../../src/main/core/cache/conf-cache-store'
import {
  makeCluster,
  makeCounts,
  makeJob,
  makeSysInfo,
  makeTaskManager,
  makeTempDir,
  recordingLogger
} from './cache-fixtures'

describe('conf cache store', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(() => temp.remove())

  it('returns after a reopen every snapshot part as written, stale, with its own asOf', async () => {
    const logger = recordingLogger()
    const store = createConfCacheStore({ dir: temp.dir, logger })
    const cache = store.profile('prod')
    cache.saveSnapshot({
      part: 'jobs',
      value: { value: [makeJob(1), makeJob(2)], asOf: 1000, stale: false }
    })
    cache.saveSnapshot({
      part: 'counts',
      value: { value: makeCounts(2), asOf: 1001, stale: false }
    })
    cache.saveSnapshot({
      part: 'clusters',
      value: { value: [makeCluster(7)], asOf: 1002, stale: false },
      taskManagers: { 7: [makeTaskManager('tm-1')] }
    })
    cache.saveSnapshot({
      part: 'sysInfo',
      value: { value: makeSysInfo(), asOf: 1003, stale: false }
    })
    await store.close()

    const reopened = createConfCacheStore({ dir: temp.dir, logger }).profile('prod').snapshot()
    expect(reopened.jobs).toEqual({ value: [makeJob(1), makeJob(2)], asOf: 1000, stale: true })
    expect(reopened.counts).toEqual({ value: makeCounts(2), asOf: 1001, stale: true })
    expect(reopened.clusters).toEqual({ value: [makeCluster(7)], asOf: 1002, stale: true })
    expect(reopened.taskManagers[7]).toEqual([makeTaskManager('tm-1')])
    expect(reopened.sysInfo).toEqual({ value: makeSysInfo(), asOf: 1003, stale: true })
    expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([])
  })

  it('starts empty for a profile never written, without creating the cache folder on info', async () => {
    const store = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    expect(await store.info()).toEqual([])
    const snapshot = store.profile('new').snapshot()
    expect(snapshot).toEqual({
      jobs: null,
      counts: null,
      clusters: null,
      taskManagers: {},
      sysInfo: null
    })
    expect(store.profile('new').logTails()).toEqual([])
    await store.close()
  })

  it('returns log tails after a reopen, stale, keeping profiles apart', async () => {
    const store = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    store.profile('a').appendLog('FlinkSubmit/12', 'run-1', ['one', 'two'])
    store.profile('a').appendLog('FlinkSubmit/12', 'run-1', ['three'])
    store.profile('b').appendLog('FlinkSubmit/3', 'run-9', ['other'])
    await store.close()

    const reopened = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    expect(reopened.profile('a').logTails()).toEqual([
      { process: 'FlinkSubmit/12', run: 'run-1', lines: ['one', 'two', 'three'], stale: true }
    ])
    expect(reopened.profile('b').logTails()).toEqual([
      { process: 'FlinkSubmit/3', run: 'run-9', lines: ['other'], stale: true }
    ])
    await reopened.close()
  })
})
