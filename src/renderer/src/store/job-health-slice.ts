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
  healthDetails: Record<string, Record<number, Fresh<JobHealthDetail>>>
  setHealthSummaries: (profileId: string, summaries: readonly JobHealthSummary[]) => void
  setHealthDetail: (profileId: string, detail: Fresh<JobHealthDetail>) => void
}

export const createJobHealthSlice: StateCreator<ConsoleState, [], [], JobHealthSlice> = (set) => ({
  healthSummaries: {},
  healthDetails: {},
  setHealthSummaries: (profileId, summaries) =>
    set((state) => {
      const mine = { ...state.healthSummaries[profileId] }
      for (const summary of summaries) {
        const current = mine[summary.instanceId]
        if (!current || current.asOf <= summary.asOf) mine[summary.instanceId] = summary
      }
      return { healthSummaries: { ...state.healthSummaries, [profileId]: mine } }
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
  for (const { profileId, summary, detail } of items) {
    if (summary) {
      const current = healthSummaries[profileId]?.[summary.instanceId]
      if (!current || current.asOf <= summary.asOf)
        healthSummaries[profileId] = {
          ...healthSummaries[profileId],
          [summary.instanceId]: summary
        }
    }
    if (detail) {
      const id = detail.value.instanceId
      const current = healthDetails[profileId]?.[id]
      if (!current || current.asOf < detail.asOf || (current.asOf === detail.asOf && current.stale))
        healthDetails[profileId] = { ...healthDetails[profileId], [id]: detail }
    }
  }
  return { healthSummaries, healthDetails }
}
