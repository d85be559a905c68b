import { describe, expect, it } from 'vitest'
import { createJobAlerts, type JobAlert } from '../../../src/main/desktop/job-alerts'
import type { Clock } from '../../../src/main/core/ports'
import type { JobTransition } from '../../../src/shared/models'

function setup(enabled = true) {
  let now = 1_000
  const clock: Clock = { now: () => now, setTimeout: () => 0 as never, clearTimeout: () => {} }
  const alerts: JobAlert[] = []
  const jobAlerts = createJobAlerts({
    clock,
    dedupeWindowMs: 60_000,
    serverName: () => 'Demo',
    enabled: () => enabled,
    notify: (alert) => alerts.push(alert)
  })
  return { alerts, jobAlerts, advance: (ms: number) => (now += ms) }
}

const transition = (to: JobTransition['to'], id = 7): JobTransition => ({
  id,
  taskId: 3,
  name: 'orders-etl',
  from: 'RUNNING',
  to,
  at: 0
})

describe('job alerts', () => {
  it('announces a job entering FAILED, FAILING or RESTARTING, and nothing else', () => {
    const { alerts, jobAlerts } = setup()
    for (const to of [
      'FAILED',
      'FAILING',
      'RESTARTING',
      'RUNNING',
      'FINISHED',
      'CANCELED'
    ] as const) {
      jobAlerts.observe('demo', transition(to))
    }
    expect(alerts.map((a) => a.status)).toEqual(['FAILED', 'FAILING', 'RESTARTING'])
    expect(alerts[0]).toMatchObject({
      title: 'orders-etl: FAILED',
      body: 'Demo · RUNNING → FAILED'
    })
  })

  it('does not announce the same transition twice across resyncs, but does after the window', () => {
    const { alerts, jobAlerts, advance } = setup()
    expect(jobAlerts.observe('demo', transition('FAILED'))).toBe(true)
    expect(jobAlerts.observe('demo', transition('FAILED'))).toBe(false)
    expect(jobAlerts.observe('other', transition('FAILED'))).toBe(true)
    advance(60_001)
    expect(jobAlerts.observe('demo', transition('FAILED'))).toBe(true)
    expect(alerts).toHaveLength(3)
  })

  it('stays quiet when notifications are off', () => {
    const { alerts, jobAlerts } = setup(false)
    jobAlerts.observe('demo', transition('FAILED'))
    expect(alerts).toEqual([])
  })
})
