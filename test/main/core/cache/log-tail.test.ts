import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { logFilePath } from '../../../../src/main/core/cache/cache-paths'
import { createConfCacheStore } from '../../../../src/main/core/cache/conf-cache-store'
import { makeTempDir, recordingLogger } from './cache-fixtures'

const lines = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `line ${from + i}`)

describe('cached log tails', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(() => temp.remove())

  const open = (maxLines: number) =>
    createConfCacheStore({ dir: temp.dir, logger: recordingLogger(), logTailLines: () => maxLines })
  const recordsOnDisk = (process: string) =>
    readFileSync(logFilePath(temp.dir, 'p', process), 'utf8').split('\n').length - 2

  it('keeps the last N lines, in memory and on disk, however many arrive', async () => {
    const store = open(100)
    const cache = store.profile('p')
    for (let i = 0; i < 50; i++) {
      cache.appendLog('FlinkSubmit/1', 'run-1', lines(i * 7, 7))
      if (i % 5 === 0) await store.flush()
      expect(cache.logTails()[0].lines.length).toBeLessThanOrEqual(100)
      expect(recordsOnDisk('FlinkSubmit/1')).toBeLessThanOrEqual(200)
    }
    await store.close()
    const tail = open(100).profile('p').logTails()[0]
    expect(tail.lines).toEqual(lines(250, 100))
    expect(tail.stale).toBe(true)
  })

  it('takes a one-million-line append (one event) without a stack overflow, keeping its last N', async () => {
    const store = open(5_000)
    const cache = store.profile('p')
    cache.appendLog('FlinkSubmit/1', 'run-1', lines(0, 3))
    await store.flush()
    // 'push(...lines)' threw RangeError: Maximum call stack size exceeded from about 150,000 lines.
    cache.appendLog('FlinkSubmit/1', 'run-1', lines(3, 1_000_000))
    await store.flush()
    expect(cache.logTails()[0].lines).toEqual(lines(1_000_003 - 5_000, 5_000))
    await store.close()
    expect(open(5_000).profile('p').logTails()[0].lines).toEqual(lines(1_000_003 - 5_000, 5_000))
  })

  it('replaces the old tail when a new run of the process starts', async () => {
    const store = open(100)
    store.profile('p').appendLog('FlinkSubmit/1', 'run-1', lines(0, 30))
    await store.flush()
    store.profile('p').appendLog('FlinkSubmit/1', 'run-2', ['fresh 1', 'fresh 2'])
    expect(store.profile('p').logTails()).toEqual([
      { process: 'FlinkSubmit/1', run: 'run-2', lines: ['fresh 1', 'fresh 2'], stale: true }
    ])
    await store.close()
    expect(open(100).profile('p').logTails()).toEqual([
      { process: 'FlinkSubmit/1', run: 'run-2', lines: ['fresh 1', 'fresh 2'], stale: true }
    ])
    expect(recordsOnDisk('FlinkSubmit/1')).toBe(2)
  })

  it('applies a smaller N read back from settings at the next open', async () => {
    const store = open(100)
    store.profile('p').appendLog('FlinkSubmit/1', 'r', lines(0, 80))
    await store.close()
    expect(open(10).profile('p').logTails()[0].lines).toEqual(lines(70, 10))
  })

  it('keeps lines with newlines and odd characters intact, one record each', async () => {
    const odd = ['multi\nline', 'tab\there', '"quoted"', '中文日志', '']
    const store = open(100)
    store.profile('p').appendLog('a/b\\c..d', 'r', odd)
    await store.close()
    expect(open(100).profile('p').logTails()[0]).toMatchObject({ process: 'a/b\\c..d', lines: odd })
  })
})
