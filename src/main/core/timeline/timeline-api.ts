/**
 * What the app and the CLI ask of a server's timeline (issue 22). The timeline is a session module beside sync
 * (`session.timeline`): it records what the session sees (status changes, restarts, checkpoint failures grouped,
 * savepoints, gaps, the console's own job actions), keeps it in the server's cache (`timeline.json`, bounded by age
 * and count) and computes the "while you were away" summary from the cached state against the first live one.
 */
import type { AwaySummary, TimelineEvent, TimelineQuery } from '../../../shared/timeline'

/** An event as recorded: the timeline gives it its id and profile. */
export type TimelineRecord = TimelineEvent extends infer E
  ? E extends TimelineEvent
    ? Omit<E, 'id' | 'profileId'>
    : never
  : never

export interface ServerTimeline {
  readonly profileId: string
  /** Adds an event from outside the session (alerts); returns it with its id. */
  record(event: TimelineRecord): TimelineEvent
  /** Newest first. */
  events(query?: TimelineQuery): TimelineEvent[]
  /** The summary of the last return, until `markSeen`; null when nothing to tell or not yet live. */
  away(): AwaySummary | null
  markSeen(): void
  subscribe(listener: (event: TimelineEvent) => void): () => void
  /** Every change of the away summary (computed on the first live state after a return, or dismissed). */
  onAway(listener: (summary: AwaySummary | null) => void): () => void
}
