import { describe, expect, it } from 'vitest'
import { toJsonLine } from '../../../src/main/cli/ndjson-format'
import { TextView } from '../../../src/main/cli/text-format'
import type { Job, JobStatus } from '../../../src/shared/models'
import type { JobsChanges, SessionUpdate } from '../../../src/shared/session'

const job = (id: number, status: JobStatus = 'RUNNING'): Job => ({
  id,
  taskId: id,
  name: `cdc_mysql_ods_trade_order_detail_to_doris_dwd_trade_order_detail_realtime_sync_v${id}`,
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

const ALL = Array.from({ length: 2000 }, (_, i) => job(2000 - i))

function jobs(changes: JobsChanges | undefined, value = ALL, stale = false): SessionUpdate {
  return { type: 'jobs', jobs: { value, asOf: 1_000, stale }, counts: null, changes }
}
const none: JobsChanges = { full: false, upserts: [], removed: [], countsChanged: false }

describe('watch output of job lists', () => {
  it('prints a list whole once, then only what changed, and nothing for an idle poll (--json)', () => {
    const whole = toJsonLine(jobs({ ...none, full: true }), 5)
    expect(whole).toMatchObject({ type: 'jobs', stale: false, asOf: 1_000 })
    expect(whole?.jobs).toHaveLength(2000)
    expect(toJsonLine(jobs(undefined, ALL, true), 5)?.jobs).toHaveLength(2000)
    expect(toJsonLine(jobs(none), 5)).toBeNull()
    expect(toJsonLine(jobs({ ...none, countsChanged: true }), 5)).toBeNull()
    const changed = toJsonLine(jobs({ ...none, upserts: [job(7, 'FAILED')], removed: [3] }), 5)
    expect(changed).toEqual({
      ts: 5,
      type: 'jobs-changed',
      stale: false,
      asOf: 1_000,
      total: 2000,
      changed: [
        { id: 7, taskId: 7, name: job(7).name, status: 'FAILED', jid: null, updateTime: null }
      ],
      removed: [3]
    })
    expect(JSON.stringify(changed).length).toBeLessThan(400)
  })

  it('prints the table once, then the changed rows only, in the readable view', () => {
    const view = new TextView()
    expect(view.format(jobs({ ...none, full: true }), 5)).toHaveLength(2001)
    expect(view.format(jobs(none), 5)).toEqual([])
    const after = ALL.map((row) => (row.id === 7 ? job(7, 'FAILED') : row))
    const lines = view.format(jobs({ ...none, upserts: [job(7, 'FAILED')] }, after), 5)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/: 2000, 1 changed$/)
    expect(lines[1]).toMatch(/^\s+7\s+FAILED\s+cdc_mysql/)
  })
})
