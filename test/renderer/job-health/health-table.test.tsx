import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  HealthTable,
  numberColumn
} from '../../../src/renderer/src/features/job-health/health-table'

afterEach(cleanup)

interface Row {
  id: number
  name: string
  size: number | null
}

describe('the drawer health tables', () => {
  it('shows a titled table with a row per id, and a dash where a number is null', () => {
    const rows: Row[] = [
      { id: 1, name: 'source', size: 2048 },
      { id: 2, name: 'sink', size: null }
    ]
    const { getByTestId, getByText } = render(
      <HealthTable
        title="Vertices"
        rows={rows}
        columns={[
          { title: 'Name', dataIndex: 'name' },
          numberColumn<Row>('Size', 'size', 100, (n) => `${n / 1024} KiB`)
        ]}
        scrollX={600}
        testId="health-table"
      />
    )
    expect(getByText('Vertices').tagName).toBe('H5')
    const table = getByTestId('health-table')
    const cells = [...table.querySelectorAll('tbody tr[data-row-key]')].map((row) =>
      [...row.querySelectorAll('td')].map((td) => td.textContent)
    )
    expect(cells).toEqual([
      ['source', '2 KiB'],
      ['sink', '—']
    ])
    const sizeCell = table.querySelector('tbody tr[data-row-key="2"] td:last-child')
    expect(sizeCell?.getAttribute('style')).toContain('text-align: right')
  })

  it('is never narrower than its columns, so the last one scrolls into view instead of being clipped', () => {
    const { getByTestId } = render(
      <HealthTable
        title="Vertices"
        rows={[{ id: 1, name: 'source', size: 1 }]}
        columns={[
          { title: 'Name', dataIndex: 'name', width: 300 },
          numberColumn<Row>('Size', 'size', 200, String),
          numberColumn<Row>('Other', 'size', 250, String)
        ]}
        scrollX={600}
        testId="health-table"
      />
    )
    const table = getByTestId('health-table').querySelector('table')
    expect(table?.style.width).toBe('750px')
  })
})
