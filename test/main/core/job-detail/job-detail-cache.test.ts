/**
 * The job-health cache document's writes (job-detail-cache.ts): a reading that says something new is written at
 * once; a re-read that found the same reading (only a later `asOf`) waits for the next write, or a minute.
 */
import { describe, expect, it } from 'vitest'
import type { JsonDocument } from '../../../../src/main/core/cache/key-value-file'
import type { ModuleCache } from '../../../../src/main/core/cache/module-cache'
import {
  JobDetailCache,
  SAME_READING_WRITE_MS
} from '../../../../src/main/core/job-detail/job-detail-cache'
import type { JobHealthDetail, JobHealthSummary } from '../../../../src/shared/job-health'
import type { Fresh } from '../../../../src/shared/models'

/** A module document in memory that remembers every write. */
function memoryFile(): ModuleCache & { writes: JsonDocument[] } {
  const writes: JsonDocument[] = []
  return {
    writes,
    read: () => writes.at(-1) ?? null,
    write: (value) => void writes.push(structuredClone(value))
  }
}

const reading = (instanceId: number, asOf: number, failed = 0): JobHealthSummary => ({
  instanceId,
  name: `job-${instanceId}`,
  lastCompletedAt: 1_000,
  failedCheckpoints: failed,
  backpressure: 'ok',
  intervalMs: 10_000,
  reasons: failed > 0 ? ['checkpoint-failing'] : [],
  asOf
})

const detailOf = (summary: JobHealthSummary) =>
  ({
    value: { instanceId: summary.instanceId },
    asOf: summary.asOf,
    stale: false
  }) as unknown as Fresh<JobHealthDetail>

const summariesIn = (document: JsonDocument | undefined) =>
  (document as unknown as { summaries: Array<[number, JobHealthSummary]> }).summaries.map(
    ([, summary]) => [summary.instanceId, summary.asOf, summary.failedCheckpoints]
  )

describe('job-health cache writes', () => {
  it('writes news at once and same readings at most once a minute, carrying the latest asOf', () => {
    const file = memoryFile()
    const cache = new JobDetailCache(file)
    const save = (summary: JobHealthSummary, keep = false) =>
      cache.saveDetail(detailOf(summary), summary, keep)

    save(reading(1, 10_000))
    save(reading(2, 11_000))
    expect(file.writes).toHaveLength(2)

    // The sweep comes round again and finds the same: memory moves, the file waits.
    save(reading(1, 15_000))
    save(reading(2, 16_000))
    expect(file.writes).toHaveLength(2)
    expect(cache.summariesList().map((s) => s.asOf)).toEqual([15_000, 16_000])

    // News for one job writes the document, the others' later readings with it.
    save(reading(1, 20_000, 2))
    expect(file.writes).toHaveLength(3)
    expect(summariesIn(file.writes.at(-1))).toEqual([
      [1, 20_000, 2],
      [2, 16_000, 0]
    ])

    // A minute after the last write, a same reading is written too (an offline restart shows a recent age).
    save(reading(2, 20_000 + SAME_READING_WRITE_MS - 1))
    expect(file.writes).toHaveLength(3)
    save(reading(2, 20_000 + SAME_READING_WRITE_MS))
    expect(file.writes).toHaveLength(4)
    expect(summariesIn(file.writes.at(-1))).toContainEqual([2, 20_000 + SAME_READING_WRITE_MS, 0])

    // An open drawer's detail is always written.
    save(reading(2, 20_000 + SAME_READING_WRITE_MS + 1_000), true)
    expect(file.writes).toHaveLength(5)
  })

  it('reads back what it wrote, marked stale', () => {
    const file = memoryFile()
    new JobDetailCache(file).saveDetail(detailOf(reading(3, 5_000)), reading(3, 5_000, 1), true)
    const again = new JobDetailCache(file)
    expect(again.summariesList()).toEqual([reading(3, 5_000, 1)])
    expect(again.detail(3)?.stale).toBe(true)
  })
})
