/**
 * The alerts and timeline part of the IPC contract (issue 22): rules, the open alerts with acknowledge and snooze,
 * each server's timeline and its "while you were away" summary. Spliced into `contract.ts` like the job-health part.
 */
import type { ActiveAlert, AlertRulesDocument, SnoozeUntil } from '../alerts'
import type { AwaySummary, TimelineEvent, TimelineQuery } from '../timeline'

export interface AlertsRequestChannels {
  'alerts:rules': { req: void; res: AlertRulesDocument }
  /** Validates and saves; a bad document is refused with a message naming the rule and field. */
  'alerts:save-rules': { req: AlertRulesDocument; res: AlertRulesDocument }
  /** Every open episode (firing or unknown), all servers. */
  'alerts:active': { req: void; res: ActiveAlert[] }
  'alerts:acknowledge': { req: { key: string }; res: void }
  'alerts:snooze': { req: { key: string; until: SnoozeUntil }; res: void }
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

export interface AlertsPushChannels {
  /** The whole list of open episodes after any change; latest wins. */
  'alerts:active': ActiveAlert[][]
  /** New timeline events, concatenated in order. */
  'timeline:event': TimelineEvent[]
  /** A server's summary on return; latest per profile wins. */
  'timeline:away': AwaySummary[]
}

export const ALERTS_REQUEST_CHANNELS = [
  'alerts:rules',
  'alerts:save-rules',
  'alerts:active',
  'alerts:acknowledge',
  'alerts:snooze',
  'timeline:events',
  'timeline:export',
  'timeline:away',
  'timeline:away-seen'
] as const satisfies ReadonlyArray<keyof AlertsRequestChannels>

export const ALERTS_PUSH_CHANNELS = [
  'alerts:active',
  'timeline:event',
  'timeline:away'
] as const satisfies ReadonlyArray<keyof AlertsPushChannels>
