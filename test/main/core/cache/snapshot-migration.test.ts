import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { profileDir } from '../../../../src/main/core/cache/cache-paths'
import { createConfCacheStore } from '../../../../src/main/core/cache/conf-cache-store'
import type { SnapshotDocumentV1 } from '../../../../src/main/core/cache/snapshot-document'
import {
  makeCluster,
  makeCounts,
  makeJob,
  makeSysInfo,
  makeTempDir,
  recordingLogger
} from './cache-fixtures'

describe('snapshot migration', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(() => temp.remove())

  it('reads a v1 file (parts without asOf) as v2, dating every part by the file, and rewrites it', async () => {
    const v1: SnapshotDocumentV1 = {
      savedAt: 1_700_000_000_000,
      jobs: [makeJob(1), makeJob(2, 'FAILED')],
      counts: makeCounts(1),
      clusters: [makeCluster(3)],
      sysInfo: null
    }
    const folder = profileDir(temp.dir, 'old')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'snapshot.json'), JSON.stringify(v1))

    const logger = recordingLogger()
    const store = createConfCacheStore({ dir: temp.dir, logger })
    const snapshot = store.profile('old').snapshot()
    expect(snapshot.jobs).toEqual({ value: v1.jobs, asOf: v1.savedAt, stale: true })
    expect(snapshot.counts).toEqual({ value: v1.counts, asOf: v1.savedAt, stale: true })
    expect(snapshot.clusters).toEqual({ value: v1.clusters, asOf: v1.savedAt, stale: true })
    expect(snapshot.taskManagers).toEqual({})
    expect(snapshot.sysInfo).toBeNull()
    expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([])

    const onDisk = JSON.parse(readFileSync(join(folder, 'snapshot.json'), 'utf8'))
    expect(onDisk.version).toBe(2)
    expect(onDisk.jobs.asOf).toBe(v1.savedAt)
    await store.close()
  })

  it('keeps v2 parts written after a migration with their own asOf', async () => {
    const folder = profileDir(temp.dir, 'old')
    mkdirSync(folder, { recursive: true })
    const v1 = {
      version: 1,
      savedAt: 5,
      jobs: null,
      counts: null,
      clusters: null,
      sysInfo: makeSysInfo()
    }
    writeFileSync(join(folder, 'snapshot.json'), JSON.stringify(v1))
    const store = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    store
      .profile('old')
      .saveSnapshot({ part: 'jobs', value: { value: [], asOf: 77, stale: false } })
    await store.close()
    const snapshot = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
      .profile('old')
      .snapshot()
    expect(snapshot.jobs?.asOf).toBe(77)
    expect(snapshot.sysInfo?.asOf).toBe(5)
  })
})
