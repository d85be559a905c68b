import { describe, expect, it } from 'vitest'
import {
  findGaps,
  mergePoints,
  observedInterval,
  parseMetricValue,
  type MetricsPoint
} from '../../src/shared/metrics'
import { parseContent } from '../../src/main/core/metrics/metrics-rest'

const point = (at: number, source: MetricsPoint['source'] = 'push'): MetricsPoint => ({
  at,
  values: { v: { m: String(at) } },
  source
})

describe('metrics values and series', () => {
  it('parses numbers from strings and keeps anything else as text (never 0)', () => {
    expect(parseMetricValue('123.5')).toBe(123.5)
    expect(parseMetricValue(' -7 ')).toBe(-7)
    expect(parseMetricValue('1e3')).toBe(1000)
    expect(parseMetricValue('NaN')).toBeNull()
    expect(parseMetricValue('')).toBeNull()
    expect(parseMetricValue('RUNNING')).toBeNull()
    expect(parseMetricValue('0x10')).toBeNull()
  })

  it('reads content given as an object or as 1.1 history’s JSON string, bounded, values as strings', () => {
    expect(parseContent({ v1: { a: 1, b: 'x', c: null, d: { nested: 1 } } })).toEqual({
      v1: { a: '1', b: 'x' }
    })
    expect(parseContent('{"v1":{"a":"2.5"}}')).toEqual({ v1: { a: '2.5' } })
    expect(parseContent('not json')).toBeNull()
    expect(parseContent([1, 2])).toBeNull()
    expect(parseContent({ v: { long: 'x'.repeat(1000) } })?.v.long).toHaveLength(64)
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`m${i}`, i]))
    expect(Object.keys(parseContent({ v: wide })!.v)).toHaveLength(256)
  })

  it('merges by time, each time once (the first one kept), in order', () => {
    const merged = mergePoints(
      [point(1000), point(3000)],
      [point(2000, 'backfill'), point(3000, 'backfill'), point(4000, 'backfill')]
    )
    expect(merged.map((p) => [p.at, p.source])).toEqual([
      [1000, 'push'],
      [2000, 'backfill'],
      [3000, 'push'],
      [4000, 'backfill']
    ])
  })

  it('tells holes (server collected nothing) from outages (we were away)', () => {
    const points = [0, 5, 10, 40, 45, 50, 80, 85].map((s) => point(s * 1000))
    const gaps = findGaps(points, [{ from: 52_000, to: 78_000 }], 5_000)
    expect(gaps).toEqual([
      { from: 10_000, to: 40_000, kind: 'hole' },
      { from: 52_000, to: 78_000, kind: 'outage' }
    ])
    expect(observedInterval(points)).toBe(5_000)
    expect(observedInterval(points.slice(0, 2))).toBe(5_000)
  })
})
