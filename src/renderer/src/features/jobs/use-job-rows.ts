/**
 * The Jobs table's rows for a scope (the selected server, or every server), sorted then filtered. Each step is
 * memoized on what it reads: a poll of one server rebuilds that server's rows only (`serverRows`), one that changed
 * nothing rebuilds none (`mergedRows`); the one sort runs when the rows or the sort change, not while typing a
 * filter, which is a single pass over the sorted rows.
 */
import { useEffect, useMemo } from 'react'
import type { Fresh, Job } from '../../../../shared/models'
import type { ServerProfile } from '../../../../shared/profiles'
import type { JobHealthSummary } from '../../../../shared/job-health'
import { useConsole } from '../../store/store-context'
import type { JobsScope } from '../../store/ui-slice'
import { filterRows, mergedRows, type JobRow, type RowFilter } from './job-rows'
import { sortRows, warmNameRanks, type JobSort, type SortColumn } from './job-sort'

const HEALTH_SORTS: readonly SortColumn[] = ['lastCheckpoint', 'failedCheckpoints']
const NO_JOBS: Record<string, Fresh<Job[]>> = {}
const NO_ROWS: Job[] = []

export interface ScopedRows {
  /** Sorted and filtered: what the table shows. */
  rows: readonly JobRow[]
  /** The profiles in scope, in the switcher's order. */
  profiles: readonly ServerProfile[]
  jobs: Readonly<Record<string, Fresh<Job[]>>>
}

export function useJobRows(
  scope: JobsScope,
  filter: RowFilter,
  sort: JobSort,
  serverName: (profile: ServerProfile) => string
): ScopedRows {
  const allProfiles = useConsole((state) => state.profiles)
  const selectedId = useConsole((state) => state.selectedProfileId)
  // Per-server scope subscribes to its own server's list: another server's poll does not re-render the table.
  const allJobs = useConsole((state) => (scope === 'all' ? state.jobs : NO_JOBS))
  const oneJobs = useConsole((state) => state.jobs[state.selectedProfileId ?? ''])
  const healthSummaries = useConsole((state) => state.healthSummaries)

  const profiles = useMemo(
    () =>
      scope === 'all' ? allProfiles : allProfiles.filter((profile) => profile.id === selectedId),
    [scope, allProfiles, selectedId]
  )
  const jobs = useMemo(
    () => (scope === 'all' ? allJobs : oneJobs && selectedId ? { [selectedId]: oneJobs } : NO_JOBS),
    [scope, allJobs, oneJobs, selectedId]
  )

  const merged = mergedRows(
    profiles.map((profile) => [profile.id, jobs[profile.id]?.value ?? NO_ROWS] as const)
  )

  // What else a sort reads, only for the columns that read it: a poll moving `asOf` re-sorts nothing.
  const health = HEALTH_SORTS.includes(sort.column) ? healthSummaries : null
  const live =
    sort.column === 'duration'
      ? profiles.map((profile) => (jobs[profile.id]?.stale === false ? profile.id : '')).join('\n')
      : ''
  const sorted = useMemo(() => {
    const rank = serverRanks(profiles, serverName)
    const liveIds = new Set(live.split('\n'))
    return sortRows(merged, sort, {
      now: Date.now,
      live: (profileId) => liveIds.has(profileId),
      serverRank: (profileId) => rank.get(profileId) ?? 0,
      health: (row) => summaryOf(health, row)
    })
  }, [merged, sort, profiles, serverName, live, health])

  useEffect(() => whenIdle(() => warmNameRanks(merged)), [merged])

  const rows = useMemo(() => filterRows(sorted, filter), [sorted, filter])
  return { rows, profiles, jobs }
}

function summaryOf(
  health: Record<string, Record<number, JobHealthSummary>> | null,
  row: JobRow
): JobHealthSummary | undefined {
  return health?.[row.profileId]?.[row.job.id]
}

/** Each server's place in name order, as the Server column shows them. */
function serverRanks(
  profiles: readonly ServerProfile[],
  serverName: (profile: ServerProfile) => string
): Map<string, number> {
  const names = profiles.map((profile) => ({ id: profile.id, name: serverName(profile) }))
  names.sort((a, b) => a.name.localeCompare(b.name))
  return new Map(names.map((entry, index) => [entry.id, index]))
}

/** Runs `work` when the page is idle (within 2 s at the latest); the returned function cancels it. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'undefined') {
    const timer = setTimeout(work, 200)
    return () => clearTimeout(timer)
  }
  const handle = requestIdleCallback(work, { timeout: 2_000 })
  return () => cancelIdleCallback(handle)
}
