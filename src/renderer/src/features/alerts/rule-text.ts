/**
 * A rule in words, in the UI language (issue 22): its condition ("≥ 3 failed checkpoints within 10 min") and its
 * scope ("server prod-*, jobs ods_*"). What the operator typed (globs, metric names) is shown as typed, as text.
 */
import type { TFunction } from 'i18next'
import type { AlertRule } from '../../../../shared/alerts'

/** Minutes as a person reads them: whole numbers plain, fractions with at most two decimals. */
export function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 100) / 100)
}

export function ruleCondition(rule: AlertRule, t: TFunction): string {
  const repeat =
    rule.repeatMinutes != null
      ? t('alerts.rules.cond.repeat', { minutes: formatMinutes(rule.repeatMinutes) })
      : ''
  return conditionOnly(rule, t) + repeat
}

function conditionOnly(rule: AlertRule, t: TFunction): string {
  switch (rule.kind) {
    case 'job-status':
      return t('alerts.rules.cond.jobStatus', {
        statuses: rule.statuses.map((status) => t(`status.${status}`)).join(' / ')
      })
    case 'restarts':
      return t('alerts.rules.cond.restarts', {
        count: rule.atLeast,
        minutes: formatMinutes(rule.withinMinutes)
      })
    case 'checkpoint-failures':
      return t('alerts.rules.cond.checkpointFailures', {
        count: rule.atLeast,
        minutes: formatMinutes(rule.withinMinutes)
      })
    case 'no-checkpoint':
      return rule.minutes !== undefined
        ? t('alerts.rules.cond.noCheckpointMinutes', { minutes: formatMinutes(rule.minutes) })
        : t('alerts.rules.cond.noCheckpointIntervals', { intervals: rule.intervals ?? 3 })
    case 'backpressure':
      return t('alerts.rules.cond.backpressure', { minutes: formatMinutes(rule.minutes) })
    case 'metric': {
      const values = {
        metric: rule.metric,
        op: rule.op,
        value: rule.value,
        samples: rule.forSamples,
        vertex: rule.vertex
      }
      return rule.vertex
        ? t('alerts.rules.cond.metricVertex', values)
        : t('alerts.rules.cond.metric', values)
    }
    case 'server-stale':
      return t('alerts.rules.cond.serverStale', { minutes: formatMinutes(rule.minutes) })
  }
}

export function ruleScope(rule: AlertRule, t: TFunction): string {
  const server = rule.server
    ? t('alerts.rules.serverScope', { glob: rule.server })
    : t('alerts.rules.allServers')
  if (rule.kind === 'server-stale') return server
  const job = rule.job ? t('alerts.rules.jobScope', { glob: rule.job }) : t('alerts.rules.allJobs')
  return `${server} · ${job}`
}
