/**
 * The Jobs table's columns and how they fit: every column but the name has a fixed width, the name takes what is left
 * (never less than its minimum, never more: a 300-character CDC name ends in an ellipsis). When the table is too
 * narrow, the least needed columns go first, so the status always stays on screen whatever the window or the names.
 */
import type { SortColumn } from './job-sort'

/** Every row is this tall (a status tag and one line of text), so rows need no measuring. */
export const ROW_HEIGHT = 40

export type ColumnKey =
  | 'name'
  | 'server'
  | 'status'
  | 'type'
  | 'health'
  | 'lastCheckpoint'
  | 'failedCheckpoints'
  | 'duration'
  | 'failedRestarts'
  | 'updated'

export interface JobColumn {
  key: ColumnKey
  /** The i18n key of its heading. */
  title: string
  /** Pixels; for the name, its minimum. */
  width: number
  align?: 'right' | 'center'
  sort?: SortColumn
  /** Dropped first when the table is narrow: lower goes earlier; absent: never dropped. */
  drop?: number
  /** Shown only when the table lists every server. */
  allServersOnly?: boolean
}

/** In reading order. */
export const JOB_COLUMNS: readonly JobColumn[] = [
  { key: 'name', title: 'jobs.name', width: 200, sort: 'name' },
  { key: 'server', title: 'jobs.server', width: 150, sort: 'server', allServersOnly: true },
  { key: 'status', title: 'jobs.status', width: 140, sort: 'status' },
  { key: 'type', title: 'jobs.type', width: 170, sort: 'type', drop: 1 },
  { key: 'health', title: 'jobHealth.health', width: 80, align: 'center', drop: 7 },
  {
    key: 'lastCheckpoint',
    title: 'jobHealth.lastCheckpoint',
    width: 150,
    sort: 'lastCheckpoint',
    drop: 3
  },
  {
    key: 'failedCheckpoints',
    title: 'jobHealth.failedCheckpoints',
    width: 100,
    align: 'right',
    sort: 'failedCheckpoints',
    drop: 4
  },
  {
    key: 'duration',
    title: 'jobs.duration',
    width: 110,
    align: 'right',
    sort: 'duration',
    drop: 5
  },
  {
    key: 'failedRestarts',
    title: 'jobs.failedRestarts',
    width: 130,
    align: 'right',
    sort: 'failedRestarts',
    drop: 2
  },
  { key: 'updated', title: 'jobs.updated', width: 170, sort: 'updated', drop: 6 }
]

/**
 * The columns that fit `width` pixels (0: not laid out yet, as in a test DOM: all of them), in reading order. The
 * scrollbar's width is left out of `width` by the caller.
 */
export function fitColumns(width: number, allServers: boolean): JobColumn[] {
  const shown = JOB_COLUMNS.filter((column) => allServers || !column.allServersOnly)
  if (width <= 0) return shown
  const byDrop = shown.filter((column) => column.drop !== undefined)
  byDrop.sort((a, b) => a.drop! - b.drop!)
  let total = shown.reduce((sum, column) => sum + column.width, 0)
  const dropped = new Set<ColumnKey>()
  for (const column of byDrop) {
    if (total <= width) break
    dropped.add(column.key)
    total -= column.width
  }
  return shown.filter((column) => !dropped.has(column.key))
}

/** The CSS grid template of a row: the name grows, the rest keep their widths. */
export function gridTemplate(columns: readonly JobColumn[]): string {
  return columns
    .map((column) =>
      column.key === 'name' ? `minmax(${column.width}px, 1fr)` : `${column.width}px`
    )
    .join(' ')
}
