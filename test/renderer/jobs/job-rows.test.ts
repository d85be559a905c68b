/**
 * The Jobs table's derivation, pure: rows reused while a server resends the same jobs, one filter pass, one stable
 * sort per column, and columns that always leave the status on screen.
 */
import { describe, expect, it } from 'vitest'
import { fitColumns } from '../../../src/renderer/src/features/jobs/job-columns'
import { filterRows, NO_FILTER, serverRows } from '../../../src/renderer/src/features/jobs/job-rows'
import { sortRows, type SortContext } from '../../../src/renderer/src/features/jobs/job-sort'
import { manyJobs } from './many-jobs'

const CONTEXT: SortContext = {
  now: () => Date.UTC(2026, 11, 7, 12),
  live: () => true,
  serverRank: (profileId) => ['b', 'a', 'c'].indexOf(profileId),
  health: () => undefined
}

function allRows() {
  return ['a', 'b', 'c'].flatMap((id, index) => serverRows(id, manyJobs(index, 2_000)))
}

describe('job rows', () => {
  it('reuses a server’s rows for the same list, and a row for the same job object', () => {
    const jobs = manyJobs(0, 100)
    const rows = serverRows('a', jobs)
    expect(serverRows('a', jobs)).toBe(rows)
    const next = [...jobs]
    next[5] = { ...jobs[5], status: 'FAILED' }
    const again = serverRows('a', next)
    expect(again).not.toBe(rows)
    expect(again.filter((row, index) => row !== rows[index]).map((row) => row.job.id)).toEqual([6])
  })

  it('filters by name, status and server in one pass, and returns the input when nothing filters', () => {
    const rows = allRows()
    expect(filterRows(rows, NO_FILTER)).toBe(rows)
    const kept = filterRows(rows, { name: ' ADS_', statuses: ['FAILED'], servers: ['b', 'c'] })
    expect(kept.length).toBeGreaterThan(0)
    expect(
      kept.every(
        (row) =>
          row.job.name.startsWith('ads_') &&
          row.job.status === 'FAILED' &&
          ['b', 'c'].includes(row.profileId)
      )
    ).toBe(true)
  })

  it('sorts every column stably, both ways', () => {
    const rows = allRows()
    const byName = sortRows(rows, { column: 'name', order: 'ascend' }, CONTEXT)
    expect(byName).toHaveLength(6_000)
    const names = byName.map((row) => row.job.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))

    const byUpdate = sortRows(rows, { column: 'updated', order: 'descend' }, CONTEXT)
    for (let i = 1; i < byUpdate.length; i++) {
      expect(byUpdate[i - 1].updatedMs).toBeGreaterThanOrEqual(byUpdate[i].updatedMs)
    }

    const byServer = sortRows(rows, { column: 'server', order: 'ascend' }, CONTEXT)
    expect(byServer[0].profileId).toBe('b')
    expect(byServer[5_999].profileId).toBe('c')
    // Stable: within a server, the server's own order.
    expect(byServer.slice(0, 2_000).map((row) => row.job.id)).toEqual(
      rows.filter((row) => row.profileId === 'b').map((row) => row.job.id)
    )

    const byStatus = sortRows(rows, { column: 'status', order: 'ascend' }, CONTEXT)
    expect(byStatus[0].job.status).toBe('FAILED')
    expect(byStatus.at(-1)!.job.status).not.toBe('FAILED')
  })
})

describe('job columns', () => {
  it('always keep the name, the server and the status, dropping the least needed first', () => {
    for (let width = 500; width <= 2_000; width += 20) {
      for (const allServers of [true, false]) {
        const columns = fitColumns(width, allServers)
        const keys = columns.map((column) => column.key)
        expect(keys.slice(0, allServers ? 3 : 2)).toEqual(
          allServers ? ['name', 'server', 'status'] : ['name', 'status']
        )
        const used = columns.reduce((sum, column) => sum + column.width, 0)
        if (columns.some((column) => column.drop !== undefined)) {
          expect(used).toBeLessThanOrEqual(width)
        }
      }
    }
    expect(fitColumns(860, true).map((column) => column.key)).toEqual([
      'name',
      'server',
      'status',
      'health',
      'duration',
      'updated'
    ])
  })
})
