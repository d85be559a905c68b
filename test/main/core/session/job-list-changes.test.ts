import { describe, expect, it } from 'vitest'
import { JobListChanges, SWEEP_MS } from '../../../../src/main/core/session/job-list-changes'
import type { Fresh, Job, JobStatus, StatusCounts } from '../../../../src/shared/models'

const T0 = Date.parse('2026-12-07T08:00:00Z')

/** A Dinky time (whole seconds, server offset) `ms` after T0. */
const at = (ms: number) => new Date(T0 + ms).toISOString().slice(0, 19) + '+00:00'

function job(id: number, status: JobStatus = 'RUNNING', patch: Partial<Job> = {}): Job {
  return {
    id,
    taskId: id,
    name: `cdc_mysql_ods_trade_${id}`,
    status,
    jid: `jid-${id}`,
    type: 'yarn-session',
    step: 2,
    createTime: at(-3_600_000),
    updateTime: at(0),
    finishTime: null,
    durationMs: 3_600_000,
    failedRestartCount: 0,
    ...patch
  }
}

/** Jobs nothing happens to: a poll changes a few rows of many, as at a real server. */
const QUIET = Array.from({ length: 20 }, (_, i) => job(100 + i))
/** A polled list: the rows given, then the quiet ones. */
const fresh = (value: Job[], asOf: number): Fresh<Job[]> => ({
  value: [...value, ...QUIET],
  asOf,
  stale: false
})
const counts = (running: number): Fresh<StatusCounts> => ({
  value: {
    all: running,
    initializing: 0,
    running,
    finished: 0,
    failed: 0,
    canceled: 0,
    restarting: 0,
    created: 0,
    failing: 0,
    cancelling: 0,
    suspended: 0,
    reconciling: 0,
    unknown: 0
  },
  asOf: 0,
  stale: false
})

/** Dinky's periodic save of a running row `savedAfter` ms after T0: both times move, the start stays. */
const resaved = (row: Job, savedAfter: number, jitterMs = 300): Job => ({
  ...row,
  updateTime: at(savedAfter),
  durationMs: (row.durationMs ?? 0) + savedAfter - jitterMs
})

describe('job list changes', () => {
  it('takes the first list whole, then reports nothing for an unchanged poll', () => {
    const changes = new JobListChanges()
    const rows = [job(3), job(2), job(1)]
    expect(changes.next(fresh(rows, 1), counts(3))).toMatchObject({
      full: true,
      countsChanged: true
    })
    const again = changes.next(
      fresh(
        rows.map((row) => ({ ...row })),
        2
      ),
      counts(3)
    )
    expect(again).toEqual({ full: false, upserts: [], removed: [], countsChanged: false })
  })

  it('reports a changed status, a new instance and the one it replaced, and changed counts', () => {
    const changes = new JobListChanges()
    changes.next(fresh([job(3), job(2), job(1)], 1), counts(3))
    const restarted = job(4, 'INITIALIZING', { taskId: 2 })
    const failed = job(1, 'FAILED', { finishTime: at(5_000) })
    const next = changes.next(fresh([restarted, job(3), failed], 2), counts(1))
    expect(next.full).toBe(false)
    expect(next.upserts).toEqual([restarted, failed])
    expect(next.removed).toEqual([2])
    expect(next.countsChanged).toBe(true)
  })

  it('holds back Dinky’s periodic save of a running row until the next sweep, a minute at most', () => {
    const changes = new JobListChanges()
    const rows = [job(2), job(1, 'RESTARTING')]
    changes.next(fresh(rows, 0), null)
    // Five minutes on, both rows were saved again: the same start, so the same duration on screen.
    const saved = rows.map((row) => resaved(row, 300_000))
    expect(changes.next(fresh(saved, 10_000), null).upserts).toEqual([])
    expect(changes.next(fresh(saved, SWEEP_MS - 1), null).upserts).toEqual([])
    // The sweep sends them (the Updated time moved), then they are told and quiet again.
    expect(changes.next(fresh(saved, SWEEP_MS), null).upserts).toEqual(saved)
    expect(changes.next(fresh(saved, SWEEP_MS + 5_000), null).upserts).toEqual([])
  })

  it('sends a duration that is not a save at once: a moved start, a finished job, a missing time', () => {
    const changes = new JobListChanges()
    const rows = [job(3), job(2, 'FINISHED', { finishTime: at(0) }), job(1)]
    changes.next(fresh(rows, 0), null)
    const moved = { ...rows[0]!, updateTime: at(60_000), durationMs: 3_600_000 }
    const finishedAgain = { ...rows[1]!, updateTime: at(60_000), durationMs: 3_660_000 }
    const noTime = { ...rows[2]!, updateTime: null }
    const next = changes.next(fresh([moved, finishedAgain, noTime], 5_000), null)
    expect(next.upserts).toEqual([moved, finishedAgain, noTime])
  })

  it('takes a cached copy or a mostly replaced list whole (a tenant switch)', () => {
    const changes = new JobListChanges()
    changes.next(fresh([job(3), job(2), job(1)], 1), null)
    expect(changes.next({ value: [job(3)], asOf: 0, stale: true }, null).full).toBe(true)
    changes.next(fresh([job(3), job(2), job(1)], 2), null)
    const other = (asOf: number, last = job(1)) => ({
      value: [...Array.from({ length: 30 }, (_, i) => job(200 + i)), last],
      asOf,
      stale: false
    })
    expect(changes.next(other(3), null).full).toBe(true)
    // After a whole list, deltas are against that list.
    expect(changes.next(other(4, job(1, 'FAILED')), null)).toMatchObject({
      full: false,
      upserts: [job(1, 'FAILED')],
      removed: []
    })
  })
})

describe('job list changes of an empty server', () => {
  it('tells the empty list once, then nothing', () => {
    const changes = new JobListChanges()
    const empty = (asOf: number) => ({ value: [], asOf, stale: false })
    expect(changes.next(empty(1), null).full).toBe(true)
    expect(changes.next(empty(2), null)).toEqual({
      full: false,
      upserts: [],
      removed: [],
      countsChanged: false
    })
  })
})
