/**
 * Health readings on their way to the renderer (issue 23: idle IPC bytes O(changed)): a background sweep's reading
 * that only moved `asOf` sends nothing, nor one saying what the renderer read in an answer; a changed reading, an open
 * drawer's detail and the first reading after a cleared cache go out.
 */
import { describe, expect, it } from 'vitest'
import { createJobHealthHandlers } from '../../../src/main/ipc/job-health-requests'
import { createPushBatcher } from '../../../src/main/ipc/push-batcher'
import { systemClock } from '../../../src/main/core/ports'
import type { PushChannel, PushMessage } from '../../../src/shared/ipc/contract'
import {
  sameHealthReading,
  type JobHealthDetail,
  type JobHealthSummary
} from '../../../src/shared/job-health'
import type { Fresh } from '../../../src/shared/models'
import type { SessionEnvelope } from '../../../src/shared/session'

const summary = (instanceId: number, asOf: number, more: Partial<JobHealthSummary> = {}) =>
  ({
    instanceId,
    name: `job-${instanceId}`,
    lastCompletedAt: 1_000,
    failedCheckpoints: 0,
    backpressure: 'OK',
    intervalMs: 10_000,
    reasons: [],
    asOf,
    restored: 0,
    lastFailureAt: null,
    ...more
  }) as JobHealthSummary

let seq = 0
const reading = (
  profileId: string,
  value: JobHealthSummary,
  detail: Fresh<JobHealthDetail> | null = null
): SessionEnvelope => ({
  profileId,
  seq: ++seq,
  update: { type: 'job-health', summary: value, detail }
})

function setup() {
  const sent: Array<{ channel: PushChannel; message: PushMessage<PushChannel> }> = []
  const batcher = createPushBatcher(
    (channel, message) => sent.push({ channel, message }),
    systemClock
  )
  /** The instance ids (and `asOf`) of the health summaries sent since the last call. */
  const healthSent = () => {
    batcher.flush()
    const items = sent
      .splice(0)
      .filter((s) => s.channel === 'jobHealth:update')
      .flatMap((s) => s.message.items as Array<{ profileId: string; summary: JobHealthSummary }>)
    return items.map((item) => `${item.profileId}:${item.summary.instanceId}@${item.summary.asOf}`)
  }
  return { batcher, healthSent }
}

describe('health readings pushed to the renderer', () => {
  it('sends a reading once, and again only when more than its asOf changed', () => {
    const { batcher, healthSent } = setup()
    batcher.pushEnvelope(reading('a', summary(1, 100)))
    batcher.pushEnvelope(reading('a', summary(2, 100)))
    expect(healthSent()).toEqual(['a:1@100', 'a:2@100'])

    batcher.pushEnvelope(reading('a', summary(1, 200)))
    batcher.pushEnvelope(reading('a', summary(2, 200)))
    expect(healthSent()).toEqual([])

    batcher.pushEnvelope(reading('a', summary(1, 300, { lastCompletedAt: 2_000 })))
    batcher.pushEnvelope(reading('a', summary(2, 300, { reasons: ['checkpoint-overdue'] })))
    expect(healthSent()).toEqual(['a:1@300', 'a:2@300'])
    // The same instance id on another server is another job.
    batcher.pushEnvelope(reading('b', summary(1, 300, { lastCompletedAt: 2_000 })))
    expect(healthSent()).toEqual(['b:1@300'])
  })

  it('always sends an open drawer’s detail, which tells its own age', () => {
    const { batcher, healthSent } = setup()
    batcher.pushEnvelope(reading('a', summary(1, 100)))
    expect(healthSent()).toEqual(['a:1@100'])
    const detail = { value: {} as JobHealthDetail, asOf: 200, stale: false }
    batcher.pushEnvelope(reading('a', summary(1, 200), detail))
    expect(healthSent()).toEqual(['a:1@200'])
  })

  it('sends the next reading of a server whose cache was cleared, and only that server’s', () => {
    const { batcher, healthSent } = setup()
    batcher.pushEnvelope(reading('a', summary(1, 100)))
    batcher.pushEnvelope(reading('b', summary(1, 100)))
    expect(healthSent()).toEqual(['a:1@100', 'b:1@100'])
    batcher.push('cache:cleared', { profileId: 'a' })
    batcher.pushEnvelope(reading('a', summary(1, 200)))
    batcher.pushEnvelope(reading('b', summary(1, 200)))
    expect(healthSent()).toEqual(['a:1@200'])
    batcher.push('cache:cleared', { profileId: null })
    batcher.pushEnvelope(reading('a', summary(1, 300)))
    batcher.pushEnvelope(reading('b', summary(1, 300)))
    expect(healthSent()).toEqual(['a:1@300', 'b:1@300'])
  })
})

describe('health summaries the renderer read in an answer', () => {
  it('are not pushed again by a reading that says the same, and a changed reading still goes out', () => {
    const { batcher, healthSent } = setup()
    batcher.noteHealthShown('a', [summary(1, 100), summary(2, 100)])
    batcher.pushEnvelope(reading('a', summary(1, 200)))
    batcher.pushEnvelope(reading('a', summary(2, 200, { failedCheckpoints: 3 })))
    expect(healthSent()).toEqual(['a:2@200'])
  })

  it('are noted by the jobHealth:summaries handler as it answers', async () => {
    const answered = [summary(1, 100)]
    const session = (() => ({ jobHealth: { summaries: () => answered } })) as unknown as Parameters<
      typeof createJobHealthHandlers
    >[0]
    const noted: Array<[string, readonly JobHealthSummary[]]> = []
    const handlers = createJobHealthHandlers(session, (profileId, list) =>
      noted.push([profileId, list])
    )
    expect(await handlers['jobHealth:summaries']({ profileId: 'a' })).toBe(answered)
    expect(noted).toEqual([['a', answered]])
  })
})

describe('sameHealthReading', () => {
  it('ignores asOf alone, and compares fields present in one reading only', () => {
    expect(sameHealthReading(summary(1, 1), summary(1, 2))).toBe(true)
    expect(sameHealthReading(summary(1, 1), summary(1, 1, { failedCheckpoints: 1 }))).toBe(false)
    expect(sameHealthReading(summary(1, 1, { reasons: ['restarting'] }), summary(1, 1))).toBe(false)
    const older = summary(1, 1)
    delete older.restored
    expect(sameHealthReading(older, summary(1, 1))).toBe(false)
    expect(sameHealthReading(summary(1, 1, { backpressure: null }), summary(1, 1))).toBe(false)
  })
})
