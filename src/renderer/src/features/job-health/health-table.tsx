/**
 * What the drawer's health tables (the vertices on the overview, the checkpoint history) share: a titled, small,
 * unpaginated table keyed by `id`, and right-aligned number columns that show a dash where Flink gave no value
 * (null is "not reported", never zero).
 */
import { Table, Typography } from 'antd'
import type { ColumnType, ColumnsType } from 'antd/es/table'
import type { ReactNode } from 'react'

/** A number cell: `format(value)`, or a dash for null. */
export function dashOrFormat(format: (value: number) => ReactNode) {
  return (value: number | null): ReactNode => (value === null ? '—' : format(value))
}

/** A right-aligned column of a nullable number field, formatted by `format` (a dash for null). */
export function numberColumn<Row>(
  title: string,
  dataIndex: keyof Row & string,
  width: number,
  format: (value: number) => ReactNode
): ColumnType<Row> {
  return { title, dataIndex, width, align: 'right', render: dashOrFormat(format) }
}

/** The sum of the columns' fixed widths: a table narrower than that clips its last column instead of scrolling. */
export function columnsWidth<Row>(columns: ColumnsType<Row>): number {
  return columns.reduce(
    (sum, column) => sum + (typeof column.width === 'number' ? column.width : 0),
    0
  )
}

/**
 * A section of the drawer: its title, then the rows in a small table as wide as `scrollX`, never narrower than its
 * columns' widths (it scrolls sideways below that).
 */
export function HealthTable<Row extends { id: number | string }>({
  title,
  rows,
  columns,
  scrollX,
  testId
}: {
  title: ReactNode
  rows: Row[]
  columns: ColumnsType<Row>
  scrollX: number
  testId: string
}) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {title}
      </Typography.Title>
      <Table<Row>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: Math.max(scrollX, columnsWidth(columns)) }}
        data-testid={testId}
      />
    </>
  )
}
