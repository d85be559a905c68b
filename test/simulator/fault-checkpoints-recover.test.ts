import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { getJson, login, postJson, TEST_OPTIONS, type Json } from './helpers'

/** A controllable clock: checkpoints follow it. */
function clock(start = Date.UTC(2026, 11, 7, 3, 0, 0)) {
  let at = start
  return { now: () => at, advance: (ms: number) => (at += ms) }
}

describe('fault controls for alert rules: checkpoint failure streaks, a job that fails and recovers', () => {
  let sim: Simulator
  let token: string
  const time = clock()
  beforeEach(async () => {
    sim = await startSimulator({ ...TEST_OPTIONS, now: time.now })
    token = await login(sim)
    sim.control.jobHealth.checkpointInterval(10_000)
  })
  afterEach(() => sim.close())

  const runningTask = (): number => {
    const { world } = sim.control
    const instance = world
      .latestInstances()
      .find((i) => i.status === 'RUNNING' && !world.task(i.taskId)?.batchModel)
    if (!instance) throw new Error('no running streaming job in the seeded world')
    return instance.taskId
  }
  const admin = async (path: string): Promise<Json> => {
    const res = await fetch(`${sim.url}/__sim/${path}`, { method: 'POST' })
    const body = (await res.json()) as Json
    expect(body.ok, JSON.stringify(body)).toBe(true)
    return body
  }
  const checkpoints = async (taskId: number): Promise<Json> => {
    const id = sim.control.world.latestOf(taskId)?.id
    const { body } = await getJson(
      sim,
      token,
      `/api/jobInstance/refreshJobInfoDetail?id=${id}&isForce=false`
    )
    return body.data.jobDataDto.checkpoints
  }
  const listed = async (taskId: number): Promise<Json> => {
    const { body } = await postJson(sim, token, '/api/jobInstance', { current: 1, pageSize: 100 })
    return body.data.find((row: Json) => row.taskId === taskId)
  }

  it('fails a checkpoint every interval until told to stop, then completes them again', async () => {
    const taskId = runningTask()
    const start = (await checkpoints(taskId)).counts
    await admin(`health/checkpoints?taskId=${taskId}&fail=true`)
    const failed: number[] = []
    for (let i = 1; i <= 3; i++) {
      time.advance(10_000)
      const cp = await checkpoints(taskId)
      failed.push(cp.counts.failed)
      expect(cp.history[0]).toMatchObject({
        status: 'FAILED',
        failure_message: 'Checkpoint expired before completing.'
      })
      expect(cp.latest.failed.id).toBe(cp.history[0].id)
    }
    expect(failed).toEqual([start.failed + 1, start.failed + 2, start.failed + 3])
    await admin(`health/checkpoints?taskId=${taskId}&fail=false`)
    time.advance(20_000)
    const after = await checkpoints(taskId)
    expect(after.counts.failed).toBe(start.failed + 3)
    expect(after.counts.completed).toBe(start.completed + 2)
    expect(after.history.slice(0, 3).map((c: Json) => c.status)).toEqual([
      'COMPLETED',
      'COMPLETED',
      'FAILED'
    ])
    expect(after.latest.completed.id).toBe(after.history[0].id)
  })

  it('ends a counted streak by itself: N failed checkpoints, then completed ones', async () => {
    const taskId = runningTask()
    const start = (await checkpoints(taskId)).counts
    await admin(`health/checkpoints?taskId=${taskId}&fail=true&count=3`)
    time.advance(50_000)
    const cp = await checkpoints(taskId)
    expect(cp.counts.failed).toBe(start.failed + 3)
    expect(cp.counts.completed).toBe(start.completed + 2)
    expect(cp.history.slice(0, 5).map((c: Json) => c.status)).toEqual([
      'COMPLETED',
      'COMPLETED',
      'FAILED',
      'FAILED',
      'FAILED'
    ])
  })

  it('counts a streak spanning more intervals than the history keeps as failures', () => {
    const taskId = runningTask()
    const instance = sim.control.world.latestOf(taskId)
    if (!instance) throw new Error('no instance')
    const before = sim.control.world.health.state(instance, time.now())
    const [failed, completed] = [before.failed, before.completed]
    sim.control.jobHealth.failCheckpoints(taskId, true, { count: 15 })
    time.advance(30 * 10_000)
    const after = sim.control.world.health.state(instance, time.now())
    expect([after.failed - failed, after.completed - completed]).toEqual([15, 15])
  })

  it('rejects a streak count that is not a positive integer', async () => {
    const res = await fetch(
      `${sim.url}/__sim/health/checkpoints?taskId=${runningTask()}&fail=true&count=0`,
      { method: 'POST' }
    )
    expect(res.status).toBe(400)
  })

  it('fails a job, then recovers it as Dinky restartTask does: a new instance of the task, RUNNING', async () => {
    const taskId = runningTask()
    const before = await listed(taskId)
    const counts = async () =>
      (await getJson(sim, token, '/api/jobInstance/getStatusCount')).body.data
    const startCounts = await counts()
    await admin(`world/fail?taskId=${taskId}`)
    expect(await listed(taskId)).toMatchObject({ id: before.id, status: 'FAILED' })
    expect((await counts()).failed).toBe(startCounts.failed + 1)

    const recovered = await admin(`world/recover?taskId=${taskId}&settle=true`)
    expect(recovered.jobInstanceId).toBeGreaterThan(before.id)
    const row = await listed(taskId)
    expect(row).toMatchObject({ id: recovered.jobInstanceId, status: 'RUNNING', taskId })
    expect(row.jid).not.toBe(before.jid)
    expect(await counts()).toMatchObject({
      failed: startCounts.failed,
      running: startCounts.running
    })
  })

  it('recovers through INITIALIZING when the submission is left to run at its own pace', async () => {
    const taskId = runningTask()
    sim.control.failJob(taskId)
    const id = sim.control.recoverJob(taskId)
    expect(await listed(taskId)).toMatchObject({ id, status: 'INITIALIZING' })
    sim.control.world.pumpLogs(60_000, 100)
    expect(await listed(taskId)).toMatchObject({ id, status: 'RUNNING' })
  })
})
