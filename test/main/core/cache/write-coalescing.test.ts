/**
 * Write coalescing, measured by counting the real writes: every conf write goes through the key-value file's
 * `store` setter and every log-tail write through the injected writer, so nothing here is inferred from a timer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCacheStore } from '../../../../src/main/core/cache/cache-store-core'
import { confKeyValueFile } from '../../../../src/main/core/cache/conf-cache-store'
import type { KeyValueFileFactory } from '../../../../src/main/core/cache/key-value-file'
import {
  diskLogFileWriter,
  type LogFileWriter
} from '../../../../src/main/core/cache/log-file-writer'
import { makeCounts, makeJob, makeTempDir, recordingLogger } from './cache-fixtures'

/** Records when each file was written. */
function countingBackends(writes: Map<string, number[]>) {
  const record = (path: string) => writes.set(path, [...(writes.get(path) ?? []), Date.now()])
  const factory: KeyValueFileFactory = (location) => {
    const inner = confKeyValueFile(location)
    return {
      path: inner.path,
      get store() {
        return inner.store
      },
      set store(value) {
        inner.store = value
        record(inner.path)
      }
    }
  }
  const logWriter: LogFileWriter = {
    append: async (path, data) => {
      await diskLogFileWriter.append(path, data)
      record(path)
    },
    replace: async (path, data) => {
      await diskLogFileWriter.replace(path, data)
      record(path)
    }
  }
  return { factory, logWriter }
}

describe('cache write coalescing', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(() => temp.remove())

  it('writes each file at most once per second under 10,000 events per second', async () => {
    const writes = new Map<string, number[]>()
    const { factory, logWriter } = countingBackends(writes)
    const store = createCacheStore({ dir: temp.dir, factory, logWriter, logger: recordingLogger() })
    const cache = store.profile('busy')
    const started = Date.now()
    let events = 0
    let lastAsOf = -1
    let lastLine = ''
    // Every few ms, catch up to exactly 10 events per elapsed ms: snapshot saves and log lines interleaved.
    while (Date.now() - started < 3_200) {
      const due = (Date.now() - started) * 10
      for (; events < due; events++) {
        if (events % 2 === 0) {
          lastAsOf = events
          cache.saveSnapshot({
            part: 'jobs',
            value: { value: [makeJob(events)], asOf: events, stale: false }
          })
        } else {
          lastLine = `line ${events}`
          cache.appendLog('FlinkSubmit/1', 'run-1', [lastLine])
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const elapsed = Date.now() - started
    await store.close()

    expect(events / (elapsed / 1000)).toBeGreaterThan(9_000)
    expect(writes.size).toBe(2)
    for (const [, times] of writes) {
      // Scheduled writes while events flowed, plus the one of close().
      expect(times.length).toBeGreaterThanOrEqual(3)
      expect(times.length).toBeLessThanOrEqual(Math.ceil(elapsed / 1000) + 1)
      const scheduled = times.slice(0, -1)
      for (let i = 1; i < scheduled.length; i++) {
        expect(scheduled[i] - scheduled[i - 1]).toBeGreaterThanOrEqual(1000)
      }
    }
    const reopened = createCacheStore({
      dir: temp.dir,
      factory: confKeyValueFile,
      logger: recordingLogger()
    })
    expect(reopened.profile('busy').snapshot().jobs?.asOf).toBe(lastAsOf)
    expect(reopened.profile('busy').logTails()[0].lines.at(-1)).toBe(lastLine)
    await reopened.close()
  })

  it('flush() writes at once and a quiet store writes nothing', async () => {
    const writes = new Map<string, number[]>()
    const { factory, logWriter } = countingBackends(writes)
    const store = createCacheStore({ dir: temp.dir, factory, logWriter, logger: recordingLogger() })
    const cache = store.profile('p')
    cache.saveSnapshot({ part: 'counts', value: { value: makeCounts(1), asOf: 5, stale: false } })
    await store.flush()
    expect([...writes.values()].flat()).toHaveLength(1)
    await store.flush()
    await store.close()
    expect([...writes.values()].flat()).toHaveLength(1)
  })
})
