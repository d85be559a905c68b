import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { profileDir, logsDir } from '../../../../src/main/core/cache/cache-paths'
import {
  createConfCacheStore,
  createConfSettingsStore
} from '../../../../src/main/core/cache/conf-cache-store'
import { makeJob, makeTempDir, recordingLogger } from './cache-fixtures'

const EMPTY = { jobs: null, counts: null, clusters: null, taskManagers: {}, sysInfo: null }

describe('corrupt cache files', () => {
  let temp: ReturnType<typeof makeTempDir>
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(() => temp.remove())

  /** Writes a good snapshot, lets `damage` spoil it, reopens, and returns what the reopen saw. */
  async function reopenAfter(damage: (snapshotPath: string) => void) {
    const first = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    first
      .profile('p')
      .saveSnapshot({ part: 'jobs', value: { value: [makeJob(1)], asOf: 9, stale: false } })
    await first.close()
    const snapshotPath = join(profileDir(temp.dir, 'p'), 'snapshot.json')
    damage(snapshotPath)
    const logger = recordingLogger()
    const store = createConfCacheStore({ dir: temp.dir, logger })
    const snapshot = store.profile('p').snapshot()
    const asideFiles = readdirSync(profileDir(temp.dir, 'p')).filter((f) => f.includes('.corrupt-'))
    const warnings = logger.lines.filter((line) => line.level === 'warn')
    return { store, snapshot, asideFiles, warnings, snapshotPath }
  }

  const cases: Array<[string, (path: string) => void]> = [
    ['garbage JSON', (path) => writeFileSync(path, '{"version": 2, "jobs": [oops')],
    ['a truncated file', (path) => writeFileSync(path, readFileSync(path, 'utf8').slice(0, 40))],
    [
      'valid JSON of the wrong shape',
      (path) => writeFileSync(path, '{"version":2,"jobs":{"value":1}}')
    ],
    ['a newer, unknown version', (path) => writeFileSync(path, '{"version":99}')]
  ]
  for (const [name, damage] of cases) {
    it(`moves ${name} aside with a warning and starts empty`, async () => {
      const { store, snapshot, asideFiles, warnings } = await reopenAfter(damage)
      expect(snapshot).toEqual(EMPTY)
      expect(asideFiles).toHaveLength(1)
      expect(asideFiles[0]).toMatch(/^snapshot\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/)
      expect(warnings).toHaveLength(1)
      expect(warnings[0].message).toContain('moved aside')
      // The store keeps working: a new save lands in a fresh, valid file.
      store
        .profile('p')
        .saveSnapshot({ part: 'jobs', value: { value: [], asOf: 10, stale: false } })
      await store.close()
      const again = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
      expect(again.profile('p').snapshot().jobs).toEqual({ value: [], asOf: 10, stale: true })
      await again.close()
    })
  }

  it('moves an unreadable file (a folder where the file should be) aside', async () => {
    // As root a mode of 000 does not stop reads, so make the read itself fail: EISDIR.
    const { store, snapshot, asideFiles, warnings } = await reopenAfter((path) => {
      rmSync(path)
      mkdirSync(path)
    })
    expect(snapshot).toEqual(EMPTY)
    expect(asideFiles).toHaveLength(1)
    expect(warnings[0].fields?.why).toMatch(/EISDIR/)
    await store.close()
  })

  it.skipIf(process.getuid?.() === 0)('moves a file without read permission aside', async () => {
    const { store, snapshot, asideFiles } = await reopenAfter((path) => chmodSync(path, 0o000))
    expect(snapshot).toEqual(EMPTY)
    expect(asideFiles).toHaveLength(1)
    await store.close()
  })

  it('drops only a torn last log record, and moves a damaged log file aside', async () => {
    const first = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    first.profile('p').appendLog('torn', 'r', ['a', 'b'])
    first.profile('p').appendLog('bad', 'r', ['a', 'b'])
    await first.close()
    const folder = logsDir(temp.dir, 'p')
    writeFileSync(join(folder, 'torn.log'), readFileSync(join(folder, 'torn.log'), 'utf8') + '"c')
    writeFileSync(
      join(folder, 'bad.log'),
      '{"v":1,"process":"bad","run":"r"}\n"a"\nnot json\n"b"\n'
    )
    const logger = recordingLogger()
    const store = createConfCacheStore({ dir: temp.dir, logger })
    expect(store.profile('p').logTails()).toEqual([
      { process: 'torn', run: 'r', lines: ['a', 'b'], stale: true }
    ])
    expect(readdirSync(folder).filter((f) => f.startsWith('bad.log.corrupt-'))).toHaveLength(1)
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(1)
    // The torn bytes are rewritten away before the next append, so the file stays readable.
    store.profile('p').appendLog('torn', 'r', ['c'])
    await store.close()
    const again = createConfCacheStore({ dir: temp.dir, logger: recordingLogger() })
    expect(again.profile('p').logTails()[0].lines).toEqual(['a', 'b', 'c'])
    await again.close()
  })

  it('moves a garbage settings file aside and starts from defaults', () => {
    writeFileSync(join(temp.dir, 'settings.json'), '\u0000\u0000garbage')
    const logger = recordingLogger()
    const settings = createConfSettingsStore({ dir: temp.dir, logger })
    expect(settings.profiles()).toEqual([])
    expect(settings.settings().logTailLines).toBe(5000)
    expect(readdirSync(temp.dir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true)
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(1)
    expect(existsSync(join(temp.dir, 'settings.json'))).toBe(false)
  })
})
