/**
 * Issue 23 end to end in Node: a real session polling a simulated Dinky of 2,000 jobs over loopback, its updates
 * through the real push batcher. What reaches the renderer is counted in bytes, folded the way the renderer folds
 * it and compared with the session's own list; what reaches the cache is counted in writes.
 */
import { describe, expect, it } from 'vitest'
import { createPushBatcher } from '../../../../src/main/ipc/push-batcher'
import { systemClock } from '../../../../src/main/core/ports'
import { SWEEP_MS } from '../../../../src/main/core/session/job-list-changes'
import { startSimulator } from '../../../../src/simulator/index'
import { applyJobsDelta } from '../../../../src/shared/jobs-delta'
import { liveDurationMs } from '../../../../src/shared/job-duration'
import type { PushChannels } from '../../../../src/shared/ipc/contract'
import type { Fresh, Job } from '../../../../src/shared/models'
import type { SnapshotPart } from '../../../../src/main/core/cache/cache-store'
import {
  profileFor,
  sessionTestResources,
  startRecordedSession,
  tempCacheStore,
  waitFor
} from './session-harness'

type JobsItem = PushChannels['jobs:snapshot'][number]

describe('jobs pushed and cached at 2,000 jobs', () => {
  const started = sessionTestResources()

  it('pushes the list once, nothing for idle polls, O(changed) for a change, and its true age when the server goes', async () => {
    const sim = (started.sim = await startSimulator({
      jobs: 2000,
      tickMs: 0,
      logRate: 0,
      churnPerMinute: 0,
      // Within the test's stream watchdog: a stream that reconnects would push states (and the idle age) meanwhile.
      heartbeatMs: 200
    }))
    const cache = (started.cache = await tempCacheStore())
    const profile = profileFor(sim.url)
    // Every write of the job list to the cache, with the age it wrote.
    const profileCache = cache.store.profile(profile.id)
    const save = profileCache.saveSnapshot.bind(profileCache)
    const jobWrites: number[] = []
    profileCache.saveSnapshot = (part: SnapshotPart) => {
      if (part.part === 'jobs') jobWrites.push(part.value.asOf)
      save(part)
    }

    const pushes: Array<{ items: JobsItem[]; bytes: number }> = []
    const states: Array<{ stream: string; kind: string; afterJobs: number }> = []
    const batcher = createPushBatcher((channel, message) => {
      if (channel === 'jobs:snapshot')
        pushes.push({
          items: message.items as JobsItem[],
          bytes: Buffer.byteLength(JSON.stringify(message))
        })
      if (channel === 'connection:state')
        for (const item of message.items as PushChannels['connection:state'])
          states.push({ stream: item.stream, kind: item.state.kind, afterJobs: pushes.length })
    }, systemClock)
    const recorded = startRecordedSession({
      profile,
      store: cache.store,
      connection: { jobsPollMs: 100 }
    })
    started.sessions.push(recorded)
    const { session } = recorded
    session.subscribe((envelope) => batcher.pushEnvelope(envelope))
    const polls = () => recorded.updates('jobs').length

    // The renderer's list: whole lists replace it, deltas are applied to it.
    let held: Fresh<Job[]> | null = null
    const fold = () => {
      for (const { items } of pushes.splice(0)) {
        for (const item of items) {
          if ('delta' in item) {
            if (!held) throw new Error('a delta before any list')
            held = {
              value: applyJobsDelta(held.value, item.delta),
              asOf: item.delta.asOf,
              stale: false
            }
          } else held = item.jobs
        }
      }
    }

    await waitFor('the first list pushed', () => pushes.length === 1 && polls() >= 1)
    expect(pushes[0]!.items).toHaveLength(1)
    const wholeBytes = pushes[0]!.bytes
    expect(wholeBytes).toBeGreaterThan(400_000)
    const first = pushes[0]!.items[0]!
    const firstAsOf = 'jobs' in first ? first.jobs.asOf : Number.NaN
    fold()
    expect(held!.value).toHaveLength(2000)

    // Ten idle polls: nothing is pushed, the cache is not rewritten.
    const idleFrom = polls()
    await waitFor('ten idle polls', () => polls() >= idleFrom + 10)
    batcher.flush()
    expect(pushes).toEqual([])
    expect(jobWrites).toHaveLength(1)

    // One generated job fails: one row crosses, in well under a kilobyte and a half.
    const victim = sim.control.world
      .latestInstances()
      .find((instance) => instance.taskId > 12 && instance.status === 'RUNNING')!
    sim.control.failJob(victim.taskId)
    await waitFor('the change pushed', () => pushes.length > 0)
    const change = pushes[0]!
    expect(change.items).toHaveLength(1)
    const item = change.items[0]!
    expect('delta' in item && item.delta.upserts.map((job) => [job.id, job.status])).toEqual([
      [victim.id, 'FAILED']
    ])
    expect(change.bytes).toBeLessThan(1_500)
    // Core consumers still see every poll whole and the transition it revealed.
    const transition = recorded.updates('job').find((update) => update.transition.id === victim.id)
    expect(transition?.transition).toMatchObject({ from: 'RUNNING', to: 'FAILED' })
    expect(recorded.updates('jobs').at(-1)!.jobs.value).toHaveLength(2000)
    fold()
    expect(jobWrites).toHaveLength(2)

    // Dinky re-saves running rows (two ticks of the world): their times move and nothing else, so none is pushed.
    const told = new Map(held!.value.map((row) => [row.id, row]))
    const tickFrom = polls()
    sim.control.tick()
    sim.control.tick()
    await waitFor('polls after the saves', () => polls() >= tickFrom + 3)
    batcher.flush()
    const onlyTimes = session
      .snapshot()
      .jobs!.value.filter((row) => told.get(row.id)?.status === row.status)
      .filter((row) => told.get(row.id)?.updateTime !== row.updateTime)
    expect(onlyTimes.length).toBeGreaterThan(20)
    // Held back until the sweep a minute after the first list (a test this slow would see them then).
    const beforeSweep = (item: JobsItem) =>
      'delta' in item && item.delta.asOf < firstAsOf + SWEEP_MS
    const pushedIds = pushes
      .flatMap((push) => push.items)
      .flatMap((item) => (beforeSweep(item) && 'delta' in item ? item.delta.upserts : []))
      .map((row) => row.id)
    expect(pushedIds.filter((id) => onlyTimes.some((row) => row.id === id))).toEqual([])
    fold()
    const writesBeforeQuiet = jobWrites.length

    // More idle polls, then the server goes away: the age of the last good poll arrives before the state.
    const quietFrom = polls()
    await waitFor('more idle polls', () => polls() >= quietFrom + 5)
    batcher.flush()
    expect(pushes).toEqual([])
    const statesBefore = states.length
    await sim.close()
    const restGone = () =>
      states.slice(statesBefore).find((state) => state.stream === 'rest' && state.kind !== 'live')
    await waitFor('rest not live', restGone)
    batcher.flush()
    // The first state pushed after the server went (whichever stream noticed first) came after the age.
    expect(states[statesBefore]!.afterJobs).toBe(1)
    expect(pushes[0]!.bytes).toBeLessThan(1_000)
    const lastGood = session.snapshot().jobs!
    fold()
    expect(held!.asOf).toBe(lastGood.asOf)
    // What the renderer holds is the session's list, but for the times of rows Dinky only re-saved: the same
    // duration on screen all the same.
    const withoutTimes = (rows: Job[]) =>
      rows.map(({ updateTime: _u, durationMs: _d, ...rest }) => rest)
    expect(withoutTimes(held!.value)).toEqual(withoutTimes(lastGood.value))
    const now = Date.now()
    lastGood.value.forEach((row, index) => {
      const shown = liveDurationMs(held!.value[index]!, now, true)
      const truth = liveDurationMs(row, now, true)
      expect(Math.abs((shown ?? 0) - (truth ?? 0))).toBeLessThan(2_000)
    })
    // The cache learnt the true age once the server went, without rewriting the list on every idle poll.
    expect(jobWrites.at(-1)).toBe(lastGood.asOf)
    expect(jobWrites).toHaveLength(writesBeforeQuiet + 1)
    batcher.dispose()
  })
})
