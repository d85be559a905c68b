/**
 * `--read-only` (issue 23) as a child process: `job --action` on a read-only server is refused with exit 5 and a
 * message before anything is sent (the simulator counts no request at all), while the same action without the flag
 * reaches Dinky's `/api/task/*`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/simulator/index'
import { runCli } from './cli-process'

const PASSWORD = { DINKY_PASSWORD: 'dinky123!@#' }

describe('dinky-console --read-only', () => {
  let sim: Simulator
  beforeAll(async () => {
    sim = await startSimulator({ heartbeatMs: 300, tickMs: 0, logRate: 0 })
  })
  afterAll(() => sim.close())

  const requests = () =>
    Object.values(sim.control.stats().requestsByPath).reduce((sum, count) => sum + count, 0)
  const running = () => sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')!

  it('refuses a job action before any request, with exit 5 and the reason', async () => {
    const before = requests()
    const run = runCli(
      [
        'job',
        '--server',
        sim.url,
        '--id',
        String(running().id),
        '--action',
        'restart',
        '--read-only'
      ],
      PASSWORD
    )
    expect(await run.exit).toBe(5)
    expect(run.stderr()).toContain('Read-only server: actions are disabled in its profile')
    expect(run.stdout.filter(Boolean)).toEqual([])
    expect(requests()).toBe(before)
  })

  it('sends the same action without the flag', async () => {
    const job = running()
    const savepoints = () => sim.control.stats().requestsByPath['/api/task/savepoint'] ?? 0
    const before = savepoints()
    const run = runCli(
      ['job', '--server', sim.url, '--id', String(job.id), '--action', 'savepoint', '--json'],
      PASSWORD
    )
    expect(await run.exit).toBe(0)
    expect(JSON.parse(run.stdout[0])).toMatchObject({
      type: 'action',
      action: 'savepoint',
      instanceId: job.id,
      taskId: job.taskId
    })
    expect(savepoints()).toBe(before + 1)
  })

  it('exits 2 with the usage for an unknown action', async () => {
    const run = runCli(['job', '--server', sim.url, '--id', '1', '--action', 'drop'])
    expect(await run.exit).toBe(2)
    expect(run.stderr()).toContain('--action wants cancel, stop, restart, savepoint')
    expect(run.stderr()).toContain('Usage:')
  })
})
