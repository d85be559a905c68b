/** The checkpoint trend chart's shapes: points from the history, reference lines, scale, failed markers. */
import { describe, expect, it } from 'vitest'
import {
  buildTrendChart,
  durationRefs,
  niceCeil,
  trendPoints
} from '../../../src/renderer/src/features/job-health/checkpoint-chart-geometry'
import type { CheckpointEntry } from '../../../src/shared/job-health'

function cp(
  id: number,
  durationMs: number | null,
  extra: Partial<CheckpointEntry> = {}
): CheckpointEntry {
  return {
    id,
    status: 'COMPLETED',
    isSavepoint: false,
    triggerAt: id * 1000,
    ackAt: null,
    stateSize: id * 100,
    checkpointedSize: 10,
    durationMs,
    numSubtasks: 2,
    numAcknowledged: 2,
    externalPath: null,
    failureMessage: null,
    ...extra
  }
}

const SIZE = { width: 300, height: 140 }

describe('checkpoint chart geometry', () => {
  it('takes checkpoints oldest first, leaving savepoints and in-progress ones out', () => {
    const points = trendPoints(
      [
        cp(4, 40, { status: 'FAILED', stateSize: 0 }),
        cp(3, 30, { status: 'IN_PROGRESS' }),
        cp(2, 20, { isSavepoint: true }),
        cp(1, 10)
      ],
      'stateSize'
    )
    expect(points).toEqual([
      { id: 1, at: 1000, value: 100, failed: false },
      // A failed checkpoint's size is not a measurement: no value, only a marker.
      { id: 4, at: 4000, value: null, failed: true }
    ])
    expect(trendPoints([cp(4, 40, { status: 'FAILED' })], 'durationMs')[0].value).toBe(40)
  })

  it('draws interval and timeout, as one line when equal', () => {
    expect(durationRefs(60_000, 600_000)).toEqual([
      { key: 'interval', value: 60_000 },
      { key: 'timeout', value: 600_000 }
    ])
    expect(durationRefs(10_000, 10_000)).toEqual([{ key: 'interval-timeout', value: 10_000 }])
    expect(durationRefs(null, 0)).toEqual([])
  })

  it('rounds the top up to a round step of a power of ten, or of 1024 for sizes', () => {
    expect([0, 0.7, 1, 1.1, 1.3, 2.1, 3, 7, 10.5, 240].map((v) => niceCeil(v))).toEqual([
      1, 0.8, 1, 1.2, 1.5, 2.5, 3, 8, 12, 250
    ])
    const MB = 1024 * 1024
    expect(niceCeil(1.9 * MB, true)).toBe(2 * MB)
    expect(niceCeil(900 * 1024, true)).toBe(1000 * 1024)
    expect(niceCeil(500, true)).toBe(500)
  })

  it('scales from zero to cover the data and a near reference line, and spans the plot in time', () => {
    const points = trendPoints([cp(3, 3000), cp(2, 2000), cp(1, 1000)], 'durationMs')
    const shape = buildTrendChart({ points, refs: durationRefs(5000, 5000), ...SIZE })
    const { plot } = shape
    expect(shape.ticks.map((t) => t.value)).toEqual([0, 3000, 6000])
    expect(shape.dots.map((d) => d.x)).toEqual([
      plot.left,
      (plot.left + plot.right) / 2,
      plot.right
    ])
    expect(shape.dots[0].y).toBeGreaterThan(shape.dots[2].y)
    expect(shape.refs).toEqual([
      { key: 'interval-timeout', value: 5000, y: expect.any(Number), offScale: false }
    ])
    expect(shape.refs[0].y).toBeLessThan(shape.dots[2].y)
    expect(shape.ticks[0].y).toBe(plot.bottom)
  })

  it('names a reference line far above the data instead of flattening the data under it', () => {
    const points = trendPoints([cp(2, 1200), cp(1, 1000)], 'durationMs')
    const shape = buildTrendChart({ points, refs: durationRefs(60_000, 600_000), ...SIZE })
    expect(shape.refs.map((r) => r.offScale)).toEqual([true, true])
    expect(shape.ticks[2].value).toBe(1500)
  })

  it('crosses failed checkpoints at their value, clamped into the plot, or on the baseline', () => {
    const history = [cp(3, 50_000, { status: 'FAILED' }), cp(2, 2000), cp(1, 1000)]
    const shape = buildTrendChart({ points: trendPoints(history, 'durationMs'), refs: [], ...SIZE })
    expect(shape.failed).toEqual([{ id: 3, x: shape.plot.right, y: shape.plot.top }])
    const sizes = buildTrendChart({ points: trendPoints(history, 'stateSize'), refs: [], ...SIZE })
    expect(sizes.failed[0].y).toBe(sizes.plot.bottom)
    expect(sizes.dots).toHaveLength(2)
  })

  it('puts a lone checkpoint in the middle', () => {
    const shape = buildTrendChart({
      points: trendPoints([cp(1, 10)], 'durationMs'),
      refs: [],
      ...SIZE
    })
    expect(shape.dots[0].x).toBe((shape.plot.left + shape.plot.right) / 2)
    expect(buildTrendChart({ points: [], refs: [], ...SIZE }).from).toBeNull()
  })
})
