import { describe, expect, it } from 'vitest'
import type { AlertRule } from '../../../../src/shared/alerts'
import { MINUTE, startCenter } from './center-harness'
import { job } from './fake-session'

const FAILED: AlertRule = { id: 'failed', kind: 'job-status', statuses: ['FAILED'] }

/** A center with job 1 running, then failed (one announced firing taken). */
function failing(rules: AlertRule[] = [FAILED], silences: Parameters<typeof startCenter>[1] = []) {
  const h = startCenter(rules, silences)
  h.session.jobs([job(1, 'RUNNING'), job(2, 'RUNNING')], h.clock.now())
  h.session.jobs([job(1, 'FAILED'), job(2, 'RUNNING')], h.clock.now())
  return h
}

describe('alert lifecycle (injected clock)', () => {
  it('repeats every repeatMinutes while firing, and not after an acknowledgement', () => {
    const h = failing([{ ...FAILED, repeatMinutes: 10 }])
    expect(h.take()).toEqual([['firing', 1, true]])
    h.clock.advance(10 * MINUTE)
    h.clock.advance(10 * MINUTE)
    expect(h.take()).toEqual([
      ['repeat', 1, true],
      ['repeat', 1, true]
    ])
    const [alert] = h.center.active()
    h.center.acknowledge(alert.key)
    expect(h.take()).toEqual([['acknowledged', 1, false]])
    expect(h.center.active()[0].acknowledgedAt).toBe(h.clock.now())
    h.clock.advance(60 * MINUTE)
    expect(h.take()).toEqual([])
    h.session.jobs([job(1, 'RUNNING'), job(2, 'RUNNING')], h.clock.now())
    expect(h.take()).toEqual([['resolved', 1, true]])
  })

  it('a snooze keeps repeats and the recovery quiet until it ends; tracking goes on', () => {
    const h = failing([{ ...FAILED, repeatMinutes: 10 }])
    h.take()
    const key = h.center.active()[0].key
    h.center.snooze(key, h.clock.now() + 15 * MINUTE)
    expect(h.events.map((e) => [e.state, e.snoozedUntil])).toEqual([
      ['snoozed', h.clock.now() + 15 * MINUTE]
    ])
    h.events.length = 0
    h.clock.advance(10 * MINUTE)
    expect(h.take()).toEqual([])
    h.clock.advance(5 * MINUTE)
    expect(h.take()).toEqual([['repeat', 1, true]])
    h.center.snooze(key, h.clock.now() + 60 * MINUTE)
    h.take()
    h.session.jobs([job(1, 'RUNNING'), job(2, 'RUNNING')], h.clock.now())
    expect(h.take()).toEqual([['resolved', 1, false]])
  })

  it('a snooze until resolved keeps it quiet until the recovery, which is announced', () => {
    const h = failing([{ ...FAILED, repeatMinutes: 1 }])
    h.take()
    h.center.snooze(h.center.active()[0].key, 'resolved')
    h.clock.advance(30 * MINUTE)
    expect(h.take()).toEqual([['snoozed', 1, false]])
    expect(h.center.active()[0].snoozedUntil).toBe('resolved')
    h.session.jobs([job(1, 'RUNNING'), job(2, 'RUNNING')], h.clock.now())
    expect(h.take()).toEqual([['resolved', 1, true]])
  })

  it('a silence in scope tracks without announcing, and announces once when it ends if still firing', () => {
    const start = Date.parse('2026-12-01T00:00:00Z')
    const until = new Date(start + 30 * MINUTE).toISOString()
    const h = failing([FAILED], [{ id: 'maint', job: 'job-?', rule: 'failed', until }])
    expect(h.take()).toEqual([['firing', 1, false]])
    expect(h.center.active()[0].silencedBy).toBe('maint')
    h.clock.advance(30 * MINUTE)
    expect(h.take()).toEqual([['repeat', 1, true]])
    expect(h.center.active()[0].silencedBy).toBeNull()
  })

  it('a silence of another job, server or rule does not apply; a recovery inside a silence is quiet', () => {
    const until = '2027-01-01T00:00:00Z'
    const other = failing(
      [FAILED],
      [
        { job: 'other*', until },
        { server: 'staging', until }
      ]
    )
    expect(other.take()).toEqual([['firing', 1, true]])
    const h = failing([FAILED], [{ server: 'http://DINKY:8888', until }])
    expect(h.take()).toEqual([['firing', 1, false]])
    h.session.jobs([job(1, 'RUNNING'), job(2, 'RUNNING')], h.clock.now())
    expect(h.take()).toEqual([['resolved', 1, false]])
  })

  it('while the server is not live: job alerts turn unknown and hold, only server-stale fires', () => {
    const h = failing([
      FAILED,
      { id: 'cp-old', kind: 'no-checkpoint', minutes: 1 },
      { id: 'down', kind: 'server-stale', minutes: 2 }
    ])
    const done = h.clock.now()
    h.session.health({ instanceId: 2, intervalMs: 10_000, lastCompletedAt: done }, done)
    h.take()
    h.clock.advance(30_000)
    const downAt = h.clock.now()
    h.session.rest('reconnecting', downAt)
    expect(h.events.map((e) => [e.rule, e.state, e.jobId])).toEqual([['failed', 'unknown', 1]])
    expect(h.center.active()).toMatchObject([
      { ruleId: 'failed', state: 'unknown', unknownSince: downAt }
    ])
    h.events.length = 0
    // Job 2's checkpoint limit passes while stale: not judged. Only the staleness alarms.
    h.clock.advance(10 * MINUTE)
    expect(h.events.map((e) => [e.rule, e.state])).toEqual([['down', 'firing']])
    h.events.length = 0
    // Live again: nothing is judged until a live list arrives.
    h.session.rest('live', h.clock.now())
    expect(h.events.map((e) => [e.rule, e.state])).toEqual([['down', 'resolved']])
    h.events.length = 0
    h.session.jobs([job(1, 'FAILED'), job(2, 'RUNNING')], h.clock.now())
    // The list is live; job 2's checkpoint summary is from before the outage: not judged until read again.
    expect(h.events.map((e) => [e.rule, e.state, e.announce])).toEqual([
      ['failed', 'firing', false]
    ])
    h.events.length = 0
    h.session.health({ instanceId: 2, intervalMs: 10_000, lastCompletedAt: done }, h.clock.now())
    expect(h.events.map((e) => [e.rule, e.state, e.announce])).toEqual([['cp-old', 'firing', true]])
    expect(h.center.active().find((a) => a.ruleId === 'failed')).toMatchObject({
      state: 'firing',
      unknownSince: null
    })
  })

  it('a job that recovered while the server was unreachable resolves on the first live list', () => {
    const h = failing()
    h.take()
    h.session.rest('reconnecting', h.clock.now())
    h.clock.advance(MINUTE)
    h.session.rest('live', h.clock.now())
    h.session.jobs([job(1, 'RUNNING'), job(2, 'RUNNING')], h.clock.now())
    expect(h.take()).toEqual([
      ['unknown', 1, false],
      ['resolved', 1, true]
    ])
  })

  it('setRules: a removed rule ends its episodes quietly, a new rule judges at once', () => {
    const h = failing()
    h.take()
    h.center.setRules({
      rules: [{ id: 'failed2', kind: 'job-status', statuses: ['FAILED'], job: 'job-1' }],
      silences: []
    })
    expect(h.events.map((e) => [e.rule, e.state, e.announce])).toEqual([
      ['failed', 'resolved', false],
      ['failed2', 'firing', true]
    ])
    expect(h.center.rules().rules.map((r) => r.id)).toEqual(['failed2'])
  })

  it('detach ends the server episodes quietly and closes the metrics it held', () => {
    const h = startCenter([
      FAILED,
      { id: 'lag', kind: 'metric', metric: 'lag', op: '>', value: 1, forSamples: 1 }
    ])
    const detach = h.center.attach(h.session.handle, { name: 'prod', origin: 'http://x' })
    h.session.rest('live', h.clock.now())
    h.session.jobs([job(1, 'FAILED'), job(2, 'RUNNING')], h.clock.now())
    expect(h.session.opened.has('jid2')).toBe(true)
    h.events.length = 0
    detach()
    expect(h.take()).toEqual([['resolved', 1, false]])
    expect(h.session.opened.size).toBe(0)
    expect(h.center.active()).toEqual([])
  })

  it('keeps one timer for every deadline, and none once disposed', () => {
    const h = startCenter([
      { id: 'bp', kind: 'backpressure', minutes: 1 },
      { id: 'cp', kind: 'no-checkpoint', minutes: 2 },
      { id: 'down', kind: 'server-stale', minutes: 5 }
    ])
    const jobs = Array.from({ length: 50 }, (_, i) => job(i + 1, 'RUNNING'))
    h.session.jobs(jobs, h.clock.now())
    for (const j of jobs) {
      h.clock.advance(100)
      h.session.health(
        { instanceId: j.id, backpressure: 'high', lastCompletedAt: h.clock.now() },
        h.clock.now()
      )
    }
    expect(h.clock.pending()).toBe(1)
    h.clock.advance(MINUTE)
    expect(h.events.filter((e) => e.rule === 'bp' && e.state === 'firing')).toHaveLength(50)
    expect(h.clock.pending()).toBe(1)
    h.center.dispose()
    expect(h.clock.pending()).toBe(0)
  })
})
