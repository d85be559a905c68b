/**
 * The alerts part of the IPC contract (issue 22): the rules, the open alerts with acknowledge and snooze. Spliced into
 * `contract.ts` like the job-health part.
 */
import type { ActiveAlert, AlertRulesDocument, SnoozeUntil } from '../alerts'

export interface AlertsRequestChannels {
  'alerts:rules': { req: void; res: AlertRulesDocument }
  /** Validates and saves; a bad document is refused with a message naming the rule and field. */
  'alerts:save-rules': { req: AlertRulesDocument; res: AlertRulesDocument }
  /** Every open episode (firing or unknown), all servers. */
  'alerts:active': { req: void; res: ActiveAlert[] }
  'alerts:acknowledge': { req: { key: string }; res: void }
  'alerts:snooze': { req: { key: string; until: SnoozeUntil }; res: void }
}

/**
 * What changed in the open episodes (issue 23: at 2,000 jobs a server holds hundreds, and the whole list after each
 * change was ~170 kB a poll): the episodes new or changed, by key the ones gone; `reset` replaces the whole list.
 */
export interface ActiveAlertsChange {
  reset: boolean
  upserts: ActiveAlert[]
  removed: string[]
}

export interface AlertsPushChannels {
  /** Changes in order; a gap in the channel's numbers is healed by asking `alerts:active` again. */
  'alerts:active': ActiveAlertsChange[]
}

export const ALERTS_REQUEST_CHANNELS = [
  'alerts:rules',
  'alerts:save-rules',
  'alerts:active',
  'alerts:acknowledge',
  'alerts:snooze'
] as const satisfies ReadonlyArray<keyof AlertsRequestChannels>

export const ALERTS_PUSH_CHANNELS = ['alerts:active'] as const satisfies ReadonlyArray<
  keyof AlertsPushChannels
>
