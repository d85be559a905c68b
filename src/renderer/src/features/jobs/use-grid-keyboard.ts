/**
 * The Jobs table's keyboard: one tab stop (the active row, else the first: a roving tabindex), arrow keys, Page
 * Up/Down, Home and End move the active row, scroll it into view and focus it; Enter opens its drawer. The active
 * row is a job, not a place, so it stays itself while the list is sorted, filtered or refreshed.
 */
import type { Virtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject
} from 'react'
import { ROW_HEIGHT } from './job-columns'
import type { JobRow } from './job-rows'

interface ActiveJob {
  profileId: string
  jobId: number
}

export interface ActiveRow {
  /** -1 when no row is active (or it was filtered out). */
  activeIndex: number
  /** The row Tab lands on. */
  tabbableIndex: number
  activate: (row: JobRow) => void
}

export function useActiveRow(rows: readonly JobRow[]): ActiveRow {
  const [active, setActive] = useState<ActiveJob | null>(null)
  const activeIndex = useMemo(
    () =>
      active === null
        ? -1
        : rows.findIndex(
            (row) => row.job.id === active.jobId && row.profileId === active.profileId
          ),
    [rows, active]
  )
  const activate = useCallback(
    (row: JobRow) =>
      setActive((current) =>
        current?.jobId === row.job.id && current.profileId === row.profileId
          ? current
          : { profileId: row.profileId, jobId: row.job.id }
      ),
    []
  )
  return { activeIndex, tabbableIndex: Math.max(0, activeIndex), activate }
}

/** The row group's key handler; rows are `[role=row][data-index]` under `scrollRef`. */
export function useGridKeys(
  rows: readonly JobRow[],
  { activeIndex, tabbableIndex, activate }: ActiveRow,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  scrollRef: RefObject<HTMLDivElement | null>,
  onOpen: (row: JobRow) => void
): (event: KeyboardEvent<HTMLElement>) => void {
  const focusIndex = useRef<number | null>(null)

  // After a move the row is in the DOM (the range always holds the active row): focus it, without a second scroll.
  // Rows are keyed by place, so after a re-sort the focused element shows another job: the focus goes after its job.
  useLayoutEffect(() => {
    const moved = focusIndex.current
    if (moved !== null && moved !== activeIndex) return
    focusIndex.current = null
    const focused = document.activeElement
    const grid = scrollRef.current
    if (moved === null) {
      const onRow = grid?.contains(focused) && focused?.getAttribute('role') === 'row'
      if (!onRow || activeIndex < 0) return
      if (focused.getAttribute('data-index') === String(activeIndex)) return
    }
    grid
      ?.querySelector<HTMLElement>(`[role="row"][data-index="${activeIndex}"]`)
      ?.focus({ preventScroll: true })
  })

  return (event) => {
    if ((event.target as HTMLElement).getAttribute('role') !== 'row' || rows.length === 0) return
    const last = rows.length - 1
    const current = Math.min(activeIndex >= 0 ? activeIndex : tabbableIndex, last)
    const page = Math.max(1, Math.floor((virtualizer.scrollRect?.height ?? 0) / ROW_HEIGHT) - 2)
    let next: number
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(last, current + 1)
        break
      case 'ArrowUp':
        next = Math.max(0, current - 1)
        break
      case 'PageDown':
        next = Math.min(last, current + page)
        break
      case 'PageUp':
        next = Math.max(0, current - page)
        break
      case 'Home':
        next = 0
        break
      case 'End':
        next = last
        break
      case 'Enter':
        event.preventDefault()
        onOpen(rows[current])
        return
      default:
        return
    }
    event.preventDefault()
    focusIndex.current = next
    activate(rows[next])
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }
}
