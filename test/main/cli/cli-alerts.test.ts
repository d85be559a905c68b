import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/simulator/index'
import { runCli } from './cli-process'

const PASSWORD = 'dinky123!@#'

describe('dinky-console watch --rules as a child process', () => {
  let sim: Simulator
  let dir: string

  beforeAll(async () => {
    sim = await startSimulator({ heartbeatMs: 300, tickMs: 0, logRate: 0 })
    dir = await mkdtemp(join(tmpdir(), 'dinky-cli-rules-'))
  })

  afterAll(async () => {
    await sim.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('exits 2 with the rule and field named, before connecting, on a bad rules file', async () => {
    const file = join(dir, 'bad.json')
    const rules = [
      { id: 'failed', kind: 'job-status', statuses: ['FAILED'] },
      { id: 'cp', kind: 'checkpoint-failures', atLeast: 0, withinMinutes: 10 }
    ]
    await writeFile(file, JSON.stringify({ rules }))
    const requests = () => Object.keys(sim.control.stats().requestsByPath).length
    const before = requests()
    const run = runCli(['watch', '--server', sim.url, '--rules', file], {
      DINKY_PASSWORD: PASSWORD
    })
    expect(await run.exit).toBe(2)
    expect(run.stderr()).toContain(
      `dinky-console: ${file}: rule "cp" (#2): atLeast must be a positive whole number`
    )
    expect(run.stdout.filter(Boolean)).toEqual([])
    expect(requests()).toBe(before)
  }, 20_000)

  it('prints exactly one firing and one resolved line for a job that fails and recovers', async () => {
    const file = join(dir, 'rules.json')
    await writeFile(
      file,
      JSON.stringify({
        rules: [{ id: 'failed', kind: 'job-status', statuses: ['FAILED'], severity: 'critical' }]
      })
    )
    const { world } = sim.control
    const job = world
      .latestInstances()
      .find((i) => i.status === 'RUNNING' && !world.task(i.taskId)?.batchModel)!
    const run = runCli(['watch', '--server', sim.url, '--json', '--rules', file], {
      DINKY_PASSWORD: PASSWORD
    })
    await run.waitForLine('live jobs', (l) => /"type":"jobs","stale":false/.test(l))
    sim.control.failJob(job.taskId)
    const mine = (l: string) => l.includes('"type":"alert"') && l.includes(`"jobId":${job.id},`)
    const firing = JSON.parse(await run.waitForLine('the firing line', mine))
    sim.control.recoverJob(job.taskId, { settle: true })
    await run.waitForLine('the resolved line', (l) => mine(l) && l.includes('"state":"resolved"'))
    run.child.kill('SIGINT')
    expect(await run.exit).toBe(0)
    expect(firing).toEqual({
      ts: expect.any(Number),
      type: 'alert',
      state: 'firing',
      rule: 'failed',
      kind: 'job-status',
      severity: 'critical',
      server: new URL(sim.url).host,
      jobId: job.id,
      jobName: job.name,
      since: expect.any(Number),
      detail: 'status FAILED',
      announce: true
    })
    const lines = run.stdout.filter(mine).map((l) => JSON.parse(l))
    expect(lines.map((l) => l.state)).toEqual(['firing', 'resolved'])
    expect(lines[1]).toMatchObject({ since: firing.since, detail: 'job no longer listed' })
  }, 40_000)
})
