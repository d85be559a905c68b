/**
 * Crash safety: a child process writes the cache as fast as it can and is killed with SIGKILL at a random moment,
 * 200 times; after every kill a reopen must find valid, self-consistent files and nothing moved aside. The writer
 * is bundled once (all dependencies inlined) so each child starts in ~100 ms instead of paying tsx every time.
 */
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createConfCacheStore,
  createConfSettingsStore
} from '../../../../src/main/core/cache/conf-cache-store'
import { makeTempDir, recordingLogger } from './cache-fixtures'

const KILLS = Number(process.env.CACHE_KILL_ROUNDS ?? 200)
const WORKERS = 2
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

/** Starts the writer, waits for its first completed write, then kills it after a random 0–15 ms. */
function runAndKill(writer: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += String(chunk)))
    child.stdout.once('data', () => {
      setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 16))
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve()
      else reject(new Error(`writer exited on its own: ${stderr}`))
    })
  })
}

/** Reopens the cache as the app would and checks every invariant the writer keeps. */
async function expectValidReopen(dir: string): Promise<number> {
  const logger = recordingLogger()
  const store = createConfCacheStore({ dir, logger, logTailLines: () => 20 })
  const cache = store.profile('kill')
  const { jobs, counts } = cache.snapshot()
  if (jobs) expect(jobs.value.length).toBe(jobs.asOf)
  if (counts) expect(counts.value.running).toBe(counts.asOf)
  const tails = cache.logTails()
  for (const tail of tails) {
    expect(tail.lines.length).toBeLessThanOrEqual(20)
    const numbers = tail.lines.map((line) => {
      expect(line.startsWith(`${tail.run}:`)).toBe(true)
      return Number(line.slice(tail.run.length + 1))
    })
    numbers.forEach((n, i) => i > 0 && expect(n).toBe(numbers[i - 1] + 1))
  }
  const settings = createConfSettingsStore({ dir, logger }).settings()
  expect(settings.logTailLines === 5000 || settings.logTailLines >= 100).toBe(true)
  await store.close()
  expect(logger.lines.filter((line) => line.level !== 'debug' && line.level !== 'info')).toEqual([])
  return tails.reduce((sum, tail) => sum + tail.lines.length, 0)
}

describe('cache files under SIGKILL', () => {
  const temp = makeTempDir('dinky-kill-')
  const writer = join(temp.dir, 'writer.mjs')
  beforeAll(async () => {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: repoRoot,
      ssr: { noExternal: true },
      build: {
        ssr: join(repoRoot, 'test/main/core/cache/fixtures/cache-writer.ts'),
        outDir: temp.dir,
        emptyOutDir: false,
        minify: false,
        rolldownOptions: { output: { entryFileNames: 'writer.mjs' } }
      }
    })
  }, 30_000)
  afterAll(() => temp.remove())

  it(`leaves valid files after ${KILLS} kills at random points while writing`, async () => {
    let linesSeen = 0
    const worker = async (index: number) => {
      const dir = join(temp.dir, `worker-${index}`)
      for (let round = index; round < KILLS; round += WORKERS) {
        await runAndKill(writer, dir)
        linesSeen += await expectValidReopen(dir)
      }
      const everything = readdirSync(dir, { recursive: true }).map(String)
      expect(everything.filter((name) => name.includes('.corrupt-'))).toEqual([])
    }
    await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)))
    // The writer did get to write logs before it was killed (the check above is not vacuous).
    expect(linesSeen).toBeGreaterThan(KILLS)
  }, 120_000)
})
