/**
 * The timeline per profile (issue 22): the most recent events of each server, from the Overview's loads and the
 * `timeline:event` pushes, and the "while you were away" summary of each server from `timeline:away`. Bounded: a
 * server keeps its newest {@link RECENT_EVENTS} here; the job drawer asks main for a job's longer history.
 */
import type { StateCreator } from 'zustand'
import type { TimelinePushChannels } from '../../../shared/ipc/timeline-channels'
import type { AwaySummary, TimelineEvent } from '../../../shared/timeline'
import type { ConsoleState } from './console-store'

/** How many events per server the store keeps for the Overview and live updates of an open drawer. */
export const RECENT_EVENTS = 300

export interface TimelineSlice {
  /** Newest first, at most RECENT_EVENTS per profile. */
  timelineRecent: Record<string, TimelineEvent[]>
  /** Absent: not known yet; null: nothing to tell, or dismissed. */
  awaySummaries: Record<string, AwaySummary | null>
  addTimelineEvents: (events: readonly TimelineEvent[]) => void
  /** The `timeline:away` answer: fills the profiles not yet known (a push may already have said more). */
  loadAwaySummaries: (summaries: readonly AwaySummary[], profileIds: readonly string[]) => void
  /** Dismissed here at once; main is told with `timeline:away-seen`. */
  dismissAway: (profileId: string) => void
}

export const createTimelineSlice: StateCreator<ConsoleState, [], [], TimelineSlice> = (set) => ({
  timelineRecent: {},
  awaySummaries: {},
  addTimelineEvents: (events) => set((state) => reduceTimelineEvents(state, events)),
  loadAwaySummaries: (summaries, profileIds) =>
    set((state) => {
      const next = { ...state.awaySummaries }
      for (const profileId of profileIds) {
        if (next[profileId] !== undefined) continue
        next[profileId] = summaries.find((summary) => summary.profileId === profileId) ?? null
      }
      return { awaySummaries: next }
    }),
  dismissAway: (profileId) =>
    set((state) => ({ awaySummaries: { ...state.awaySummaries, [profileId]: null } }))
})

/** Events by profile, merged by id (a grown checkpoint-failure streak or a closed gap replaces its earlier self). */
export function reduceTimelineEvents(
  state: ConsoleState,
  events: readonly TimelineEvent[]
): Partial<ConsoleState> {
  const byProfile = new Map<string, TimelineEvent[]>()
  for (const event of events) {
    const list = byProfile.get(event.profileId) ?? []
    list.push(event)
    byProfile.set(event.profileId, list)
  }
  const timelineRecent = { ...state.timelineRecent }
  for (const [profileId, added] of byProfile) {
    timelineRecent[profileId] = mergeEvents(timelineRecent[profileId] ?? [], added, RECENT_EVENTS)
  }
  return { timelineRecent }
}

export function reduceAwayPush(
  state: ConsoleState,
  items: TimelinePushChannels['timeline:away']
): Partial<ConsoleState> {
  const awaySummaries = { ...state.awaySummaries }
  for (const { profileId, summary } of items) awaySummaries[profileId] = summary
  return { awaySummaries }
}

/** Both lists' events, one per id (the later list's wins), newest first, at most `limit`. */
export function mergeEvents(
  current: readonly TimelineEvent[],
  added: readonly TimelineEvent[],
  limit: number
): TimelineEvent[] {
  const byId = new Map<string, TimelineEvent>()
  for (const event of current) byId.set(event.id, event)
  for (const event of added) byId.set(event.id, event)
  return [...byId.values()].sort(newestFirst).slice(0, limit)
}

/** By time; events of one millisecond by the number their id ends with (`<at>-<n>`), the later recorded first. */
function newestFirst(a: TimelineEvent, b: TimelineEvent): number {
  return b.at - a.at || idNumber(b.id) - idNumber(a.id)
}

function idNumber(id: string): number {
  const n = Number(id.slice(id.lastIndexOf('-') + 1))
  return Number.isFinite(n) ? n : 0
}
