/**
 * The operator's own alert rules (issue 22), their silences, and the alerts they raise. Plain data: the rules are kept
 * in the settings (the app) or read from a JSON file (`watch --rules`), alerts cross IPC and are printed by the CLI.
 *
 * Times in rules are plain JSON numbers of minutes (fractions allowed: `"minutes": 0.5`); silences use ISO-8601.
 * A rule's scope is `server` (a profile id, profile name or server origin; `*` globs allowed) and `job` (a glob on the
 * job's name); both absent: every job of every server.
 */
import type { JobStatus } from './models'

export type AlertSeverity = 'critical' | 'warning' | 'info'

export const ALERT_RULE_KINDS = [
  'job-status',
  'restarts',
  'checkpoint-failures',
  'no-checkpoint',
  'backpressure',
  'metric',
  'server-stale'
] as const
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number]

interface RuleCommon {
  /** Unique within the document: names the rule in alerts, silences, errors and CLI lines. */
  id: string
  /** Shown instead of the id when given. */
  name?: string
  /** Default `warning`. */
  severity?: AlertSeverity
  /** Server scope (see the module header); absent: every server. */
  server?: string
  /** Job-name glob; absent: every job. Ignored by `server-stale`. */
  job?: string
  /** Announce a long episode again every this many minutes; absent or null: once per episode. */
  repeatMinutes?: number | null
  /** Default true. */
  enabled?: boolean
}

export type AlertRule = RuleCommon &
  (
    | { kind: 'job-status'; statuses: JobStatus[] }
    | { kind: 'restarts'; atLeast: number; withinMinutes: number }
    | { kind: 'checkpoint-failures'; atLeast: number; withinMinutes: number }
    /** Running jobs: no completed checkpoint for `minutes`, or for `intervals` × the job's checkpoint interval. */
    | { kind: 'no-checkpoint'; minutes?: number; intervals?: number }
    | { kind: 'backpressure'; minutes: number }
    /**
     * A Flink metric the console reads (pushed or backfilled) compared with `value` for `forSamples` consecutive
     * samples. `metric` is matched against the end of Dinky's metric id (`0.Source__x.pendingRecords` matches
     * `pendingRecords`); `vertex` narrows it to one vertex id. Any vertex over the line counts.
     */
    | {
        kind: 'metric'
        metric: string
        op: '>' | '<'
        value: number
        forSamples: number
        vertex?: string
      }
    | { kind: 'server-stale'; minutes: number }
  )

/** Maintenance: alerts in scope are tracked but not announced while `from ≤ now < until`. */
export interface AlertSilence {
  id?: string
  server?: string
  job?: string
  /** Only this rule; absent: every rule. */
  rule?: string
  /** ISO-8601; absent: from now. */
  from?: string
  /** ISO-8601. */
  until: string
  comment?: string
}

export interface AlertRulesDocument {
  rules: AlertRule[]
  silences: AlertSilence[]
}

/** `firing` → `resolved` once per episode; `unknown` when its data went stale (the rule holds, nothing fires). */
export type AlertState = 'firing' | 'resolved' | 'unknown'

/** Until when an alert is snoozed: epoch ms, or until the episode resolves. */
export type SnoozeUntil = number | 'resolved'

/** One open episode of a rule on one job (or one server for `server-stale`). */
export interface ActiveAlert {
  /** `profileId \0 ruleId \0 jobId|''`: stable across an episode. */
  key: string
  ruleId: string
  ruleName: string
  kind: AlertRuleKind
  severity: AlertSeverity
  profileId: string
  serverName: string
  /** Job instance id (Dinky's `jobInstance.id`), null for server rules. */
  jobId: number | null
  taskId: number | null
  jobName: string | null
  state: 'firing' | 'unknown'
  /** When the episode started (firing), kept while it is unknown. */
  since: number
  /** While `unknown`: since when the data is stale. */
  unknownSince: number | null
  /** What the rule saw, one line, in English (the CLI's and the timeline's text). */
  detail: string
  acknowledgedAt: number | null
  snoozedUntil: SnoozeUntil | null
  /** The silence that keeps it quiet now, by id or index (`#2`), or null. */
  silencedBy: string | null
}

/** A change of an alert, as the CLI prints it and the timeline records it. */
export interface AlertEvent {
  type: 'alert'
  state: AlertState | 'acknowledged' | 'snoozed' | 'repeat'
  key: string
  rule: string
  kind: AlertRuleKind
  severity: AlertSeverity
  server: string
  profileId: string
  jobId: number | null
  jobName: string | null
  since: number
  at: number
  detail: string
  /** False when a silence, a snooze or an acknowledgement keeps it from being announced. */
  announce: boolean
  snoozedUntil?: SnoozeUntil
}

/** What the app starts with: the three health alarms and the failed-job notification it always had. */
export const DEFAULT_ALERT_RULES: AlertRulesDocument = {
  rules: [
    {
      id: 'job-failed',
      kind: 'job-status',
      statuses: ['FAILED', 'FAILING', 'RESTARTING'],
      severity: 'critical'
    },
    { id: 'checkpoint-failed', kind: 'checkpoint-failures', atLeast: 1, withinMinutes: 10 },
    { id: 'checkpoint-overdue', kind: 'no-checkpoint', intervals: 3 },
    { id: 'backpressure-high', kind: 'backpressure', minutes: 1 },
    { id: 'server-down', kind: 'server-stale', minutes: 5, severity: 'critical' }
  ],
  silences: []
}
