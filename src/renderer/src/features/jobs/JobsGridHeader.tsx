/**
 * The Jobs table's heading row: column headers with `aria-sort`, and a button per sortable column
 * (`jobs-sort-<column>`) that sorts by it, ascending first, then flips.
 */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { JobColumn } from './job-columns'
import type { JobSort, SortColumn } from './job-sort'

export interface JobsGridHeaderProps {
  columns: readonly JobColumn[]
  sort: JobSort
  onSort: (column: SortColumn) => void
}

export function JobsGridHeader({ columns, sort, onSort }: JobsGridHeaderProps) {
  const { t } = useTranslation()
  return (
    <div role="rowgroup" className="jobs-grid-head">
      <div role="row" aria-rowindex={1} className="jobs-grid-row">
        {columns.map((column) => {
          const sorted = column.sort !== undefined && column.sort === sort.column
          const title = t(column.title as 'jobs.name')
          return (
            <div
              key={column.key}
              role="columnheader"
              aria-sort={
                sorted ? (sort.order === 'ascend' ? 'ascending' : 'descending') : undefined
              }
              className={`jobs-grid-cell${column.align ? ` align-${column.align}` : ''}`}
            >
              {column.sort === undefined ? (
                <span title={title}>{title}</span>
              ) : (
                <button
                  type="button"
                  className="jobs-grid-sort"
                  title={title}
                  data-testid={`jobs-sort-${column.sort}`}
                  data-sorted={sorted ? sort.order : undefined}
                  onClick={() => onSort(column.sort!)}
                >
                  <span className="jobs-grid-sort-title">{title}</span>
                  {sorted &&
                    (sort.order === 'ascend' ? (
                      <ArrowUpOutlined aria-hidden />
                    ) : (
                      <ArrowDownOutlined aria-hidden />
                    ))}
                </button>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}
