/**
 * `watch --metrics <jid> --json` as a child process: metrics lines for every vertex × metric of each sample, each
 * sample once, and after a 3 s outage the missed samples arrive from history marked `backfill`.
 */
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
    await cli.waitForLine('a pushed metrics line', (l) => l.includes('"source":"push"'), 20_000)
    await sim.control.refuseConnections(3_000)
    await cli.waitForLine('a backfilled line', (l) => l.includes('"source":"backfill"'), 20_000)
    const pushedAfter = metrics().length
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    cli.child.kill('SIGINT')
    expect(await cli.exit).toBe(0)

    const lines = metrics()
    expect(lines.length).toBeGreaterThan(pushedAfter)
    expect(lines[0]).toMatchObject({ type: 'metrics', jid })
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
})
