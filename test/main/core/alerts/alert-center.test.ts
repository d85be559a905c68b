import { beforeEach, describe, expect, it } from 'vitest'
import type { AlertEvent, AlertRulesDocument } from '../../../../src/shared/alerts'
import { createAlertCenter } from '../../../../src/main/core/alerts/alert-center'
import { AlertRulesError } from '../../../../src/main/core/alerts/alert-rules-error'
import type { AlertCenter } from '../../../../src/main/core/alerts/alert-center-api'
import { silentLogger } from '../../../../src/main/core/logger'
import { createFakeClock, type FakeClock } from '../connection/fake-clock'
import { createFakeSession, job, type FakeSession } from './fake-session'

const SERVER = { name: 'prod', origin: 'http://dinky:8888' }

describe('alert center: job-status', () => {
  let clock: FakeClock
  let center: AlertCenter
  let session: FakeSession
  let events: AlertEvent[]

  const start = (rules: AlertRulesDocument) => {
    center = createAlertCenter({ clock, logger: silentLogger, rules })
    events = []
    center.subscribe((event) => events.push(event))
    session = createFakeSession()
    center.attach(session.handle, SERVER)
    session.rest('live', clock.now())
  }

  beforeEach(() => {
    clock = createFakeClock()
  })

  it('fires once when a job enters a status, and resolves once when it leaves', () => {
    start({ rules: [{ id: 'failed', kind: 'job-status', statuses: ['FAILED'] }], silences: [] })
    session.jobs([job(1, 'RUNNING'), job(2, 'RUNNING')], clock.now())
    session.jobs([job(1, 'FAILED'), job(2, 'RUNNING')], clock.now())
    session.jobs([job(1, 'FAILED'), job(2, 'RUNNING')], clock.now())
    expect(events.map((e) => [e.state, e.jobId, e.announce])).toEqual([['firing', 1, true]])
    expect(center.active()).toMatchObject([{ ruleId: 'failed', jobId: 1, state: 'firing' }])
    session.jobs([job(1, 'RUNNING'), job(2, 'RUNNING')], clock.now())
    expect(events.map((e) => [e.state, e.jobId])).toEqual([
      ['firing', 1],
      ['resolved', 1]
    ])
    expect(center.active()).toEqual([])
  })

  it('refuses a bad document in setRules (rules also come over IPC) and keeps the rules it had', () => {
    const rules: AlertRulesDocument = {
      rules: [{ id: 'failed', kind: 'job-status', statuses: ['FAILED'] }],
      silences: []
    }
    start(rules)
    const bad = { rules: [{ id: 'cp', kind: 'restarts', atLeast: -1, withinMinutes: 1 }] }
    expect(() => center.setRules(bad as unknown as AlertRulesDocument)).toThrow(AlertRulesError)
    expect(center.rules()).toEqual(rules)
    expect(() =>
      createAlertCenter({
        clock,
        logger: silentLogger,
        rules: bad as unknown as AlertRulesDocument
      })
    ).toThrow('rule "cp" (#1): atLeast must be a positive whole number')
  })
})
