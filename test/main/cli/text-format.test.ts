import { describe, expect, it } from 'vitest'
import { displayWidth, TextView } from '../../../src/main/cli/text-format'
import type { Job } from '../../../src/shared/models'

const job = (id: number, name: string): Job => ({
  id,
  taskId: id,
  name,
  status: 'RUNNING',
  jid: `jid-${id}`,
  type: null,
  step: 2,
  createTime: null,
  updateTime: null,
  finishTime: null,
  durationMs: null,
  failedRestartCount: 0
})

describe('the readable live view', () => {
  it('counts CJK characters as two terminal columns', () => {
    expect(displayWidth('orders')).toBe(6)
    expect(displayWidth('实时大屏')).toBe(8)
    expect(displayWidth('ads_每日报表')).toBe(12)
  })

  it('lines up the job table when names mix Chinese and Latin', () => {
    const view = new TextView()
    const lines = view.format(
      {
        type: 'jobs',
        jobs: {
          value: [job(1, 'dws_gmv_realtime_实时大屏'), job(2, 'log_nginx_access_parse')],
          asOf: 0,
          stale: false
        },
        counts: null
      },
      0
    )
    const rows = lines.filter((line) => line.includes('jid-'))
    expect(rows).toHaveLength(2)
    const columns = rows.map((row) => displayWidth(row.slice(0, row.indexOf('jid-'))))
    expect(columns[0]).toBe(columns[1])
  })
})
