/**
 * TASK_RUN_INSTANCE through a Session: against a Dinky 1.2.4 simulator a job that starts or ends shows in the jobs
 * at once, long before the (now slower) jobs poll; against 1.2.0, which has no such topic, only the poll tells.
 */
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../../../src/simulator/index'
import { TASK_RUN_PERIOD_MS } from '../../../../src/simulator/ws/task-run-push'
import {
  profileFor,
  sessionTestResources,
  startRecordedSession,
  tempCacheStore,
  waitFor
} from './session-harness'

describe('job status pushed by TASK_RUN_INSTANCE', () => {
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
    return { sim, session, jvm: () => recorded.updates('jvm') }
  }

  const statusOf = (
    session: { snapshot(): { jobs?: { value: Array<{ taskId: number; status: string }> } | null } },
    taskId: number
  ) => session.snapshot().jobs?.value.find((job) => job.taskId === taskId)?.status

  it('1.2.4: a job cancelled on the server shows as cancelled within seconds', async () => {
    const { sim, session, jvm } = await start('1.2.4')
    const running = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')
    expect(running).toBeDefined()
    expect(statusOf(session, running!.taskId)).toBe('RUNNING')
    // Let the first TASK_RUN_INSTANCE set arrive (it answers the subscription and changes nothing): the server
    // sends it with the subscription's first JVM sample, so the second JVM sample on the socket comes after it.
    await waitFor('a second JVM sample', () => jvm().length >= 2)
    expect(sim.control.cancel(running!.taskId)).toBe(true)
    sim.control.tick() // CANCELLING → CANCELED: the task leaves Dinky's monitored set
    expect(sim.control.world.latestOf(running!.taskId)?.status).toBe('CANCELED')
    await waitFor('the cancelled job', () => statusOf(session, running!.taskId) === 'CANCELED')
  })

  it('1.2.0-SNAPSHOT: without the topic the change waits for the poll', async () => {
    const { sim, session, jvm } = await start('1.2.0-SNAPSHOT')
    const running = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')
    expect(sim.control.cancel(running!.taskId)).toBe(true)
    sim.control.tick()
    // Where the topic exists its check runs every period; a set it sent would come before the JVM samples the
    // server sends on the same socket afterwards. Two periods of those, and the job is still as the first read saw it.
    const cancelledAt = Date.now()
    await waitFor(
      'JVM samples two task-run periods after the cancel',
      () => (jvm().at(-1)?.sample.at ?? 0) - cancelledAt >= 2 * TASK_RUN_PERIOD_MS
    )
    expect(statusOf(session, running!.taskId)).toBe('RUNNING')
  })
})
