/**
 * The derived state of a log viewer: visible rows after the level filter (frozen at the pause point while paused),
 * search matches, and how many lines arrived since the pause. Store changes are sampled at most every
 * `sampleMs`, so 20 batches a second of a busy log cost a few renders, not twenty regex scans.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { LineRing } from '../../logs/line-ring'
import type { LogLevel } from '../../logs/log-level'
import { compileSearch, findMatches, levelMask, selectRows } from '../../logs/log-query'

export interface LogViewOptions {
  levels: readonly LogLevel[]
  search: string
  /** Absolute line number the view is frozen at, or null while following. */
  pausedEnd: number | null
  sampleMs?: number
}

/**
 * Follows a changing value, but at most once per `ms`. A throttle, not a debounce: the timer is not restarted
 * while the value keeps changing, or a log that changes more often than every `ms` would never be shown. It is
 * re-armed after every sample that leaves it still behind: a sample can land in the same render as a newer value
 * (the timer's update batched with the next store push), and a timer armed only when `behind` flips would then
 * never run again, freezing the viewer while the log grows.
 */
export function useSampled<T>(value: T, ms: number): T {
  const [sampled, setSampled] = useState(value)
  const latest = useRef(value)
  useEffect(() => {
    latest.current = value
  })
  const behind = !Object.is(sampled, value)
  useEffect(() => {
    if (!behind) return
    const timer = setTimeout(() => setSampled(latest.current), ms)
    return () => clearTimeout(timer)
    // `sampled`, not `value`: a new sample re-arms the timer, a new value does not restart it.
  }, [behind, sampled, ms])
  return sampled
}

/**
 * Rows, line count and new-line count come from one sample of the ring, so the toolbar never counts lines the
 * list does not draw yet ("158 of 159 lines" while following).
 */
export function useLogView(ring: LineRing, version: number, options: LogViewOptions) {
  const sampledVersion = useSampled(version, options.sampleMs ?? 150)
  const mask = levelMask(options.levels)
  const { pausedEnd } = options
  const sample = useMemo(
    () => ({
      rows: selectRows(ring, mask, pausedEnd ?? ring.end),
      total: ring.size,
      end: ring.end
    }),
    // The ring mutates in place; `sampledVersion` is what says it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ring, mask, pausedEnd, sampledVersion]
  )
  const { rows, total, end } = sample
  const search = useMemo(() => compileSearch(options.search), [options.search])
  const regex = search.ok ? search.regex : null
  const matches = useMemo(() => findMatches(ring, rows, regex), [ring, rows, regex])
  const newLines = pausedEnd === null ? 0 : Math.max(0, end - pausedEnd)
  return { rows, search, regex, matches, newLines, total }
}
