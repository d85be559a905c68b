import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/simulator/index'
import { runCli } from './cli-process'

const PASSWORD = 'dinky123!@#'

describe('dinky-console CLI as a child process', () => {
  let sim: Simulator
  let cacheDir: string

  beforeAll(async () => {
    sim = await startSimulator({ heartbeatMs: 300, tickMs: 0, logRate: 0 })
    cacheDir = await mkdtemp(join(tmpdir(), 'dinky-cli-'))
  })

  afterAll(async () => {
    await sim.close()
    await rm(cacheDir, { recursive: true, force: true })
  })

  it('prints the usage with --help and exits 0', async () => {
    const run = runCli(['--help'])
    expect(await run.exit).toBe(0)
    expect(run.stdout.join('\n')).toMatch(/dinky-console watch --server URL/)
  })

  it('exits 2 with the usage on bad arguments', async () => {
    const run = runCli(['watch', '--transport', 'carrier-pigeon'])
    expect(await run.exit).toBe(2)
    expect(run.stderr()).toMatch(/--transport wants auto, sse or ws/)
    expect(run.stderr()).toMatch(/Usage:/)
  })

  it('exits 3 when the first login is refused, without echoing the password', async () => {
    const wrong = 'not-the-password-42'
    const run = runCli(['watch', '--server', sim.url, '--json'], { DINKY_PASSWORD: wrong })
    expect(await run.exit).toBe(3)
    const error = run.stdout.map((line) => JSON.parse(line)).find((line) => line.type === 'error')
    expect(error).toMatchObject({ type: 'error', reason: 'login-failed' })
    expect(run.stdout.join('\n') + run.stderr()).not.toContain(wrong)
  }, 20_000)

  it('streams NDJSON, exits 0 on SIGINT, and never prints the password or a token', async () => {
    const args = [
      'watch',
      '--server',
      sim.url,
      '--json',
      '--password-env',
      'PW',
      '--cache-dir',
      cacheDir
    ]
    const run = runCli([...args, '--process', 'FlinkSubmit/5'], { PW: PASSWORD })
    const jobs = JSON.parse(await run.waitForLine('live jobs', (l) => l.includes('"type":"jobs"')))
    expect(jobs).toMatchObject({ type: 'jobs', stale: false })
    expect(jobs.jobs[0]).toEqual(
      expect.objectContaining({
        id: expect.any(Number),
        taskId: expect.any(Number),
        status: expect.any(String)
      })
    )
    await run.waitForLine('topics live', (l) => /"stream":"topics","state":"live"/.test(l))
    sim.control.appendLog('FlinkSubmit/5', ['hello from the test'])
    await run.waitForLine('the log line', (l) => l.includes('hello from the test'))
    run.child.kill('SIGINT')
    expect(await run.exit).toBe(0)

    const lines = run.stdout.map((line) => JSON.parse(line))
    for (const line of lines) {
      expect(typeof line.ts).toBe('number')
      expect(['state', 'jobs', 'job', 'log', 'clusters', 'jvm', 'error']).toContain(line.type)
    }
    const state = lines.find((line) => line.type === 'state')
    expect(Object.keys(state).sort()).toEqual([
      'attempt',
      'reason',
      'retryInMs',
      'state',
      'stream',
      'ts',
      'type'
    ])
    const log = lines.find((line) => line.type === 'log')
    expect(log).toMatchObject({ process: 'FlinkSubmit/5', stale: false })
    const everything = run.stdout.join('\n') + run.stderr()
    expect(everything).not.toContain(PASSWORD)
    // Tokens are UUIDs: the only UUIDs allowed out are console run keys.
    const runs = new Set(lines.filter((line) => line.type === 'log').map((line) => line.run))
    const uuids =
      everything.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? []
    expect(uuids.filter((uuid) => !runs.has(uuid))).toEqual([])
  }, 20_000)

  it('prints the cached state first, marked stale, when the server is down', async () => {
    const down = await startSimulator({ tickMs: 0, logRate: 0 })
    const url = down.url
    const dir = await mkdtemp(join(tmpdir(), 'dinky-cli-down-'))
    try {
      const warm = runCli(['watch', '--server', url, '--json', '--cache-dir', dir], {
        DINKY_PASSWORD: PASSWORD
      })
      const live = JSON.parse(
        await warm.waitForLine('live jobs', (l) => l.includes('"type":"jobs"'))
      )
      warm.child.kill('SIGTERM')
      expect(await warm.exit).toBe(0)
      await down.close()

      const cold = runCli(['watch', '--server', url, '--json', '--cache-dir', dir], {
        DINKY_PASSWORD: PASSWORD
      })
      const cached = JSON.parse(
        await cold.waitForLine('cached jobs', (l) => l.includes('"type":"jobs"'))
      )
      expect(cached).toMatchObject({ stale: true, asOf: live.asOf })
      expect(cached.jobs).toEqual(live.jobs)
      await cold.waitForLine('reconnecting', (l) =>
        /"stream":"rest","state":"reconnecting"/.test(l)
      )
      cold.child.kill('SIGINT')
      expect(await cold.exit).toBe(0)

      const info = runCli(['cache', 'info', '--cache-dir', dir, '--json'])
      expect(await info.exit).toBe(0)
      const sizes = JSON.parse(info.stdout.join(''))
      expect(sizes.totalBytes).toBeGreaterThan(0)
      const clear = runCli(['cache', 'clear', '--cache-dir', dir, '--json'])
      expect(await clear.exit).toBe(0)
      expect(JSON.parse(clear.stdout.join(''))).toMatchObject({ bytesFreed: sizes.totalBytes })
      const after = runCli(['cache', 'info', '--cache-dir', dir, '--json'])
      expect(await after.exit).toBe(0)
      expect(JSON.parse(after.stdout.join(''))).toMatchObject({ totalBytes: 0 })
    } finally {
      await down.close()
      await rm(dir, { recursive: true, force: true })
    }
  }, 30_000)
})
