/**
 * The palette's first step, as data: the entries built from the store (only while the palette is open: a closed
 * palette costs no work per jobs poll), searched for the query, with the recent items first when nothing is typed.
 */
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ViewName } from '../../store/ui-slice'
import { useConsole } from '../../store/store-context'
import { useServerName } from '../connection/server-name'
import { buildEntries, recentEntries, type EntryWords, type PaletteEntry } from './palette-entries'
import { searchEntries } from './palette-search'
import {
  addRecent,
  loadRecent,
  saveRecent,
  type RecentItem,
  type RecentStorage
} from './recent-items'

/** The renderer's localStorage, or none where it is denied. */
function storage(): RecentStorage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

export interface PaletteSearch {
  hits: PaletteEntry[]
  total: number
  /** Remembers a chosen job or view as the newest recent item. */
  remember: (item: RecentItem) => void
}

export function usePaletteSearch(query: string): PaletteSearch {
  const { t } = useTranslation()
  const serverName = useServerName()
  const profiles = useConsole((state) => state.profiles)
  const jobs = useConsole((state) => state.jobs)
  const selectedProfileId = useConsole((state) => state.selectedProfileId)
  const [recent, setRecent] = useState<RecentItem[]>(() => loadRecent(storage()))

  const words = useMemo<EntryWords>(
    () => ({
      view: (view: ViewName) => t(`nav.${view}`),
      serverName,
      shortcuts: t('palette.shortcutsCommand')
    }),
    [t, serverName]
  )
  const sources = useMemo(
    () => ({ profiles, jobs, selectedProfileId, recent }),
    [profiles, jobs, selectedProfileId, recent]
  )
  const entries = useMemo(() => buildEntries(sources, words), [sources, words])
  const recents = useMemo(() => recentEntries(sources, words), [sources, words])

  const result = useMemo(() => {
    if (query.trim() !== '') {
      const found = searchEntries(query, entries)
      return { hits: found.hits.map((hit) => hit.entry), total: found.total }
    }
    // Nothing typed: the recent items, then the views and commands (jobs need a word: there may be 6,000).
    const start = [...recents, ...entries.filter((entry) => entry.kind !== 'job')]
    return { hits: start, total: start.length }
  }, [query, entries, recents])

  const remember = useCallback((item: RecentItem) => {
    setRecent((list) => {
      const next = addRecent(list, item)
      saveRecent(storage(), next)
      return next
    })
  }, [])

  return { ...result, remember }
}
