import { describe, expect, it } from 'vitest'
import { METRICS_HOLDER } from '../../../../src/main/core/alerts/alert-center'
import { MINUTE, startCenter } from './center-harness'
import { job, point } from './fake-session'

describe('alert rules, kind by kind (injected clock)', () => {
  it('job-status: once per episode; a status already so at the first live list is tracked, not announced', () => {
    const h = startCenter([{ id: 'failed', kind: 'job-status', statuses: ['FAILED'] }])
    h.session.jobs([job(1, 'FAILED'), job(2, 'RUNNING')], h.clock.now())
    expect(h.take()).toEqual([['firing', 1, false]])
    h.session.jobs([job(1, 'FAILED'), job(2, 'FAILED')], h.clock.now())
    h.session.jobs([job(1, 'FAILED'), job(2, 'FAILED')], h.clock.now())
    expect(h.take()).toEqual([['firing', 2, true]])
    h.session.jobs([job(1, 'RUNNING'), job(2, 'RUNNING')], h.clock.now())
    expect(h.take()).toEqual([
      ['resolved', 1, false],
      ['resolved', 2, true]
    ])
  })

  it('job-status: a failure that happened while the console was away (cache said RUNNING) is news', () => {
    const cached = { value: [job(1, 'RUNNING'), job(2, 'FAILED')], asOf: 1, stale: true }
    const h = startCenter([{ id: 'failed', kind: 'job-status', statuses: ['FAILED'] }], [], {
      snapshot: { jobs: cached }
    })
    h.session.jobs([job(1, 'FAILED'), job(2, 'FAILED')], h.clock.now())
    expect(h.take()).toEqual([
      ['firing', 1, true],
      ['firing', 2, false]
    ])
  })

  it("job-status: Dinky's UNKNOWN (Flink lost) holds an episode as unknown unless the rule names UNKNOWN", () => {
    const h = startCenter([
      { id: 'alarm', kind: 'job-status', statuses: ['FAILED', 'RESTARTING'] },
      { id: 'lost', kind: 'job-status', statuses: ['UNKNOWN'] }
    ])
    h.session.jobs([job(1, 'RUNNING')], h.clock.now())
    h.session.jobs([job(1, 'RESTARTING')], h.clock.now())
    expect(h.take()).toEqual([['firing', 1, true]])
    h.session.jobs([job(1, 'UNKNOWN')], h.clock.now())
    const events = h.events.splice(0)
    expect(events.map((e) => [e.rule, e.state])).toEqual([
      ['alarm', 'unknown'],
      ['lost', 'firing']
    ])
    expect(h.center.active().find((a) => a.ruleId === 'alarm')).toMatchObject({
      state: 'unknown',
      unknownSince: h.clock.now()
    })
    h.session.jobs([job(1, 'RUNNING')], h.clock.now())
    expect(h.events.map((e) => [e.rule, e.state])).toEqual([
      ['alarm', 'resolved'],
      ['lost', 'resolved']
    ])
  })

  it("a health summary saying Dinky lost Flink holds the job's alerts before the list shows it", () => {
    const h = startCenter([{ id: 'bp', kind: 'backpressure', minutes: 1 }])
    h.session.jobs([job(1, 'RUNNING')], h.clock.now())
    h.session.health({ instanceId: 1, backpressure: 'high' }, h.clock.now())
    h.clock.advance(MINUTE)
    expect(h.take()).toEqual([['firing', 1, true]])
    h.session.health({ instanceId: 1, backpressure: null, reasons: ['flink-lost'] }, h.clock.now())
    expect(h.events.map((e) => [e.state, e.detail])).toEqual([
      ['unknown', 'Dinky cannot reach Flink (status RUNNING)']
    ])
    h.events.length = 0
    h.session.jobs([job(1, 'RECONNECTING')], h.clock.now())
    h.session.jobs([job(1, 'RUNNING')], h.clock.now())
    h.session.health({ instanceId: 1, backpressure: 'ok' }, h.clock.now())
    expect(h.take()).toEqual([['resolved', 1, true]])
  })

  it('restarts: N restarts within M minutes fires once, and resolves when the window slides past', () => {
    const h = startCenter([{ id: 'r', kind: 'restarts', atLeast: 2, withinMinutes: 1 }])
    h.session.jobs([job(1, 'RUNNING')], h.clock.now())
    const t0 = h.clock.now()
    h.session.jobs([job(1, 'RUNNING', { failedRestartCount: 1 })], h.clock.now())
    h.clock.advance(10_000)
    // Entering RESTARTING with the count unchanged is one restart, not two with the count's later rise.
    h.session.jobs([job(1, 'RESTARTING', { failedRestartCount: 1 })], h.clock.now())
    expect(h.take()).toEqual([['firing', 1, true]])
    expect(h.events).toEqual([])
    h.session.jobs([job(1, 'RUNNING', { failedRestartCount: 1 })], h.clock.now())
    h.clock.advance(49_999)
    expect(h.take()).toEqual([])
    h.clock.advance(1)
    expect(h.clock.now()).toBe(t0 + MINUTE)
    expect(h.events.map((e) => [e.state, e.detail])).toEqual([
      ['resolved', '1 restart within 1 min']
    ])
  })

  it("restarts: Flink's restores and failures count when Dinky's list shows none, the same failover once", () => {
    const h = startCenter([{ id: 'r', kind: 'restarts', atLeast: 3, withinMinutes: 10 }])
    h.session.jobs([job(1, 'RUNNING')], h.clock.now())
    h.session.health({ instanceId: 1, restored: 4, lastFailureAt: 1_000 }, h.clock.now())
    // Caught RESTARTING in the list, then Flink's restore of that same failover: one restart.
    h.session.jobs([job(1, 'RESTARTING')], h.clock.now())
    h.session.jobs([job(1, 'RUNNING')], h.clock.now())
    h.session.health({ instanceId: 1, restored: 5, lastFailureAt: 2_000 }, h.clock.now())
    expect(h.take()).toEqual([])
    // Two failovers the list never saw (real Dinky sends failedRestartCount null, RESTARTING is brief).
    h.session.health({ instanceId: 1, restored: 6, lastFailureAt: 3_000 }, h.clock.now())
    expect(h.take()).toEqual([])
    h.session.health({ instanceId: 1, restored: 6, lastFailureAt: 4_000 }, h.clock.now())
    expect(h.events.map((e) => [e.state, e.detail])).toEqual([
      ['firing', '3 restarts within 10 min']
    ])
  })

  it('checkpoint-failures: rises of the failed count within the window; the first summary is the baseline', () => {
    const h = startCenter([
      { id: 'cp', kind: 'checkpoint-failures', atLeast: 2, withinMinutes: 0.5 }
    ])
    h.session.jobs([job(1, 'RUNNING')], h.clock.now())
    h.session.health({ instanceId: 1, failedCheckpoints: 7 }, h.clock.now())
    h.session.health({ instanceId: 1, failedCheckpoints: 8 }, h.clock.now())
    expect(h.take()).toEqual([])
    h.clock.advance(5_000)
    h.session.health({ instanceId: 1, failedCheckpoints: 9 }, h.clock.now())
    h.session.health({ instanceId: 1, failedCheckpoints: 9 }, h.clock.now())
    expect(h.events.map((e) => [e.state, e.detail])).toEqual([
      ['firing', '2 failed checkpoints within 0.5 min']
    ])
    h.events.length = 0
    h.clock.advance(25_000)
    expect(h.take()).toEqual([['resolved', 1, true]])
  })

  it('no-checkpoint: minutes or intervals since the last completed one (running, checkpointing on)', () => {
    const h = startCenter([
      { id: 'min', kind: 'no-checkpoint', minutes: 1 },
      { id: 'int', kind: 'no-checkpoint', intervals: 3 }
    ])
    h.session.jobs([job(1, 'RUNNING'), job(2, 'RUNNING')], h.clock.now())
    const done = h.clock.now()
    h.session.health({ instanceId: 1, intervalMs: 10_000, lastCompletedAt: done }, done)
    h.session.health({ instanceId: 2, intervalMs: 0, lastCompletedAt: null }, done)
    h.clock.advance(29_999)
    expect(h.take()).toEqual([])
    h.clock.advance(1)
    expect(h.events.map((e) => [e.rule, e.state, e.jobId])).toEqual([['int', 'firing', 1]])
    h.clock.advance(30_000)
    expect(h.events.map((e) => [e.rule, e.state, e.jobId])).toEqual([
      ['int', 'firing', 1],
      ['min', 'firing', 1]
    ])
    h.events.length = 0
    h.session.health(
      { instanceId: 1, intervalMs: 10_000, lastCompletedAt: h.clock.now() },
      h.clock.now()
    )
    expect(h.events.map((e) => [e.rule, e.state])).toEqual([
      ['min', 'resolved'],
      ['int', 'resolved']
    ])
    h.events.length = 0
    h.clock.advance(60 * MINUTE)
    // Job 2 has checkpointing off: never judged. Job 1 went overdue again and, once, per rule.
    expect(h.events.map((e) => [e.rule, e.jobId])).toEqual([
      ['int', 1],
      ['min', 1]
    ])
  })

  it('backpressure: HIGH for M minutes fires on the clock, resolves when it eases', () => {
    const h = startCenter([{ id: 'bp', kind: 'backpressure', minutes: 1 }])
    h.session.jobs([job(1, 'RUNNING')], h.clock.now())
    h.session.health({ instanceId: 1, backpressure: 'high' }, h.clock.now())
    h.clock.advance(30_000)
    h.session.health({ instanceId: 1, backpressure: 'high' }, h.clock.now())
    h.clock.advance(29_999)
    expect(h.take()).toEqual([])
    h.clock.advance(1)
    expect(h.events.map((e) => [e.state, e.detail])).toEqual([
      ['firing', 'backpressure HIGH for 1 min']
    ])
    h.events.length = 0
    h.session.health({ instanceId: 1, backpressure: 'low' }, h.clock.now())
    expect(h.take()).toEqual([['resolved', 1, true]])
  })

  it('metric: N consecutive samples over the line, any vertex, pushed or backfilled in any order', () => {
    const h = startCenter([
      { id: 'lag', kind: 'metric', metric: 'pendingRecords', op: '>', value: 100, forSamples: 3 }
    ])
    h.session.jobs([job(1, 'RUNNING'), job(2, 'FINISHED')], h.clock.now())
    expect([...h.session.opened]).toEqual([['jid1', new Set([METRICS_HOLDER])]])
    const lag = (at: number, value: string) => point(at, 'v1', '0.Source__x.pendingRecords', value)
    h.session.samples('jid1', [lag(1_000, '150'), lag(2_000, '50'), lag(3_000, '150')])
    h.session.samples('jid1', [lag(5_000, '150')])
    expect(h.take()).toEqual([])
    // A backfilled sample fills the hole at 4 s: the last three (3, 4, 5 s) are over the line.
    h.session.samples('jid1', [{ ...lag(4_000, '900'), source: 'backfill' }])
    expect(h.events.map((e) => [e.state, e.detail])).toEqual([
      ['firing', 'pendingRecords 150 > 100 for 3 samples']
    ])
    h.events.length = 0
    h.session.samples('jid1', [point(6_000, 'v1', 'other.metric', '5'), lag(7_000, '20')])
    expect(h.take()).toEqual([['resolved', 1, true]])
    h.session.jobs([job(1, 'FINISHED'), job(2, 'FINISHED')], h.clock.now())
    expect(h.session.opened.size).toBe(0)
  })

  it('server-stale: fires after M minutes not live, resolves when live again', () => {
    const h = startCenter([{ id: 'down', kind: 'server-stale', minutes: 5 }])
    h.session.rest('reconnecting', h.clock.now())
    h.clock.advance(5 * MINUTE - 1)
    expect(h.take()).toEqual([])
    h.clock.advance(1)
    expect(h.events.map((e) => [e.state, e.jobId, e.detail])).toEqual([
      ['firing', null, 'not live for 5 min (reconnecting: connection-refused)']
    ])
    h.events.length = 0
    h.clock.advance(60 * MINUTE)
    h.session.rest('live', h.clock.now())
    expect(h.take()).toEqual([['resolved', null, true]])
  })

  it('server-stale: a server never live since attach counts from the attach; a stop on purpose is not stale', () => {
    const h = startCenter([{ id: 'down', kind: 'server-stale', minutes: 1 }], [], { live: false })
    h.clock.advance(MINUTE)
    expect(h.take()).toEqual([['firing', null, true]])
    h.session.rest('stopped', h.clock.now())
    expect(h.take()).toEqual([['resolved', null, true]])
    h.clock.advance(10 * MINUTE)
    expect(h.take()).toEqual([])
  })
})
