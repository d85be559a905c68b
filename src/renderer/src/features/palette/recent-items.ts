/**
 * What the palette opened recently (jobs and views), newest first, kept in the renderer's own storage so it
 * survives a restart. Bounded in count and in the length of what is kept, and read back defensively: the stored
 * text is ours but may be from an older version, cut short, or edited by hand.
 */
import type { ViewName } from '../../store/ui-slice'
import { VIEWS } from '../../store/ui-slice'

export type RecentItem =
  | { kind: 'view'; view: ViewName }
  /** A job by its server, instance id and name: the name finds its newest instance if a restart changed the id. */
  | { kind: 'job'; profileId: string; jobId: number; name: string }

export const RECENT_LIMIT = 8
export const RECENT_STORAGE_KEY = 'dinky-console.palette.recent'
/** Longer names are cut: a job name comes from a server and is untrusted. */
const MAX_NAME = 300
const MAX_STORED_CHARS = 64_000

/** The part of `Storage` the list needs (tests pass a Map-backed one). */
export interface RecentStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

const sameItem = (a: RecentItem, b: RecentItem): boolean =>
  a.kind === 'view'
    ? b.kind === 'view' && a.view === b.view
    : b.kind === 'job' && a.profileId === b.profileId && a.name === b.name

/** `item` first, an older copy of it dropped, at most RECENT_LIMIT kept. */
export function addRecent(list: readonly RecentItem[], item: RecentItem): RecentItem[] {
  const kept: RecentItem =
    item.kind === 'job' ? { ...item, name: item.name.slice(0, MAX_NAME) } : item
  return [kept, ...list.filter((other) => !sameItem(other, kept))].slice(0, RECENT_LIMIT)
}

function parseItem(value: unknown): RecentItem | null {
  if (typeof value !== 'object' || value === null) return null
  const item = value as Record<string, unknown>
  if (item['kind'] === 'view' && (VIEWS as readonly unknown[]).includes(item['view'])) {
    return { kind: 'view', view: item['view'] as ViewName }
  }
  const { profileId, jobId, name } = item
  if (
    item['kind'] === 'job' &&
    typeof profileId === 'string' &&
    Number.isSafeInteger(jobId) &&
    typeof name === 'string'
  ) {
    return { kind: 'job', profileId, jobId: jobId as number, name: name.slice(0, MAX_NAME) }
  }
  return null
}

/** The kept list; anything unreadable is skipped, never thrown. */
export function loadRecent(storage: RecentStorage | undefined): RecentItem[] {
  try {
    const text = storage?.getItem(RECENT_STORAGE_KEY)
    if (!text || text.length > MAX_STORED_CHARS) return []
    const parsed: unknown = JSON.parse(text)
    if (!Array.isArray(parsed)) return []
    return parsed
      .slice(0, RECENT_LIMIT)
      .map(parseItem)
      .filter((item): item is RecentItem => item !== null)
  } catch {
    return []
  }
}

/** Keeps the list; a full or unavailable storage only loses the list, never the action that added to it. */
export function saveRecent(storage: RecentStorage | undefined, list: readonly RecentItem[]): void {
  try {
    storage?.setItem(RECENT_STORAGE_KEY, JSON.stringify(list.slice(0, RECENT_LIMIT)))
  } catch {
    // Storage full or denied: the recent list is a convenience.
  }
}
