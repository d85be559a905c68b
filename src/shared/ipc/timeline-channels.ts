/**
 * The timeline part of the IPC contract (issue 22): each server's timeline, its export, and the "while you were away"
 * summary. Spliced into `contract.ts` like the job-health part.
 */
import type { AwaySummary, TimelineEvent, TimelineQuery } from '../timeline'

export interface TimelineRequestChannels {
  'timeline:events': { req: { profileId: string; query: TimelineQuery }; res: TimelineEvent[] }
  /** Saves the timeline (one job's, or the server's) through a save dialog. */
  'timeline:export': {
    req: { profileId: string; jobId: number | null; format: 'csv' | 'json' }
    res: { path: string | null }
  }
  /** The summaries not yet dismissed. */
  'timeline:away': { req: void; res: AwaySummary[] }
  'timeline:away-seen': { req: { profileId: string }; res: void }
}

export interface TimelinePushChannels {
  /** New timeline events, concatenated in order. */
  'timeline:event': TimelineEvent[]
  /** A server's summary on return (null summary: dismissed); latest per profile wins. */
  'timeline:away': Array<{ profileId: string; summary: AwaySummary | null }>
}

export const TIMELINE_REQUEST_CHANNELS = [
  'timeline:events',
  'timeline:export',
  'timeline:away',
  'timeline:away-seen'
] as const satisfies ReadonlyArray<keyof TimelineRequestChannels>

export const TIMELINE_PUSH_CHANNELS = [
  'timeline:event',
  'timeline:away'
] as const satisfies ReadonlyArray<keyof TimelinePushChannels>
