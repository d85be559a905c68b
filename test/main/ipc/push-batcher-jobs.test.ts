/**
 * The jobs channel at the IPC edge (issue 23): nothing for a poll that found nothing new, a delta for one that
 * did, deltas of one batch merged, and the age of the last idle poll sent before the next connection state.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPushBatcher } from '../../../src/main/ipc/push-batcher'
import { systemClock } from '../../../src/main/core/ports'
import type { PushChannel, PushChannels, PushMessage } from '../../../src/shared/ipc/contract'
import type { Job, JobStatus } from '../../../src/shared/models'
import type { JobsChanges, SessionEnvelope } from '../../../src/shared/session'

type Sent = { channel: PushChannel; message: PushMessage<PushChannel> }

const job = (id: number, status: JobStatus = 'RUNNING'): Job => ({
  id,
  taskId: id,
  name: `job_${id}`,
  status,
  jid: null,
  type: null,
  step: 2,
  createTime: null,
  updateTime: null,
  finishTime: null,
  durationMs: null,
  failedRestartCount: 0
})

const ALL = [job(3), job(2), job(1)]
let seq = 0

function jobs(asOf: number, changes: JobsChanges, value = ALL): SessionEnvelope {
  return {
    profileId: 'p',
    seq: ++seq,
    update: { type: 'jobs', jobs: { value, asOf, stale: false }, counts: null, changes }
  }
}
const none: JobsChanges = { full: false, upserts: [], removed: [], countsChanged: false }
const whole: JobsChanges = { full: true, upserts: [], removed: [], countsChanged: true }

function setup() {
  const sent: Sent[] = []
  const batcher = createPushBatcher(
    (channel, message) => sent.push({ channel, message: message as PushMessage<PushChannel> }),
    systemClock
  )
  const jobItems = () =>
    sent
      .filter((s) => s.channel === 'jobs:snapshot')
      .flatMap((s) => s.message.items as PushChannels['jobs:snapshot'])
  return { sent, batcher, jobItems }
}

describe('push batcher: jobs', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends the first list whole and nothing at all for polls that found nothing new', () => {
    const { sent, batcher, jobItems } = setup()
    batcher.pushEnvelope(jobs(1_000, whole))
    vi.advanceTimersByTime(100)
    for (let poll = 2; poll <= 13; poll++) {
      batcher.pushEnvelope(jobs(poll * 5_000, none))
      vi.advanceTimersByTime(5_000)
    }
    expect(sent).toHaveLength(1)
    expect(jobItems()).toEqual([
      { profileId: 'p', jobs: { value: ALL, asOf: 1_000, stale: false }, counts: null }
    ])
  })

  it('sends a changed poll as a delta, and merges two that fall in one batch', () => {
    const { batcher, jobItems } = setup()
    batcher.pushEnvelope(jobs(1_000, whole))
    vi.advanceTimersByTime(100)
    batcher.pushEnvelope(jobs(2_000, { ...none, upserts: [job(2, 'FAILED')] }))
    batcher.pushEnvelope(jobs(2_010, { ...none, upserts: [job(4, 'INITIALIZING')], removed: [2] }))
    vi.advanceTimersByTime(100)
    expect(jobItems()[1]).toEqual({
      profileId: 'p',
      delta: { asOf: 2_010, upserts: [job(4, 'INITIALIZING')], removed: [2] },
      counts: null
    })
  })

  it('folds a delta into a whole list still waiting in the batch', () => {
    const { batcher, jobItems } = setup()
    batcher.pushEnvelope(jobs(1_000, whole))
    batcher.pushEnvelope(jobs(1_010, { ...none, upserts: [job(1, 'FAILED')] }))
    vi.advanceTimersByTime(100)
    expect(jobItems()).toEqual([
      {
        profileId: 'p',
        jobs: { value: [job(3), job(2), job(1, 'FAILED')], asOf: 1_010, stale: false },
        counts: null
      }
    ])
  })

  it('sends the last idle poll’s age before the next connection state of its profile', () => {
    const { sent, batcher } = setup()
    batcher.pushEnvelope(jobs(1_000, whole))
    vi.advanceTimersByTime(100)
    batcher.pushEnvelope(jobs(6_000, none))
    batcher.pushEnvelope(jobs(11_000, none))
    batcher.pushEnvelope({
      profileId: 'p',
      seq: ++seq,
      update: {
        type: 'state',
        stream: 'rest',
        state: {
          kind: 'reconnecting',
          reason: 'connection-refused',
          since: 12_000,
          attempt: 1,
          retryAt: 13_000
        }
      }
    })
    vi.advanceTimersByTime(100)
    expect(sent.map((s) => [s.channel, s.message.seq])).toEqual([
      ['jobs:snapshot', 1],
      ['jobs:snapshot', 2],
      ['connection:state', 1]
    ])
    expect(sent[1]!.message.items).toEqual([
      { profileId: 'p', delta: { asOf: 11_000, upserts: [], removed: [] }, counts: null }
    ])
    // Told once: another state change has no age to add.
    batcher.pushEnvelope({
      profileId: 'p',
      seq: ++seq,
      update: {
        type: 'state',
        stream: 'rest',
        state: { kind: 'offline', reason: 'network-offline', since: 14_000 }
      }
    })
    vi.advanceTimersByTime(100)
    expect(sent.filter((s) => s.channel === 'jobs:snapshot')).toHaveLength(2)
  })
})
