/**
 * The log viewer's queries over a LineRing, kept pure so they can be measured at 100,000 lines without a layout
 * engine: which lines a level filter keeps, which of those match a search, and where the next match is.
 */
import type { LineRing } from './line-ring'
import { LEVEL_CODE, type LogLevel } from './log-level'

/** A bit per level code, so the per-line filter test is one AND. */
export function levelMask(levels: readonly LogLevel[]): number {
  let mask = 0
  for (const level of levels) mask |= 1 << LEVEL_CODE[level]
  return mask
}

export const ALL_LEVELS_MASK = levelMask(['ERROR', 'WARN', 'INFO', 'DEBUG'])

/** Absolute numbers of the retained lines before `end` whose level passes `mask`. */
export function selectRows(ring: LineRing, mask: number, end = ring.end): Int32Array {
  const last = Math.min(end, ring.end)
  if (mask === ALL_LEVELS_MASK) {
    const rows = new Int32Array(Math.max(0, last - ring.first))
    for (let i = 0; i < rows.length; i++) rows[i] = ring.first + i
    return rows
  }
  const picked: number[] = []
  for (let n = ring.first; n < last; n++) if ((mask >> ring.level(n)) & 1) picked.push(n)
  return Int32Array.from(picked)
}

export type CompiledSearch = { ok: true; regex: RegExp | null } | { ok: false; error: string }

/** Compiles the search box; an invalid pattern is an inline message, never an exception. */
export function compileSearch(pattern: string, caseSensitive = false): CompiledSearch {
  if (pattern === '') return { ok: true, regex: null }
  try {
    return { ok: true, regex: new RegExp(pattern, caseSensitive ? '' : 'i') }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/** Row indices (positions in `rows`) whose line matches. */
export function findMatches(ring: LineRing, rows: Int32Array, regex: RegExp | null): Int32Array {
  if (!regex) return new Int32Array(0)
  const found: number[] = []
  for (let i = 0; i < rows.length; i++) {
    const line = ring.line(rows[i])
    if (line !== undefined && regex.test(line)) found.push(i)
  }
  return Int32Array.from(found)
}

/** The match after (direction 1) or before (-1) row `from`, wrapping around; -1 when there is none. */
export function stepMatch(matches: Int32Array, from: number, direction: 1 | -1): number {
  if (matches.length === 0) return -1
  if (direction === 1) {
    for (const row of matches) if (row > from) return row
    return matches[0]
  }
  for (let i = matches.length - 1; i >= 0; i--) if (matches[i] < from) return matches[i]
  return matches[matches.length - 1]
}

/** Position of absolute line `line` in `rows` (sorted), or -1 when it is filtered out or gone. */
export function rowIndexOf(rows: Int32Array, line: number): number {
  let low = 0
  let high = rows.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (rows[mid] === line) return mid
    if (rows[mid] < line) low = mid + 1
    else high = mid - 1
  }
  return -1
}
