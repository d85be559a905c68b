/**
 * What the palette can reach, as search entries: every view, its commands, every job of every server (each
 * server's latest list, cached or live), and the recent items first when nothing is typed. Pure: the component
 * passes the store's jobs and its words; the tests pass 6,000 jobs.
 */
import type { Fresh, Job, JobStatus } from '../../../../shared/models'
import type { ServerProfile } from '../../../../shared/profiles'
import { VIEWS, type ViewName } from '../../store/ui-slice'
import { searchable, type PaletteKind, type SearchEntry } from './palette-search'
import type { RecentItem } from './recent-items'

export type PaletteTarget =
  | { type: 'view'; view: ViewName }
  | { type: 'command'; command: 'shortcuts' }
  | { type: 'job'; profileId: string; jobId: number; name: string; status: JobStatus }

export type PaletteEntry = SearchEntry & { target: PaletteTarget }

/** The words the entries are drawn with (the component passes the UI language's). */
export interface EntryWords {
  view: (view: ViewName) => string
  serverName: (profile: ServerProfile) => string
  shortcuts: string
}

export interface EntrySources {
  profiles: readonly ServerProfile[]
  jobs: Readonly<Record<string, Fresh<Job[]> | undefined>>
  selectedProfileId: string | null
  recent: readonly RecentItem[]
}

const entry = (
  id: string,
  kind: PaletteKind,
  title: string,
  detail: string,
  target: PaletteTarget
): PaletteEntry => searchable({ id, kind, title, detail, target })

function jobEntry(kind: PaletteKind, profileId: string, server: string, job: Job): PaletteEntry {
  return entry(`${kind}:job:${profileId}:${job.id}`, kind, job.name, server, {
    type: 'job',
    profileId,
    jobId: job.id,
    name: job.name,
    status: job.status
  })
}

/**
 * Every entry: views (their English key as the detail, so `jobs` finds 作业), the shortcut sheet, then each
 * server's jobs (the selected server's first).
 */
export function buildEntries(sources: EntrySources, words: EntryWords): PaletteEntry[] {
  const entries: PaletteEntry[] = VIEWS.map((view) =>
    entry(`view:${view}`, 'view', words.view(view), view, { type: 'view', view })
  )
  entries.push(
    entry('command:shortcuts', 'command', words.shortcuts, 'keyboard shortcuts', {
      type: 'command',
      command: 'shortcuts'
    })
  )
  const ordered = [...sources.profiles].sort(
    (a, b) =>
      Number(b.id === sources.selectedProfileId) - Number(a.id === sources.selectedProfileId)
  )
  for (const profile of ordered) {
    const server = words.serverName(profile)
    for (const job of sources.jobs[profile.id]?.value ?? []) {
      entries.push(jobEntry('job', profile.id, server, job))
    }
  }
  return entries
}

/**
 * The recent items as entries, newest first: a job by its server and name (its newest instance when a restart
 * changed the id), a view by its name; a job of a removed server is left out.
 */
export function recentEntries(sources: EntrySources, words: EntryWords): PaletteEntry[] {
  const out: PaletteEntry[] = []
  for (const item of sources.recent) {
    if (item.kind === 'view') {
      out.push(
        entry(`recent:view:${item.view}`, 'recent', words.view(item.view), item.view, {
          type: 'view',
          view: item.view
        })
      )
      continue
    }
    const profile = sources.profiles.find((p) => p.id === item.profileId)
    if (!profile) continue
    const jobs = sources.jobs[profile.id]?.value ?? []
    const job = jobs.find((j) => j.name === item.name) ?? jobs.find((j) => j.id === item.jobId)
    out.push(
      job
        ? jobEntry('recent', profile.id, words.serverName(profile), job)
        : entry(
            `recent:job:${profile.id}:${item.jobId}`,
            'recent',
            item.name,
            words.serverName(profile),
            {
              type: 'job',
              profileId: profile.id,
              jobId: item.jobId,
              name: item.name,
              status: 'UNKNOWN'
            }
          )
    )
  }
  return out
}
