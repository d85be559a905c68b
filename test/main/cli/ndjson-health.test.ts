import { describe, expect, it } from 'vitest'
import { toJsonLine } from '../../../src/main/cli/ndjson-format'

describe('watch --json health lines', () => {
  it('prints a job-health update as a health line with the checkpoint age', () => {
    const line = toJsonLine(
      {
        type: 'job-health',
        detail: null,
        summary: {
          instanceId: 4,
          name: 'ods',
          lastCompletedAt: 7_000,
          failedCheckpoints: 2,
          backpressure: 'high',
          intervalMs: 10_000,
          reasons: ['checkpoint-failing', 'backpressure-high'],
          asOf: 9_000
        }
      },
      10_000
    )
    expect(line).toEqual({
      ts: 10_000,
      type: 'health',
      id: 4,
      name: 'ods',
      checkpointAgeMs: 3_000,
      failedCheckpoints: 2,
      backpressure: 'high',
      reasons: ['checkpoint-failing', 'backpressure-high'],
      asOf: 9_000
    })
  })
})
