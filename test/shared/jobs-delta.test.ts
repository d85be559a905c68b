import { describe, expect, it } from 'vitest'
import { applyJobsDelta, mergeJobsDeltas, type JobsDelta } from '../../src/shared/jobs-delta'
import type { Job, JobStatus } from '../../src/shared/models'

const job = (id: number, status: JobStatus = 'RUNNING', taskId = id): Job => ({
  id,
  taskId,
  name: `job_${taskId}`,
  status,
  jid: `jid${id}`,
  type: 'standalone',
  step: 2,
  createTime: '2026-12-07T08:00:00+08:00',
  updateTime: '2026-12-07T08:00:00+08:00',
  finishTime: null,
  durationMs: 1000,
  failedRestartCount: 0
})

/** A list as the console reads it: newest instance first. */
const list = (...ids: number[]) => ids.map((id) => job(id)).sort((a, b) => b.id - a.id)

describe('job list deltas', () => {
  it('replaces changed rows in place, drops removed ones and puts new ones in id order', () => {
    const base = list(1, 2, 3, 4)
    const delta: JobsDelta = {
      asOf: 2,
      upserts: [job(2, 'FAILED'), job(7, 'INITIALIZING', 3)],
      removed: [3]
    }
    const after = applyJobsDelta(base, delta)
    expect(after.map((row) => [row.id, row.status])).toEqual([
      [7, 'INITIALIZING'],
      [4, 'RUNNING'],
      [2, 'FAILED'],
      [1, 'RUNNING']
    ])
    // Unchanged rows keep their identity (memoised table rows do not redraw); the input is untouched.
    expect(after[1]).toBe(base[0])
    expect(base.map((row) => row.id)).toEqual([4, 3, 2, 1])
  })

  it('returns the same list for an empty delta', () => {
    const base = list(1, 2)
    expect(applyJobsDelta(base, { asOf: 5, upserts: [], removed: [] })).toBe(base)
  })

  it('merges two deltas into one that does what both do, in any mix of changes', () => {
    // A seeded walk: random lists and pairs of deltas, merged and applied versus applied one after the other.
    let state = 7
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const statuses: JobStatus[] = ['RUNNING', 'FAILED', 'CANCELED', 'RESTARTING']
    const randomDelta = (ids: number[], asOf: number): JobsDelta => {
      const upserts: Job[] = []
      const removed: number[] = []
      for (let i = 0; i < 4; i++) {
        const id =
          next() < 0.3 ? 20 + Math.floor(next() * 5) : ids[Math.floor(next() * ids.length)]!
        if (next() < 0.3) removed.push(id)
        else upserts.push(job(id, statuses[Math.floor(next() * statuses.length)]))
      }
      const gone = new Set(removed)
      return { asOf, upserts: upserts.filter((row) => !gone.has(row.id)), removed }
    }
    for (let round = 0; round < 200; round++) {
      const base = list(1, 2, 3, 4, 5, 6)
      const ids = base.map((row) => row.id)
      const a = randomDelta(ids, 1)
      const b = randomDelta(ids, 2)
      const stepwise = applyJobsDelta(applyJobsDelta(base, a), b)
      const merged = mergeJobsDeltas(a, b)
      expect(applyJobsDelta(base, merged)).toEqual(stepwise)
      expect(merged.asOf).toBe(2)
    }
  })
})
