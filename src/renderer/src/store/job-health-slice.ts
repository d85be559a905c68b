/**
 * Job health per profile (issue 15): every job's summary (Jobs table columns, health dot) and the detail of open
 * drawers, from `jobHealth:update` pushes, the `jobHealth:summaries` load and the drawer's `jobHealth:open` reply.
 * A value never replaces one the server said later.
 */
import type { StateCreator } from 'zustand'
import type { JobHealthPushItem } from '../../../shared/ipc/job-health-channels'
import type { JobHealthDetail, JobHealthSummary } from '../../../shared/job-health'
import type { Fresh } from '../../../shared/models'
import type { ConsoleState } from './console-store'

export interface JobHealthSlice {
  healthSummaries: Record<string, Record<number, JobHealthSummary>>
  /** Profiles whose whole summary list was loaded (pushes keep it current after that); a cache clear forgets it. */
  healthLoaded: Record<string, true>
  healthDetails: Record<string, Record<number, Fresh<JobHealthDetail>>>
  setHealthSummaries: (profileId: string, summaries: readonly JobHealthSummary[]) => void
  setHealthDetail: (profileId: string, detail: Fresh<JobHealthDetail>) => void
}

export const createJobHealthSlice: StateCreator<ConsoleState, [], [], JobHealthSlice> = (set) => ({
  healthSummaries: {},
  healthLoaded: {},
  healthDetails: {},
  setHealthSummaries: (profileId, summaries) =>
    set((state) => {
      const mine = { ...state.healthSummaries[profileId] }
      for (const summary of summaries) {
        const current = mine[summary.instanceId]
        // Not older: an equal one keeps the object the rows hold, so they are not drawn again for it.
        if (!current || current.asOf < summary.asOf) mine[summary.instanceId] = summary
      }
      return {
        healthSummaries: { ...state.healthSummaries, [profileId]: mine },
        healthLoaded: { ...state.healthLoaded, [profileId]: true }
      }
    }),
  setHealthDetail: (profileId, detail) =>
    set((state) => reduceJobHealth(state, [{ profileId, summary: null, detail }]))
})

export function reduceJobHealth(
  state: ConsoleState,
  items: ReadonlyArray<Omit<JobHealthPushItem, 'summary'> & { summary: JobHealthSummary | null }>
): Partial<ConsoleState> {
  const healthSummaries = { ...state.healthSummaries }
  const healthDetails = { ...state.healthDetails }
  // Each profile's records are copied once per batch, not once per item (2,000 jobs a server: the scale bench).
  const copied = new Set<string>()
  const own = <T>(records: Record<string, Record<number, T>>, profileId: string, kind: string) => {
    if (!copied.has(kind + profileId)) {
      copied.add(kind + profileId)
      records[profileId] = { ...records[profileId] }
    }
    return records[profileId]
  }
  for (const { profileId, summary, detail } of items) {
    if (summary) {
      const current = healthSummaries[profileId]?.[summary.instanceId]
      if (!current || current.asOf <= summary.asOf)
        own(healthSummaries, profileId, 's')[summary.instanceId] = summary
    }
    if (detail) {
      const id = detail.value.instanceId
      const current = healthDetails[profileId]?.[id]
      if (!current || current.asOf < detail.asOf || (current.asOf === detail.asOf && current.stale))
        own(healthDetails, profileId, 'd')[id] = detail
    }
  }
  return { healthSummaries, healthDetails }
}
