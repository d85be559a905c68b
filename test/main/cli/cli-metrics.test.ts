/**
 * `watch --metrics <jid> --json` as a child process: metrics lines for every vertex × metric of each sample, each
 * sample once, and after a 3 s outage the missed samples arrive from history marked `backfill`; with `--cache-dir`,
 * the samples an earlier run saw are printed first, marked stale, while the server is down.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/simulator/index'
import { runCli } from './cli-process'

describe('dinky-console watch --metrics', () => {
  let sim: Simulator

  beforeAll(async () => {
    sim = await startSimulator({
      heartbeatMs: 300,
      tickMs: 0,
      logRate: 0,
      metricsIntervalMs: 1_050
    })
  })
  afterAll(async () => {
    await sim.close()
  })

  it('prints each sample once, pushed then backfilled across an outage', async () => {
    const jid = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')!.jid
    const args = ['watch', '--server', sim.url, '--json', '--backoff-base', '0.1']
    const cli = runCli([...args, '--backoff-max', '0.5', '--metrics', jid], {
      DINKY_PASSWORD: 'dinky123!@#'
    })
    const metrics = () =>
      cli.stdout
        .filter((line) => line.includes('"type":"metrics"'))
        .map((line) => JSON.parse(line) as Record<string, string>)
    await cli.waitForLine('a pushed metrics line', (l) => l.includes('"source":"push"'))
    await sim.control.refuseConnections(3_000)
    await cli.waitForLine('a backfilled line', (l) => l.includes('"source":"backfill"'))
    const pushedAfter = metrics().length
    // A sample pushed after the backfill: the lines printed then cover the outage from both sides.
    await cli.waitForLine('a pushed line after the backfill', () =>
      metrics()
        .slice(pushedAfter)
        .some((line) => line.source === 'push')
    )
    cli.child.kill('SIGINT')
    expect(await cli.exit).toBe(0)

    const lines = metrics()
    expect(lines.length).toBeGreaterThan(pushedAfter)
    expect(lines[0]).toMatchObject({ type: 'metrics', jid })
    // Dinky's "10.5" is printed as the number the charts read (issue 21).
    expect(lines.every((l) => typeof l.value === 'number')).toBe(true)
    expect(Object.keys(lines[0]).sort()).toEqual(
      ['ts', 'type', 'jid', 'vertex', 'metric', 'time', 'value', 'source'].sort()
    )
    const keys = lines.map((l) => `${l.vertex}|${l.metric}|${l.time}`)
    expect(new Set(keys).size).toBe(keys.length)
    // Every sample the server holds between the first and last line printed is there.
    const first = Date.parse(lines[0].time)
    const last = Date.parse(lines.at(-1)!.time)
    const held = sim.control.world.metrics
      .between(first, last)
      .filter((s) => s.jid === jid)
      .map((s) => new Date(Math.floor(s.at / 1000) * 1000).toISOString())
    const times = new Set(lines.map((l) => l.time))
    for (const time of held) expect(times.has(time), time).toBe(true)
  }, 60_000)

  it('prints the cached samples first, marked stale, when the server is down', async () => {
    const down = await startSimulator({ tickMs: 0, logRate: 0, metricsIntervalMs: 500 })
    const dir = await mkdtemp(join(tmpdir(), 'dinky-cli-metrics-'))
    const env = { DINKY_PASSWORD: 'dinky123!@#' }
    try {
      const jid = down.control.world.latestInstances().find((i) => i.status === 'RUNNING')!.jid
      const args = ['watch', '--server', down.url, '--json', '--cache-dir', dir, '--metrics', jid]
      const warm = runCli(args, env)
      await warm.waitForLine('a second pushed sample', () => sampleTimes(warm.stdout) >= 2)
      warm.child.kill('SIGTERM')
      expect(await warm.exit).toBe(0)
      const seen = samples(warm.stdout)
      await down.close()

      const cold = runCli(args, env)
      await cold.waitForLine('reconnecting', (l) => /"state":"reconnecting"/.test(l))
      cold.child.kill('SIGINT')
      expect(await cold.exit).toBe(0)
      const cached = cold.stdout
        .filter((line) => line.includes('"type":"metrics"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
      expect(cached.length).toBeGreaterThan(0)
      for (const line of cached) expect(line).toMatchObject({ jid, stale: true })
      expect(typeof cached[0].asOf).toBe('number')
      // Every sample the first run printed comes back once, as it was.
      expect(samples(cold.stdout)).toEqual(seen)
      const keys = cached.map((l) => `${l.vertex}|${l.metric}|${l.time}`)
      expect(new Set(keys).size).toBe(keys.length)
    } finally {
      await down.close()
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

/** How many sample times were printed. */
function sampleTimes(stdout: readonly string[]): number {
  return new Set([...samples(stdout).keys()].map((key) => key.split('|').at(-1))).size
}

/** The samples printed: `vertex|metric|time` → value. */
function samples(stdout: readonly string[]): Map<string, unknown> {
  const map = new Map<string, unknown>()
  for (const line of stdout) {
    if (!line.includes('"type":"metrics"')) continue
    const parsed = JSON.parse(line) as Record<string, unknown>
    map.set(`${parsed.vertex}|${parsed.metric}|${parsed.time}`, parsed.value)
  }
  return map
}
