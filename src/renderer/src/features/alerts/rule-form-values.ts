/**
 * Between a rule and the editor's form (issue 22): the form has one flat set of fields, of which the rule's kind
 * uses a few; a rule is built from exactly those, with empty text left out. Numbers go through as typed (fractions
 * such as 0.5 minutes are valid); whether they make sense is main's to judge (`parseAlertRules`), so the editor
 * shows main's message rather than guessing.
 */
import type { AlertRule, AlertRuleKind, AlertSeverity } from '../../../../shared/alerts'
import type { JobStatus } from '../../../../shared/models'

export interface RuleFormValues {
  id: string
  name?: string
  kind: AlertRuleKind
  severity: AlertSeverity
  server?: string
  job?: string
  enabled: boolean
  repeatMinutes?: number | null
  statuses?: JobStatus[]
  atLeast?: number | null
  withinMinutes?: number | null
  noCheckpointBy?: 'minutes' | 'intervals'
  minutes?: number | null
  intervals?: number | null
  metric?: string
  op?: '>' | '<'
  value?: number | null
  forSamples?: number | null
  vertex?: string
}

/** The form of a new rule of `kind`, with the defaults a person would most likely pick. */
export function newRuleValues(kind: AlertRuleKind = 'job-status'): RuleFormValues {
  return {
    id: '',
    kind,
    severity: 'warning',
    enabled: true,
    statuses: ['FAILED'],
    atLeast: 3,
    withinMinutes: 10,
    noCheckpointBy: 'minutes',
    minutes: 5,
    intervals: 3,
    op: '>',
    forSamples: 3
  }
}

export function ruleToValues(rule: AlertRule): RuleFormValues {
  const values: RuleFormValues = {
    ...newRuleValues(rule.kind),
    id: rule.id,
    name: rule.name,
    severity: rule.severity ?? 'warning',
    server: rule.server,
    job: rule.job,
    enabled: rule.enabled ?? true,
    repeatMinutes: rule.repeatMinutes ?? null
  }
  switch (rule.kind) {
    case 'job-status':
      return { ...values, statuses: rule.statuses }
    case 'restarts':
    case 'checkpoint-failures':
      return { ...values, atLeast: rule.atLeast, withinMinutes: rule.withinMinutes }
    case 'no-checkpoint':
      return rule.minutes !== undefined
        ? { ...values, noCheckpointBy: 'minutes', minutes: rule.minutes }
        : { ...values, noCheckpointBy: 'intervals', intervals: rule.intervals ?? 3 }
    case 'backpressure':
    case 'server-stale':
      return { ...values, minutes: rule.minutes }
    case 'metric':
      return {
        ...values,
        metric: rule.metric,
        op: rule.op,
        value: rule.value,
        forSamples: rule.forSamples,
        vertex: rule.vertex
      }
  }
}

const text = (value: string | undefined) => {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}
/** A number field as typed; an empty one becomes NaN, which main refuses by name. */
const num = (value: number | null | undefined) => (typeof value === 'number' ? value : NaN)

export function valuesToRule(values: RuleFormValues): AlertRule {
  const common = {
    id: values.id.trim(),
    ...(text(values.name) ? { name: text(values.name) } : {}),
    severity: values.severity,
    ...(text(values.server) ? { server: text(values.server) } : {}),
    ...(values.kind !== 'server-stale' && text(values.job) ? { job: text(values.job) } : {}),
    ...(typeof values.repeatMinutes === 'number' ? { repeatMinutes: values.repeatMinutes } : {}),
    ...(values.enabled ? {} : { enabled: false })
  }
  switch (values.kind) {
    case 'job-status':
      return { ...common, kind: 'job-status', statuses: values.statuses ?? [] }
    case 'restarts':
    case 'checkpoint-failures':
      return {
        ...common,
        kind: values.kind,
        atLeast: num(values.atLeast),
        withinMinutes: num(values.withinMinutes)
      }
    case 'no-checkpoint':
      return values.noCheckpointBy === 'intervals'
        ? { ...common, kind: 'no-checkpoint', intervals: num(values.intervals) }
        : { ...common, kind: 'no-checkpoint', minutes: num(values.minutes) }
    case 'backpressure':
    case 'server-stale':
      return { ...common, kind: values.kind, minutes: num(values.minutes) }
    case 'metric':
      return {
        ...common,
        kind: 'metric',
        metric: text(values.metric) ?? '',
        op: values.op ?? '>',
        value: num(values.value),
        forSamples: num(values.forSamples),
        ...(text(values.vertex) ? { vertex: text(values.vertex) } : {})
      }
  }
}
