/**
 * Job instances, status counts and recent status transitions, per profile. A snapshot never replaces one that
 * the server said later, so a late `session:snapshot` reply cannot roll the table back; between whole lists main
 * sends only what changed (`jobs-delta.ts`).
 */
import type { StateCreator } from 'zustand'
import type { PushChannels } from '../../../shared/ipc/contract'
import { applyJobsDelta } from '../../../shared/jobs-delta'
import type { Fresh, Job, JobTransition, StatusCounts } from '../../../shared/models'
import type { ConsoleState } from './console-store'

export const TRANSITIONS_KEPT = 200

export interface JobsSlice {
  jobs: Record<string, Fresh<Job[]>>
  counts: Record<string, Fresh<StatusCounts>>
  /** Newest first, at most TRANSITIONS_KEPT per profile. */
  transitions: Record<string, JobTransition[]>
}

export const createJobsSlice: StateCreator<ConsoleState, [], [], JobsSlice> = () => ({
  jobs: {},
  counts: {},
  transitions: {}
})

/** True when `incoming` may replace `current`: it is at least as recent, or live data replaces cached data. */
export function supersedes<T>(incoming: Fresh<T>, current: Fresh<T> | undefined): boolean {
  if (!current) return true
  if (incoming.asOf !== current.asOf) return incoming.asOf > current.asOf
  return !incoming.stale || current.stale
}

/**
 * Whole lists replace what is held when they supersede it; deltas (issue 23) are applied to it. A delta older than
 * the list held is already in it (a `session:snapshot` reply overtook it) and is skipped; so is one with no list to
 * apply to, which only happens while that profile's snapshot is on its way, and the snapshot will include it.
 */
export function reduceJobs(
  state: ConsoleState,
  items: PushChannels['jobs:snapshot']
): Partial<ConsoleState> {
  const jobs = { ...state.jobs }
  const counts = { ...state.counts }
  for (const item of items) {
    const current = jobs[item.profileId]
    if ('delta' in item) {
      if (current && item.delta.asOf >= current.asOf) {
        const value = applyJobsDelta(current.value, item.delta)
        jobs[item.profileId] = { value, asOf: item.delta.asOf, stale: false }
      }
    } else if (supersedes(item.jobs, current)) jobs[item.profileId] = item.jobs
    if (item.counts && supersedes(item.counts, counts[item.profileId])) {
      counts[item.profileId] = item.counts
    }
  }
  return { jobs, counts }
}

export function reduceTransitions(
  state: ConsoleState,
  items: PushChannels['jobs:transition']
): Partial<ConsoleState> {
  const transitions = { ...state.transitions }
  for (const { profileId, sessionSeq, ...transition } of items) {
    if (sessionSeq <= (state.sessionFloor[profileId] ?? -1)) continue
    transitions[profileId] = [transition, ...(transitions[profileId] ?? [])].slice(
      0,
      TRANSITIONS_KEPT
    )
  }
  return { transitions }
}
