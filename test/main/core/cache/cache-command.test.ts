import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatBytes, runCacheCommand } from '../../../../src/main/cli/cache-command'
import {
  createConfCacheStore,
  createConfSettingsStore
} from '../../../../src/main/core/cache/conf-cache-store'
import { makeJob, makeTempDir, recordingLogger } from './cache-fixtures'

describe('dinky-console cache info|clear', () => {
  let temp: ReturnType<typeof makeTempDir>
  let out: string[]
  const io = () => ({ out: (line: string) => out.push(line), logger: recordingLogger(), env: {} })
  beforeEach(() => {
    temp = makeTempDir()
    out = []
  })
  afterEach(() => temp.remove())

  async function fill() {
    const store = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    store
      .profile('prod')
      .saveSnapshot({ part: 'jobs', value: { value: [makeJob(1)], asOf: 1, stale: false } })
    store.profile('prod').appendLog('FlinkSubmit/1', 'r', ['x'.repeat(2000)])
    store
      .profile('demo')
      .saveSnapshot({ part: 'jobs', value: { value: [], asOf: 1, stale: false } })
    await store.close()
    createConfSettingsStore({ dir: temp.dir, logger: recordingLogger() }).selectProfile('prod')
    return (await createConfCacheStore({ dir: temp.dir, logger: recordingLogger() }).info()).reduce(
      (sum, entry) => sum + entry.bytes,
      0
    )
  }

  it('prints the size of each profile and the total', async () => {
    const total = await fill()
    expect(await runCacheCommand({ action: 'info', cacheDir: temp.dir }, io())).toBe(0)
    expect(out[0]).toBe(`Cached data in ${join(temp.dir, 'dinky-cache')}`)
    expect(out[1]).toMatch(/^ {2}demo +\d+ B$/)
    expect(out[2]).toMatch(/^ {2}prod +\d\.\d KiB$/)
    expect(out[3]).toContain(`(${total} bytes)`)
  })

  it('prints JSON with --json', async () => {
    const total = await fill()
    await runCacheCommand({ action: 'info', cacheDir: temp.dir, json: true }, io())
    const parsed = JSON.parse(out[0])
    expect(parsed.totalBytes).toBe(total)
    expect(parsed.profiles.map((entry: { profileId: string }) => entry.profileId)).toEqual([
      'demo',
      'prod'
    ])
  })

  it('clears everything, prints the bytes freed, and keeps the settings file', async () => {
    const total = await fill()
    expect(await runCacheCommand({ action: 'clear', cacheDir: temp.dir, json: true }, io())).toBe(0)
    expect(JSON.parse(out[0]).bytesFreed).toBe(total)
    expect(existsSync(join(temp.dir, 'settings.json'))).toBe(true)
    expect(existsSync(join(temp.dir, 'dinky-cache'))).toBe(false)
  })

  it('treats a missing folder as an empty cache and creates nothing', async () => {
    const missing = join(temp.dir, 'nope')
    expect(await runCacheCommand({ action: 'info', cacheDir: missing }, io())).toBe(0)
    expect(await runCacheCommand({ action: 'clear', cacheDir: missing }, io())).toBe(0)
    expect(out).toEqual([
      `No cached data in ${join(missing, 'dinky-cache')}`,
      `Freed 0 B (0 bytes) from ${join(missing, 'dinky-cache')}`
    ])
    expect(existsSync(missing)).toBe(false)
  })

  it('formats sizes for people', () => {
    expect([
      formatBytes(0),
      formatBytes(1023),
      formatBytes(1536),
      formatBytes(5 * 1024 ** 2)
    ]).toEqual(['0 B', '1023 B', '1.5 KiB', '5.0 MiB'])
  })
})
