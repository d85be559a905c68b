/** The checkpoint trend in facts: thresholds, order, the two-fact limit, and honesty with few points. */
import { describe, expect, it } from 'vitest'
import { checkpointTrend } from '../../src/shared/checkpoint-trend'
import type { CheckpointEntry } from '../../src/shared/job-health'

const MIN = 60_000

function cp(
  id: number,
  durationMs: number | null,
  stateSize: number | null = 1_000_000,
  extra: Partial<CheckpointEntry> = {}
): CheckpointEntry {
  return {
    id,
    status: 'COMPLETED',
    isSavepoint: false,
    triggerAt: id * 6 * MIN,
    ackAt: null,
    stateSize,
    checkpointedSize: 1000,
    durationMs,
    numSubtasks: 4,
    numAcknowledged: 4,
    externalPath: null,
    failureMessage: null,
    ...extra
  }
}

/** Newest first, as the core keeps the history. */
const history = (entries: CheckpointEntry[]) => [...entries].reverse()
const timeout = (timeoutMs: number | null) => ({ timeoutMs })

describe('checkpointTrend', () => {
  it('says a flat history is steady, over its span', () => {
    const flat = history([1, 2, 3, 4, 5].map((id) => cp(id, 1000 + (id % 2) * 50)))
    expect(checkpointTrend(flat, timeout(600_000))).toEqual([{ kind: 'steady', spanMs: 24 * MIN }])
  })

  it('is honest with fewer than three completed checkpoints', () => {
    expect(checkpointTrend([], timeout(600_000))).toEqual([{ kind: 'too-few', count: 0 }])
    const two = history([cp(1, 1000), cp(2, 9000)])
    expect(checkpointTrend(two, timeout(600_000))).toEqual([{ kind: 'too-few', count: 2 }])
  })

  it('names the timeout first from half of it, from the latest completed checkpoint', () => {
    const near = history([1, 2, 3, 4].map((id) => cp(id, 7200)))
    expect(checkpointTrend(near, timeout(10_000))).toEqual([{ kind: 'near-timeout', pct: 72 }])
    const below = history([1, 2, 3, 4].map((id) => cp(id, 4900)))
    expect(checkpointTrend(below, timeout(10_000))[0].kind).toBe('steady')
    // Even with too few points to tell a trend, closeness to the timeout is a fact.
    expect(checkpointTrend([cp(1, 9000)], timeout(10_000))).toEqual([
      { kind: 'near-timeout', pct: 90 },
      { kind: 'too-few', count: 1 }
    ])
    // No timeout configured (or zero): nothing to be close to.
    expect(checkpointTrend(near, timeout(null))[0].kind).toBe('steady')
    expect(checkpointTrend(near, null)[0].kind).toBe('steady')
  })

  it('says "doubled" from ×1.9 to ×2.2, a factor above, a percentage below', () => {
    const grow = (to: number) =>
      checkpointTrend(
        history([cp(1, 1000), cp(2, 1000), cp(3, 1000), cp(4, to), cp(5, to), cp(6, to)]),
        null
      )
    expect(grow(2000)).toEqual([{ kind: 'duration-doubled', spanMs: 30 * MIN }])
    expect(grow(1900)[0].kind).toBe('duration-doubled')
    expect(grow(3000)).toEqual([{ kind: 'duration-times', factor: 3, spanMs: 30 * MIN }])
    expect(grow(1600)).toEqual([{ kind: 'duration-grew', pct: 60, spanMs: 30 * MIN }])
    expect(grow(1400)[0].kind).toBe('steady')
    expect(grow(500)).toEqual([{ kind: 'duration-fell', pct: 50, spanMs: 30 * MIN }])
  })

  it('does not take one slow checkpoint for a trend (medians of the ends)', () => {
    const spike = history([
      cp(1, 1000),
      cp(2, 1000),
      cp(3, 1000),
      cp(4, 1000),
      cp(5, 1000),
      cp(6, 8000)
    ])
    expect(checkpointTrend(spike, null)[0].kind).toBe('steady')
  })

  it('says state growth from 20 % between the ends', () => {
    const sizes = [100, 110, 125, 140].map((mb, i) => cp(i + 1, 1000, mb * 1_000_000))
    expect(checkpointTrend(history(sizes), null)).toEqual([
      { kind: 'state-grew', pct: 40, spanMs: 18 * MIN }
    ])
    const shrink = [100, 90, 70].map((mb, i) => cp(i + 1, 1000, mb * 1_000_000))
    expect(checkpointTrend(history(shrink), null)).toEqual([
      { kind: 'state-shrank', pct: 30, spanMs: 12 * MIN }
    ])
    const small = [100, 105, 119].map((mb, i) => cp(i + 1, 1000, mb * 1_000_000))
    expect(checkpointTrend(history(small), null)[0].kind).toBe('steady')
  })

  it('keeps the two that matter most: timeout, failures, duration, state', () => {
    const creeping = history([
      cp(1, 3000, 100),
      cp(2, 3000, 120),
      cp(3, 3100, 140),
      cp(4, null, 0, { status: 'FAILED' }),
      cp(5, 7000, 160),
      cp(6, 7500, 180),
      cp(7, 8000, 200)
    ])
    expect(checkpointTrend(creeping, timeout(10_000))).toEqual([
      { kind: 'near-timeout', pct: 80 },
      { kind: 'failures', failed: 1, of: 7 }
    ])
    expect(checkpointTrend(creeping, timeout(100_000))).toEqual([
      { kind: 'failures', failed: 1, of: 7 },
      { kind: 'duration-times', factor: 2.5, spanMs: 36 * MIN }
    ])
  })

  it('leaves savepoints, in-progress and failed checkpoints out of the series', () => {
    const mixed = history([
      cp(1, 1000),
      cp(2, 90_000, 1_000_000, { isSavepoint: true }),
      cp(3, 1000),
      cp(4, 50_000, 1_000_000, { status: 'IN_PROGRESS' }),
      cp(5, 1000)
    ])
    expect(checkpointTrend(mixed, timeout(100_000))).toEqual([{ kind: 'steady', spanMs: 24 * MIN }])
    // A checkpoint without a trigger time or duration cannot be placed: it does not count.
    const holes = history([cp(1, 1000), cp(2, null), cp(3, 1000, 1, { triggerAt: null })])
    expect(checkpointTrend(holes, null)).toEqual([{ kind: 'too-few', count: 1 }])
  })
})
