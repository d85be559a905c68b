/**
 * The palette's search: every entry (views, commands, every job of every server) scored against the typed words,
 * best first, cut to what the list shows. Each word must match the entry's title or its detail (a job's server, a
 * view's English name): `order prod` finds the order jobs of the production server. Pure: the component passes the
 * entries it built from the store, the tests pass 6,000 made-up jobs and time it.
 */
import { fuzzyScore } from './fuzzy-score'

export type PaletteKind = 'recent' | 'view' | 'command' | 'job'

export interface SearchEntry {
  /** Unique in the list; also the option's DOM id suffix. */
  id: string
  kind: PaletteKind
  title: string
  /** Matched too, worth less: a job's server name, a view's English name in a Chinese UI. */
  detail: string
  /** `title` and `detail` lower-cased once, when the entry is built. */
  titleLower: string
  detailLower: string
}

export interface SearchHit<E extends SearchEntry> {
  entry: E
  score: number
}

/** How many entries the list shows: a list of 6,000 options would cost more to draw than the search. */
export const SHOWN_LIMIT = 50
/** A word that matches only the detail counts this much less than a match in the title. */
const DETAIL_PENALTY = 0.5
/** At equal scores, views and commands come before jobs (there are few of them, and they are what a word means). */
const KIND_ORDER: Record<PaletteKind, number> = { recent: 0, view: 1, command: 2, job: 3 }

/** Builds an entry's lower-cased fields. */
export function searchable<E extends Omit<SearchEntry, 'titleLower' | 'detailLower'>>(
  entry: E
): E & Pick<SearchEntry, 'titleLower' | 'detailLower'> {
  return {
    ...entry,
    titleLower: entry.title.toLowerCase(),
    detailLower: entry.detail.toLowerCase()
  }
}

/** The typed words, lower case. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean)
}

/** One entry's score for the words, or null when a word matches neither its title nor its detail. */
export function scoreEntry(words: readonly string[], entry: SearchEntry): number | null {
  let total = 0
  for (const word of words) {
    const inTitle = fuzzyScore(word, entry.title, entry.titleLower)
    if (inTitle !== null) {
      total += inTitle
      continue
    }
    const inDetail = fuzzyScore(word, entry.detail, entry.detailLower)
    if (inDetail === null) return null
    total += inDetail - DETAIL_PENALTY
  }
  return total
}

/**
 * The best `limit` entries for `query`, best first (ties: views and commands first, then shorter titles, then the
 * entries' order), with the number that matched in all. An empty query keeps the entries' order.
 */
export function searchEntries<E extends SearchEntry>(
  query: string,
  entries: readonly E[],
  limit = SHOWN_LIMIT
): { hits: Array<SearchHit<E>>; total: number } {
  const words = queryWords(query)
  if (words.length === 0) {
    return {
      hits: entries.slice(0, limit).map((entry) => ({ entry, score: 0 })),
      total: entries.length
    }
  }
  // The best `limit` kept in order as the entries stream by: 6,000 matches are never sorted, only compared with
  // the worst kept one.
  const best: Array<SearchHit<E>> = []
  let total = 0
  for (const entry of entries) {
    const score = scoreEntry(words, entry)
    if (score === null) continue
    total++
    const hit = { entry, score }
    if (best.length === limit && !before(hit, best[limit - 1]!)) continue
    let at = best.length
    while (at > 0 && before(hit, best[at - 1]!)) at--
    best.splice(at, 0, hit)
    if (best.length > limit) best.pop()
  }
  return { hits: best, total }
}

/** Whether `a` goes before `b`: higher score, then views and commands, then the shorter title (then the order). */
function before(a: SearchHit<SearchEntry>, b: SearchHit<SearchEntry>): boolean {
  if (a.score !== b.score) return a.score > b.score
  const kind = KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind]
  if (kind !== 0) return kind < 0
  return a.entry.title.length < b.entry.title.length
}
