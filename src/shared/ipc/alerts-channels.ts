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

export interface AlertsPushChannels {
  /** The whole list of open episodes after any change; latest wins. */
  'alerts:active': ActiveAlert[][]
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
