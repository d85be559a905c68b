/**
 * TASK_RUN_INSTANCE through a Session: against a Dinky 1.2.4 simulator a job that starts or ends shows in the jobs
 * at once, long before the (now slower) jobs poll; against 1.2.0, which has no such topic, only the poll tells.
 */
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../../../src/simulator/index'
import {
  profileFor,
  sessionTestResources,
  startRecordedSession,
  tempCacheStore,
  waitFor
} from './session-harness'

describe('job status pushed by TASK_RUN_INSTANCE', { timeout: 15_000 }, () => {
  const started = sessionTestResources()

  async function start(version: string) {
    const sim = (started.sim = await startSimulator({
      version,
      wsJvmIntervalMs: 200,
      tickMs: 0,
      logRate: 0
    }))
    const cache = (started.cache = await tempCacheStore())
    // A poll far slower than the test: whatever arrives in time was pushed.
    const recorded = startRecordedSession({
      profile: profileFor(sim.url),
      store: cache.store,
      connection: { jobsPollMs: 60_000 }
    })
    started.sessions.push(recorded)
    const { session } = recorded
    await waitFor('topics live', () => session.snapshot().streams.topics.kind === 'live')
    await waitFor('jobs', () => session.snapshot().jobs?.value.length)
    return { sim, session }
  }

  const statusOf = (
    session: { snapshot(): { jobs?: { value: Array<{ taskId: number; status: string }> } | null } },
    taskId: number
  ) => session.snapshot().jobs?.value.find((job) => job.taskId === taskId)?.status

  it('1.2.4: a job cancelled on the server shows as cancelled within seconds', async () => {
    const { sim, session } = await start('1.2.4')
    const running = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')
    expect(running).toBeDefined()
    expect(statusOf(session, running!.taskId)).toBe('RUNNING')
    // Let the first TASK_RUN_INSTANCE set arrive (it answers the subscription and changes nothing).
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    expect(sim.control.cancel(running!.taskId)).toBe(true)
    sim.control.tick() // CANCELLING → CANCELED: the task leaves Dinky's monitored set
    expect(sim.control.world.latestOf(running!.taskId)?.status).toBe('CANCELED')
    await waitFor(
      'the cancelled job',
      () => statusOf(session, running!.taskId) === 'CANCELED',
      5_000
    )
  })

  it('1.2.0-SNAPSHOT: without the topic the change waits for the poll', async () => {
    const { sim, session } = await start('1.2.0-SNAPSHOT')
    const running = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')
    expect(sim.control.cancel(running!.taskId)).toBe(true)
    sim.control.tick()
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect(statusOf(session, running!.taskId)).toBe('RUNNING')
  })
})
