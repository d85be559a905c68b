/**
 * Validates an alert rules document (issue 22) from a settings value or a `--rules` JSON file. Every field of every
 * rule and silence is checked, unknown fields included (a typo such as `withinMinute` would otherwise be a rule that
 * silently never fires), and the first problem is thrown as an `AlertRulesError` naming the rule (id and 1-based
 * index) and the field: `rule "cp" (#2): atLeast must be a positive whole number`.
 */
import {
  ALERT_RULE_KINDS,
  type AlertRule,
  type AlertRulesDocument,
  type AlertSilence
} from '../../../shared/alerts'
import { JOB_STATUSES, type JobStatus } from '../../../shared/models'
import { AlertRulesError } from './alert-rules-error'
import { FieldReader, isRecord } from './rule-fields'

export { AlertRulesError }

/** Bounds: a document is the operator's own, but it is still input. */
export const MAX_RULES = 200
export const MAX_SILENCES = 200

const COMMON = ['id', 'kind', 'name', 'severity', 'server', 'job', 'repeatMinutes', 'enabled']
const KIND_FIELDS: Record<AlertRule['kind'], string[]> = {
  'job-status': ['statuses'],
  restarts: ['atLeast', 'withinMinutes'],
  'checkpoint-failures': ['atLeast', 'withinMinutes'],
  'no-checkpoint': ['minutes', 'intervals'],
  backpressure: ['minutes'],
  metric: ['metric', 'op', 'value', 'forSamples', 'vertex'],
  'server-stale': ['minutes']
}
const SILENCE_FIELDS = ['id', 'server', 'job', 'rule', 'from', 'until', 'comment']

/** Why `unknown`: the document comes from a file or from IPC, and nothing about it is trusted. */
export function parseAlertRules(json: unknown): AlertRulesDocument {
  if (!isRecord(json)) throw new AlertRulesError('the document must be a JSON object')
  for (const key of Object.keys(json)) {
    if (key !== 'rules' && key !== 'silences')
      throw new AlertRulesError(`unknown field "${key}" (the document has rules and silences)`)
  }
  const rulesIn = json.rules ?? []
  const silencesIn = json.silences ?? []
  if (!Array.isArray(rulesIn)) throw new AlertRulesError('rules must be an array')
  if (!Array.isArray(silencesIn)) throw new AlertRulesError('silences must be an array')
  if (rulesIn.length > MAX_RULES) throw new AlertRulesError(`at most ${MAX_RULES} rules`)
  if (silencesIn.length > MAX_SILENCES)
    throw new AlertRulesError(`at most ${MAX_SILENCES} silences`)
  const rules: AlertRule[] = []
  const ids = new Set<string>()
  rulesIn.forEach((raw: unknown, index) => {
    const rule = parseRule(raw, index)
    if (ids.has(rule.id))
      throw new AlertRulesError(`rule "${rule.id}" (#${index + 1}): id is used by an earlier rule`)
    ids.add(rule.id)
    rules.push(rule)
  })
  const silences: AlertSilence[] = []
  const silenceIds = new Set<string>()
  silencesIn.forEach((raw: unknown, index) => {
    const silence = parseSilence(raw, index, ids)
    if (silence.id !== undefined) {
      if (silenceIds.has(silence.id))
        throw new AlertRulesError(
          `silence "${silence.id}" (#${index + 1}): id is used by an earlier silence`
        )
      silenceIds.add(silence.id)
    }
    silences.push(silence)
  })
  return { rules, silences }
}

function parseRule(raw: unknown, index: number): AlertRule {
  if (!isRecord(raw)) throw new AlertRulesError(`rule #${index + 1}: must be an object`)
  const rawId = typeof raw.id === 'string' && raw.id.length <= 100 ? raw.id : null
  const f = new FieldReader(raw, rawId ? `rule "${rawId}" (#${index + 1})` : `rule #${index + 1}`)
  const id = f.name('id', 100)
  const kind = f.oneOf('kind', ALERT_RULE_KINDS)
  f.onlyFields([...COMMON, ...KIND_FIELDS[kind]], `a ${kind} rule`)
  const common = {
    id,
    ...f.optional('name', () => f.name('name', 200)),
    ...f.optional('severity', () => f.oneOf('severity', ['critical', 'warning', 'info'] as const)),
    ...f.optional('server', () => f.name('server', 200)),
    ...f.optional('job', () => f.name('job', 200)),
    ...f.optional('repeatMinutes', () => f.minutesOrNull('repeatMinutes')),
    ...f.optional('enabled', () => f.boolean('enabled'))
  }
  switch (kind) {
    case 'job-status':
      return { ...common, kind, statuses: parseStatuses(f) }
    case 'restarts':
    case 'checkpoint-failures':
      return {
        ...common,
        kind,
        atLeast: f.count('atLeast', 256),
        withinMinutes: f.minutes('withinMinutes')
      }
    case 'no-checkpoint': {
      const minutes = f.optional('minutes', () => f.minutes('minutes'))
      const intervals = f.optional('intervals', () => f.positive('intervals', 1000))
      if ('minutes' in minutes === 'intervals' in intervals)
        throw f.error('give exactly one of minutes and intervals')
      return { ...common, kind, ...minutes, ...intervals }
    }
    case 'backpressure':
    case 'server-stale':
      return { ...common, kind, minutes: f.minutes('minutes') }
    case 'metric':
      return {
        ...common,
        kind,
        metric: f.name('metric', 200),
        op: f.oneOf('op', ['>', '<'] as const),
        value: f.finite('value'),
        forSamples: f.count('forSamples', 1000),
        ...f.optional('vertex', () => f.name('vertex', 200))
      }
  }
}

function parseStatuses(f: FieldReader): JobStatus[] {
  const list = f.get('statuses')
  if (!Array.isArray(list) || list.length === 0)
    throw f.error(`statuses must be a non-empty array of ${JOB_STATUSES.join(', ')}`)
  const statuses: JobStatus[] = []
  for (const status of list) {
    if (typeof status !== 'string' || !(JOB_STATUSES as readonly string[]).includes(status))
      throw f.error(
        `statuses: ${JSON.stringify(String(status)).slice(0, 60)} is not one of ${JOB_STATUSES.join(', ')}`
      )
    if (!statuses.includes(status as JobStatus)) statuses.push(status as JobStatus)
  }
  return statuses
}

function parseSilence(raw: unknown, index: number, ruleIds: Set<string>): AlertSilence {
  if (!isRecord(raw)) throw new AlertRulesError(`silence #${index + 1}: must be an object`)
  const rawId = typeof raw.id === 'string' && raw.id.length <= 100 ? raw.id : null
  const where = rawId ? `silence "${rawId}" (#${index + 1})` : `silence #${index + 1}`
  const f = new FieldReader(raw, where)
  f.onlyFields(SILENCE_FIELDS, 'a silence')
  const silence: AlertSilence = {
    ...f.optional('id', () => f.name('id', 100)),
    ...f.optional('server', () => f.name('server', 200)),
    ...f.optional('job', () => f.name('job', 200)),
    ...f.optional('rule', () => f.name('rule', 100)),
    ...f.optional('from', () => f.isoTime('from')),
    until: f.isoTime('until'),
    ...f.optional('comment', () => f.text('comment', 1000))
  }
  if (silence.rule !== undefined && !ruleIds.has(silence.rule))
    throw f.error(`rule "${silence.rule}" is not the id of a rule`)
  if (silence.from !== undefined && Date.parse(silence.from) >= Date.parse(silence.until))
    throw f.error('from must be before until')
  return silence
}
