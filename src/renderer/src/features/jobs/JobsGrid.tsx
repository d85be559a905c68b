/**
 * The Jobs table as one virtualized ARIA grid (@tanstack/react-virtual): only the rows on screen exist, so 6,000 jobs
 * of three servers scroll, filter and sort like 12. Rows have a fixed height; columns fit the table's width
 * (`fitColumns`). The keyboard's row is kept in the DOM even when scrolled away, so focus is never lost with it.
 */
import {
  defaultRangeExtractor,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
  type VirtualItem
} from '@tanstack/react-virtual'
import { theme } from 'antd'
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type RefObject
} from 'react'
import { useTranslation } from 'react-i18next'
import type { JobHealthSummary } from '../../../../shared/job-health'
import { fitColumns, gridTemplate, ROW_HEIGHT } from './job-columns'
import type { JobRow } from './job-rows'
import type { JobSort, SortColumn } from './job-sort'
import { JobGridRow } from './JobGridRow'
import { JobsGridHeader } from './JobsGridHeader'
import { useActiveRow, useGridKeys } from './use-grid-keyboard'

const HEADER_HEIGHT = ROW_HEIGHT
/**
 * Rows are keyed by their place (modulo this), not by their job: a sort or a filter keystroke shows other jobs in the
 * same places, and updating the rows there costs about half of unmounting them and mounting new ones (the scale
 * bench). A scroll still mounts only the rows that come into view. The rendered rows are contiguous (plus the
 * keyboard's row, see `rowKey`), far fewer than this, so no two share a key.
 */
const ROW_SLOTS = 4096
/** What the rows are laid out for when the table has no size (a test DOM, a hidden view): a full window. */
const NO_LAYOUT: Rect = { width: 0, height: 800 }

export interface ServerFacts {
  name: string
  /** "not live: as of …" when the server's list is a cached copy or the server is not live now, else null. */
  stale: string | null
  live: boolean
}

export interface JobsGridProps {
  rows: readonly JobRow[]
  allServers: boolean
  servers: Readonly<Record<string, ServerFacts>>
  health: Readonly<Record<string, Record<number, JobHealthSummary>>>
  sort: JobSort
  onSort: (column: SortColumn) => void
  onOpen: (row: JobRow) => void
  emptyText: string
}

export function JobsGrid(props: JobsGridProps) {
  const { rows, servers, health } = props
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const scrollRef = useRef<HTMLDivElement>(null)
  const width = useContentWidth(scrollRef)
  const columns = useMemo(() => fitColumns(width, props.allServers), [width, props.allServers])
  const activeRow = useActiveRow(rows)
  const { activeIndex, tabbableIndex } = activeRow

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (tabbableIndex < range.count && !indexes.includes(tabbableIndex)) {
        indexes.push(tabbableIndex)
        indexes.sort((a, b) => a - b)
      }
      return indexes
    },
    [tabbableIndex]
  )
  // TanStack Virtual's hook hands back fresh functions each render by design; the grid memoizes its rows itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect: NO_LAYOUT,
    rangeExtractor,
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : NO_LAYOUT))
  })
  const onKeyDown = useGridKeys(rows, activeRow, virtualizer, scrollRef, props.onOpen)

  const style = {
    '--jobs-grid-columns': gridTemplate(columns),
    '--jobs-grid-row-height': `${ROW_HEIGHT}px`,
    '--jobs-grid-border': token.colorBorderSecondary,
    '--jobs-grid-head': token.colorFillAlter,
    '--jobs-grid-hover': token.colorFillQuaternary,
    '--jobs-grid-selected': `color-mix(in srgb, ${token.colorPrimary} 14%, transparent)`,
    '--jobs-grid-bg': token.colorBgContainer,
    '--jobs-grid-focus': token.colorPrimary,
    '--jobs-grid-link': token.colorLink,
    '--jobs-grid-muted': token.colorTextTertiary,
    background: token.colorBgContainer,
    borderRadius: token.borderRadiusLG,
    border: `1px solid ${token.colorBorderSecondary}`
  } as CSSProperties

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={t('jobs.tableLabel')}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      className="jobs-grid"
      data-testid="jobs-table"
      style={style}
    >
      <JobsGridHeader columns={columns} sort={props.sort} onSort={props.onSort} />
      <div
        role="rowgroup"
        className="jobs-grid-body"
        style={{ height: rows.length === 0 ? ROW_HEIGHT : virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {rows.length === 0 && (
          <div role="row" aria-rowindex={2} className="jobs-grid-row jobs-grid-empty">
            <div role="gridcell" aria-colspan={columns.length}>
              {props.emptyText}
            </div>
          </div>
        )}
        {virtualizer.getVirtualItems().map((item, _, items) => {
          const row = rows[item.index]
          const server = servers[row.profileId]
          return (
            <JobGridRow
              key={rowKey(item.index, items, tabbableIndex)}
              row={row}
              index={item.index}
              start={item.start - HEADER_HEIGHT}
              columns={columns}
              active={item.index === activeIndex}
              tabbable={item.index === tabbableIndex}
              serverName={server?.name ?? row.profileId}
              serverStale={server?.stale ?? null}
              health={health[row.profileId]?.[row.job.id]}
              live={server?.live ?? false}
              onOpen={props.onOpen}
              onActivate={activeRow.activate}
            />
          )
        })}
      </div>
    </div>
  )
}

/**
 * The row's place modulo ROW_SLOTS; for a keyboard row far away that shares a rendered row's slot, its own index.
 * (The focus follows its job through a re-sort by `useGridKeys`, not by the key: a key that changed on focus would
 * remount the row being focused.)
 */
function rowKey(index: number, items: readonly VirtualItem[], keyboardIndex: number): string {
  const slot = index % ROW_SLOTS
  if (index !== keyboardIndex) return `${slot}`
  const shared = items.some((other) => other.index !== index && other.index % ROW_SLOTS === slot)
  return shared ? `far-${index}` : `${slot}`
}

/** The width rows can use (the scrollbar left out); 0 until laid out, which shows every column. */
function useContentWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => setWidth(element.clientWidth)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return width
}
