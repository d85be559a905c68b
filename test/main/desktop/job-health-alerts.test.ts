import { describe, expect, it } from 'vitest'
import {
  createJobHealthAlerts,
  jobHealthStrings,
  type HealthAlertKind
} from '../../../src/main/desktop/job-health-alerts'
import type { JobHealthSummary } from '../../../src/shared/job-health'
import { createFakeClock } from '../core/connection/fake-clock'

const base: JobHealthSummary = {
  instanceId: 3,
  name: 'ods_orders',
  lastCompletedAt: 1_000,
  failedCheckpoints: 0,
  backpressure: 'ok',
  intervalMs: 10_000,
  reasons: [],
  asOf: 0
}

function setup(language: 'en-US' | 'zh-CN' = 'en-US') {
  const clock = createFakeClock()
  const sent: Array<{ kind: HealthAlertKind; title: string; body: string }> = []
  const alerts = createJobHealthAlerts({
    clock,
    enabled: () => true,
    serverName: () => 'Prod',
    strings: () => jobHealthStrings(language, 'en-US'),
    notify: (alert) => sent.push(alert)
  })
  return { alerts, sent }
}

describe('job health alerts', () => {
  it('announces a rising failed-checkpoint count once per episode, again after a completed checkpoint', () => {
    const { alerts, sent } = setup()
    alerts.observe('p', base)
    alerts.observe('p', { ...base, failedCheckpoints: 1, asOf: 10_000 })
    alerts.observe('p', { ...base, failedCheckpoints: 2, asOf: 20_000 })
    alerts.observe('p', { ...base, failedCheckpoints: 3, asOf: 30_000 })
    expect(sent.map((a) => a.kind)).toEqual(['checkpoint-failed'])
    expect(sent[0].title).toBe('ods_orders: checkpoint failed')
    expect(sent[0].body).toBe('Prod · 1 failed checkpoint so far')
    alerts.observe('p', { ...base, failedCheckpoints: 3, lastCompletedAt: 40_000, asOf: 40_000 })
    alerts.observe('p', { ...base, failedCheckpoints: 4, lastCompletedAt: 40_000, asOf: 50_000 })
    expect(sent).toHaveLength(2)
  })

  it('takes the first sight of a job as its baseline, not as a rise', () => {
    const { alerts, sent } = setup()
    alerts.observe('p', { ...base, failedCheckpoints: 7 })
    expect(sent).toHaveLength(0)
  })

  it('announces an overdue checkpoint and backpressure HIGH only after a minute, in Chinese too', () => {
    const { alerts, sent } = setup('zh-CN')
    alerts.observe('p', { ...base, reasons: ['checkpoint-overdue'] })
    alerts.observe('p', { ...base, reasons: ['checkpoint-overdue'], asOf: 5_000 })
    alerts.observe('p', { ...base, backpressure: 'high', asOf: 10_000 })
    alerts.observe('p', { ...base, backpressure: 'high', asOf: 50_000 })
    expect(sent.map((a) => a.kind)).toEqual(['checkpoint-overdue'])
    alerts.observe('p', { ...base, backpressure: 'high', asOf: 70_000 })
    alerts.observe('p', { ...base, backpressure: 'high', asOf: 90_000 })
    expect(sent.map((a) => a.kind)).toEqual(['checkpoint-overdue', 'backpressure-high'])
    expect(sent[1].title).toBe('ods_orders: 反压 HIGH')
  })
})
