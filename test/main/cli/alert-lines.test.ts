import { describe, expect, it } from 'vitest'
import type { AlertEvent } from '../../../src/shared/alerts'
import { alertJsonLine, alertTextLine } from '../../../src/main/cli/alert-lines'
import { parseCliArgs } from '../../../src/main/cli/cli-args'

const EVENT: AlertEvent = {
  type: 'alert',
  state: 'firing',
  key: 'p\u0000failed\u000012',
  rule: 'failed',
  kind: 'job-status',
  severity: 'critical',
  server: 'prod',
  profileId: 'p',
  jobId: 12,
  jobName: 'orders\u001b[2J_etl',
  since: 1_000,
  at: 2_000,
  detail: 'status FAILED',
  announce: true
}

describe('watch --rules', () => {
  it('takes --rules FILE', () => {
    const command = parseCliArgs(['watch', '--server', 'http://h:8888', '--rules', 'r.json'])
    expect(command).toMatchObject({ kind: 'watch', options: { rules: 'r.json' } })
    expect(() => parseCliArgs(['watch', '--server', 'http://h:8888', '--rules'])).toThrow(
      '--rules wants a value'
    )
  })

  it('prints firing, resolved and unknown as alert lines; a repeat is a firing line marked repeat', () => {
    expect(alertJsonLine(EVENT, 3_000)).toEqual({
      ts: 3_000,
      type: 'alert',
      state: 'firing',
      rule: 'failed',
      kind: 'job-status',
      severity: 'critical',
      server: 'prod',
      jobId: 12,
      jobName: 'orders\u001b[2J_etl',
      since: 1_000,
      detail: 'status FAILED',
      announce: true
    })
    expect(alertJsonLine({ ...EVENT, state: 'repeat' }, 3_000)).toMatchObject({
      state: 'firing',
      repeat: true
    })
    expect(alertJsonLine({ ...EVENT, state: 'unknown' }, 3_000)).toMatchObject({ state: 'unknown' })
    expect(alertJsonLine({ ...EVENT, state: 'acknowledged' }, 3_000)).toBeNull()
    expect(alertJsonLine({ ...EVENT, state: 'snoozed' }, 3_000)).toBeNull()
  })

  it('reads as one inert line in text mode', () => {
    const line = alertTextLine({ ...EVENT, announce: false }, 3_000)!
    expect(line).toMatch(
      /^\d\d:\d\d:\d\d ALERT FIRING \[critical\] failed · prod · orders\\e\[2J_etl #12 · status FAILED \(since \d\d:\d\d:\d\d\) \(silenced\)$/
    )
    expect(
      alertTextLine({ ...EVENT, state: 'resolved', jobId: null, jobName: null }, 3_000)
    ).toMatch(/ALERT RESOLVED \[critical\] failed · prod · status FAILED/)
  })
})
