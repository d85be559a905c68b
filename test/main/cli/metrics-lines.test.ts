/**
 * The `watch --metrics` line formatter: Dinky sends metric values as strings; NDJSON `value` is the number the
 * charts parse from it, and a value that is not a number keeps its text in `valueText` (never a 0, never "10.5").
 */
import { describe, expect, it } from 'vitest'
import { metricsJsonLines, metricsTextLines } from '../../../src/main/cli/metrics-lines'

const update = {
  jid: 'cbc357ccb763df2852fee8c4fc7d55f2',
  added: [
    {
      at: Date.UTC(2024, 7, 27, 2, 15, 30),
      source: 'push' as const,
      values: { v1: { numRecordsInPerSecond: '10.5', state: 'NaN', lag: ' -3e2 ' } }
    }
  ]
}

describe('metrics lines', () => {
  it('prints value as a number when Dinky’s string is one, else null with the text in valueText', () => {
    const lines = metricsJsonLines(update, 7)
    const byMetric = Object.fromEntries(lines.map((line) => [line.metric, line]))
    expect(byMetric.numRecordsInPerSecond).toMatchObject({ value: 10.5 })
    expect(byMetric.numRecordsInPerSecond).not.toHaveProperty('valueText')
    expect(byMetric.lag).toMatchObject({ value: -300 })
    expect(byMetric.state).toMatchObject({ value: null, valueText: 'NaN' })
    expect(JSON.stringify(byMetric.numRecordsInPerSecond)).toContain('"value":10.5')
  })

  it('shows the text of a value that is not a number in the readable view', () => {
    const text = metricsTextLines(update)
    expect(text).toContain('02:15:30 metrics cbc357cc… v1…/state = NaN')
    expect(text).toContain('02:15:30 metrics cbc357cc… v1…/numRecordsInPerSecond = 10.5')
  })
})
