import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/simulator/index'
import { runCli } from './cli-process'

describe('dinky-console job', () => {
  let sim: Simulator
  /** How far the simulator's clock runs ahead of the wall clock: checkpoints fall due without waiting for them. */
  let ahead = 0
  beforeAll(async () => {
    const now = () => Date.now() + ahead
    sim = await startSimulator({ heartbeatMs: 300, tickMs: 0, logRate: 0, now })
  })
  afterAll(() => sim.close())

  it('prints one NDJSON detail line with checkpoints, exceptions, vertices and alerts', async () => {
    const running = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')!
    sim.control.jobHealth.failCheckpoints(running.taskId)
    sim.control.jobHealth.checkpointInterval(200)
    ahead += 500
    const run = runCli(['job', '--server', sim.url, '--id', String(running.id), '--json'], {
      DINKY_PASSWORD: 'dinky123!@#'
    })
    expect(await run.exit).toBe(0)
    expect(run.stdout).toHaveLength(1)
    const line = JSON.parse(run.stdout[0])
    expect(line).toMatchObject({ type: 'detail', instanceId: running.id, status: 'RUNNING' })
    expect(line.checkpoints.failed).toBeGreaterThan(0)
    expect(line.reasons).toContain('checkpoint-failing')
    expect(line.vertices.length).toBeGreaterThan(0)
    expect(line.alerts[0].title).toMatch(/Checkpoint failed/)
    expect(line).toHaveProperty('exceptions')
  })

  it('names an https:// Flink address on Dinky 1.1 as the cause, not just lost Flink', async () => {
    const running = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')!
    sim.control.jobHealth.flinkOverHttps(running.clusterId)
    const run = runCli(['job', '--server', sim.url, '--id', String(running.id)], {
      DINKY_PASSWORD: 'dinky123!@#'
    })
    expect(await run.exit).toBe(0)
    expect(run.stdout[0]).toMatch(/RECONNECTING {2}\(Dinky lost Flink/)
    expect(run.stdout[1]).toMatch(
      /^ {2}flink: its Flink address is https:\/\/, but Dinky 1\.0\/1\.1 always/
    )
  }, 30_000)

  it('does not call a failed job healthy', async () => {
    const failed = sim.control.world.latestInstances().find((i) => i.status === 'FAILED')!
    const run = runCli(['job', '--server', sim.url, '--id', String(failed.id)], {
      DINKY_PASSWORD: 'dinky123!@#'
    })
    expect(await run.exit).toBe(0)
    expect(run.stdout[1]).toBe('  health: — (FAILED, not running)')
  }, 30_000)

  it('prints an unmeasured busy time (a source vertex: Flink sends busyRatio "NaN") as unknown, not NaN or 0', async () => {
    const running = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')!
    const run = runCli(['job', '--server', sim.url, '--id', String(running.id)], {
      DINKY_PASSWORD: 'dinky123!@#'
    })
    expect(await run.exit).toBe(0)
    const vertices = run.stdout.filter((line) => line.trimStart().startsWith('vertex '))
    expect(vertices.find((line) => line.includes('Source:'))).toMatch(/: busy —, backpressure/)
    expect(vertices.find((line) => line.includes('Calc'))).toMatch(/: busy \d+%, backpressure/)
  }, 30_000)

  it('exits 2 without an id', async () => {
    const run = runCli(['job', '--server', sim.url])
    expect(await run.exit).toBe(2)
    expect(run.stderr()).toMatch(/job needs --id N/)
  })
})
