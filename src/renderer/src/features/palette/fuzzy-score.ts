/**
 * Fuzzy matching for the command palette, after fzy's scoring (John Hawthorn's): the query's letters must appear in
 * order; a match at the start of a word (after `_`, `-`, `.`, `/`, a space, or a lower→upper case change) or right
 * after the previous match scores more, and gaps cost a little. So `ocd` finds `ods_order_cdc_to_doris` ahead of a
 * name where the letters are scattered. Pure and allocation-light: a palette scores every job of every server
 * (6,000 names) on each keystroke.
 */

const GAP_LEADING = -0.005
const GAP_TRAILING = -0.005
const GAP_INNER = -0.01
const MATCH_CONSECUTIVE = 1.0
const MATCH_SLASH = 0.9
const MATCH_WORD = 0.8
const MATCH_CAPITAL = 0.7
const MATCH_DOT = 0.6
/** Names past this length are scored on their start: a server's name is untrusted and may be huge. */
export const MAX_SCORED_LENGTH = 256
/** The score of a name equal to the query (case aside): above any partial match. */
export const EXACT_SCORE = 1_000

/** Reused between calls (grown when needed): scoring 6,000 names must not allocate 6,000 arrays. */
let rowD = new Float64Array(MAX_SCORED_LENGTH)
let rowM = new Float64Array(MAX_SCORED_LENGTH)
let starts = new Int32Array(16)

const SLASH = 47
const BACKSLASH = 92
const UNDERSCORE = 95
const DASH = 45
const SPACE = 32
const DOT = 46
const isLower = (code: number) => code >= 97 && code <= 122
const isUpper = (code: number) => code >= 65 && code <= 90

/** What matching at `index` of `text` earns, from the character before it (char codes: no strings made). */
function boundaryBonus(text: string, index: number): number {
  if (index === 0) return MATCH_SLASH
  const before = text.charCodeAt(index - 1)
  if (before === SLASH || before === BACKSLASH) return MATCH_SLASH
  if (before === UNDERSCORE || before === DASH || before === SPACE) return MATCH_WORD
  if (before === DOT) return MATCH_DOT
  if (isLower(before) && isUpper(text.charCodeAt(index))) return MATCH_CAPITAL
  return 0
}

/** True when every character of `query` occurs in `lowerText[0, end)` in order (both already lower case). */
export function isSubsequence(query: string, lowerText: string, end = lowerText.length): boolean {
  let from = 0
  for (let i = 0; i < query.length; i++) {
    const found = lowerText.indexOf(query[i]!, from)
    if (found < 0 || found >= end) return false
    from = found + 1
  }
  return true
}

/**
 * Scores `text` against `query` (lower case, no spaces): null when the query's characters are not all in the text
 * in order, else higher for better matches. `lowerText` is `text.toLowerCase()`, passed in because callers keep it
 * with each entry instead of lowering 6,000 names per keystroke.
 */
export function fuzzyScore(
  query: string,
  text: string,
  lowerText = text.toLowerCase()
): number | null {
  const n = query.length
  const m = Math.min(lowerText.length, MAX_SCORED_LENGTH)
  if (n === 0) return 0
  if (n > m) return null
  // Where each letter's leftmost match lies: no letter can match before it, so each row starts there.
  if (starts.length < n) starts = new Int32Array(n)
  let from = 0
  for (let i = 0; i < n; i++) {
    const found = lowerText.indexOf(query[i]!, from)
    if (found < 0 || found >= m) return null
    starts[i] = found
    from = found + 1
  }
  if (n === lowerText.length) return EXACT_SCORE
  if (rowD.length < 2 * m) {
    rowD = new Float64Array(2 * m)
    rowM = new Float64Array(2 * m)
  }
  // Two rows each (previous and current needle letter), side by side in the buffers.
  let prev = 0
  let cur = m
  for (let i = 0; i < n; i++) {
    const letter = query.charCodeAt(i)
    const gap = i === n - 1 ? GAP_TRAILING : GAP_INNER
    let best = -Infinity
    for (let j = starts[i]!; j < m; j++) {
      if (lowerText.charCodeAt(j) === letter) {
        let score: number
        if (i === 0) score = j * GAP_LEADING + boundaryBonus(text, j)
        else {
          const skipped = rowM[prev + j - 1]! + boundaryBonus(text, j)
          const run = rowD[prev + j - 1]! + MATCH_CONSECUTIVE
          score = skipped > run ? skipped : run
        }
        rowD[cur + j] = score
        best = score > best + gap ? score : best + gap
      } else {
        rowD[cur + j] = -Infinity
        best = best + gap
      }
      rowM[cur + j] = best
    }
    const swap = prev
    prev = cur
    cur = swap
  }
  const score = rowM[prev + m - 1]!
  return Number.isFinite(score) ? score : null
}

/**
 * Where the best match of `query` lies in `text` (indices of the matched characters), for highlighting the few
 * entries shown. Keeps the whole score matrix, so it is called for the shown entries only, never while searching.
 */
export function fuzzyPositions(query: string, text: string): number[] {
  const lower = text.toLowerCase()
  const n = query.length
  const m = Math.min(lower.length, MAX_SCORED_LENGTH)
  if (n === 0 || n > m || !isSubsequence(query, lower, m)) return []
  const D = Array.from({ length: n }, () => new Float64Array(m).fill(-Infinity))
  const M = Array.from({ length: n }, () => new Float64Array(m).fill(-Infinity))
  for (let i = 0; i < n; i++) {
    const gap = i === n - 1 ? GAP_TRAILING : GAP_INNER
    let best = -Infinity
    for (let j = 0; j < m; j++) {
      if (lower[j] === query[i]) {
        let score = -Infinity
        if (i === 0) score = j * GAP_LEADING + boundaryBonus(text, j)
        else if (j > 0) {
          score = Math.max(
            M[i - 1]![j - 1]! + boundaryBonus(text, j),
            D[i - 1]![j - 1]! + MATCH_CONSECUTIVE
          )
        }
        D[i]![j] = score
        best = Math.max(score, best + gap)
      } else best = best + gap
      M[i]![j] = best
    }
  }
  // Walk back from the end, as fzy does: a match is taken where it made the best score, or where the next
  // (already chosen) match required a consecutive one.
  const positions = new Array<number>(n)
  let required = false
  let j = m - 1
  for (let i = n - 1; i >= 0; i--) {
    for (; j >= 0; j--) {
      const d = D[i]![j]!
      if (d !== -Infinity && (required || d === M[i]![j])) {
        required = i > 0 && j > 0 && M[i]![j] === D[i - 1]![j - 1]! + MATCH_CONSECUTIVE
        positions[i] = j--
        break
      }
    }
  }
  return positions
}
