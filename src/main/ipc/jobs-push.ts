/**
 * The `jobs:snapshot` channel at the IPC edge (issue 23): a session's job update becomes a whole list or a delta
 * (what the session model found changed), two of one profile in one 50 ms batch merge into one, and a poll that
 * found nothing new sends nothing. Its `asOf` is held here, and pushed as an empty delta just before the profile's
 * next connection state: the renderer shows no age while live, and the true age of its last poll once not.
 */
import type { JobsDeltaPush, JobsPush, PushChannels } from '../../shared/ipc/contract'
import { applyJobsDelta, isEmptyDelta, mergeJobsDeltas } from '../../shared/jobs-delta'
import type { Fresh, StatusCounts } from '../../shared/models'
import type { SessionUpdate } from '../../shared/session'

export type JobsItem = PushChannels['jobs:snapshot'][number]
type JobsUpdate = Extract<SessionUpdate, { type: 'jobs' }>

export function isDeltaItem(item: JobsItem): item is JobsDeltaPush {
  return 'delta' in item
}

/** The item a job update is pushed as, or null when the poll found nothing the renderer lacks. */
export function jobsItemOf(profileId: string, update: JobsUpdate): JobsItem | null {
  const { changes } = update
  if (!changes || changes.full) return { profileId, jobs: update.jobs, counts: update.counts }
  const delta = { asOf: update.jobs.asOf, upserts: changes.upserts, removed: changes.removed }
  if (isEmptyDelta(delta) && !changes.countsChanged) return null
  // The counts (a few hundred bytes) ride along whenever something is sent, so their age stays the list's.
  return { profileId, delta, counts: update.counts }
}

/**
 * `first` then `second` of one profile as one item. Why not the latest alone, as for other snapshots: a delta
 * replacing an unsent one would lose its rows.
 */
export function mergeJobsItems(first: JobsItem, second: JobsItem): JobsItem {
  const counts = second.counts ?? first.counts
  if (!isDeltaItem(second)) return { ...second, counts }
  if (isDeltaItem(first))
    return {
      profileId: second.profileId,
      delta: mergeJobsDeltas(first.delta, second.delta),
      counts
    }
  const merged: JobsPush = {
    profileId: second.profileId,
    jobs: {
      value: applyJobsDelta(first.jobs.value, second.delta),
      asOf: Math.max(first.jobs.asOf, second.delta.asOf),
      stale: false
    },
    counts
  }
  return merged
}

/** The `asOf` (and counts) of each profile's polls that found nothing new since its last pushed jobs item. */
export class IdleJobPolls {
  private readonly held = new Map<string, { asOf: number; counts: Fresh<StatusCounts> | null }>()

  note(profileId: string, update: JobsUpdate): void {
    this.held.set(profileId, { asOf: update.jobs.asOf, counts: update.counts })
  }

  clear(profileId: string): void {
    this.held.delete(profileId)
  }

  /** The held `asOf` as an empty delta (null when none is held); forgets it. */
  take(profileId: string): JobsDeltaPush | null {
    const held = this.held.get(profileId)
    if (!held) return null
    this.held.delete(profileId)
    return { profileId, delta: { asOf: held.asOf, upserts: [], removed: [] }, counts: held.counts }
  }
}
