import { describe, expect, it } from 'vitest'
import { job, memoryModule } from './timeline-fixtures'
import { harness, HOUR, T0 } from './timeline-harness'

describe('SessionTimeline gaps', () => {
  it('records a console-closed gap from the last alive stamp to the next start', () => {
    const first = harness()
    first.clock.advance(45_000)
    first.timeline.stop()
    const closedAt = first.clock.now()
    first.clock.advance(2 * HOUR)
    const second = harness({ clock: first.clock, file: first.file })
    const gaps = second.timeline.events().filter((e) => e.kind === 'gap')
    expect(gaps).toEqual([
      expect.objectContaining({
        reason: 'console-closed',
        at: closedAt,
        until: closedAt + 2 * HOUR,
        jobId: null
      })
    ])
  })

  it('stamps alive in its own small document, leaving the events document alone', () => {
    const file = memoryModule()
    const aliveFile = memoryModule()
    const first = harness({ file, aliveFile })
    first.timeline.record({
      kind: 'restart',
      at: T0,
      jobId: 1,
      taskId: 10,
      jobName: 'j',
      count: 1,
      total: 1
    })
    first.clock.advance(10_000)
    const eventWrites = file.writes
    expect(eventWrites).toBe(1)
    first.clock.advance(10 * 60_000 - 10_000)
    expect(file.writes).toBe(eventWrites)
    expect(aliveFile.writes).toBeGreaterThanOrEqual(20)
    const lastStamp = T0 + 10 * 60_000
    expect(aliveFile.value).toEqual({ version: 1, aliveAt: lastStamp })
    // Killed now (the files as they are); started again an hour later: the gap starts at the small document's stamp.
    const onDisk = { file: memoryModule(file.value), aliveFile: memoryModule(aliveFile.value) }
    first.timeline.stop()
    first.clock.advance(HOUR)
    const second = harness({ clock: first.clock, ...onDisk })
    expect(second.timeline.events()[0]).toMatchObject({
      kind: 'gap',
      reason: 'console-closed',
      at: lastStamp
    })
  })

  it('takes the last alive stamp when the console was killed, and closes the gap it left open', () => {
    const first = harness()
    first.rest({ kind: 'live', since: first.clock.now() })
    first.clock.advance(10_000)
    first.rest({
      kind: 'reconnecting',
      attempt: 1,
      retryAt: 0,
      reason: 'connection-refused',
      since: first.clock.now()
    })
    first.clock.advance(61_000)
    const stamped = T0 + 60_000 // the 30 s timer's last stamp
    // Killed: no stop(); a copy of the document as it was holds an open gap and the last stamp.
    const second = harness({ clock: first.clock, file: memoryModule(first.file.value) })
    const gaps = second.timeline.events().filter((e) => e.kind === 'gap')
    expect(gaps.map((e) => e.kind === 'gap' && [e.reason, e.until])).toEqual([
      ['unreachable', stamped]
    ])
    second.timeline.stop()
    first.timeline.stop()
    first.clock.advance(3 * HOUR)
    const third = harness({ clock: first.clock, file: second.file })
    expect(third.timeline.events()[0]).toMatchObject({
      kind: 'gap',
      reason: 'console-closed',
      until: first.clock.now()
    })
  })

  it('opens an unreachable gap once it lasted, open while it lasts, closed when live again', () => {
    const h = harness()
    h.rest({ kind: 'live', since: h.clock.now() })
    h.clock.advance(5_000)
    const down = h.clock.now()
    h.rest({
      kind: 'reconnecting',
      attempt: 1,
      retryAt: 0,
      reason: 'connection-refused',
      since: down
    })
    expect(h.timeline.events()).toEqual([])
    h.clock.advance(30_000)
    expect(h.timeline.events()).toEqual([
      expect.objectContaining({ kind: 'gap', reason: 'unreachable', at: down, until: null })
    ])
    h.rest({ kind: 'offline', reason: 'network-offline', since: h.clock.now() })
    h.clock.advance(60_000)
    h.rest({ kind: 'live', since: h.clock.now() })
    expect(h.timeline.events()).toEqual([
      expect.objectContaining({ kind: 'gap', reason: 'offline', at: down, until: h.clock.now() })
    ])
  })

  it('does not record a blip shorter than the gap threshold', () => {
    const h = harness()
    h.rest({ kind: 'live', since: h.clock.now() })
    h.rest({
      kind: 'reconnecting',
      attempt: 1,
      retryAt: 0,
      reason: 'timeout',
      since: h.clock.now()
    })
    h.clock.advance(2_000)
    h.rest({ kind: 'live', since: h.clock.now() })
    h.clock.advance(60_000)
    expect(h.timeline.events()).toEqual([])
  })

  it('records the time the machine slept as a console-closed gap, and tells what changed', () => {
    const h = harness()
    h.live([job(1, 'RUNNING')])
    const lastLive = h.clock.now()
    h.clock.advance(30_000)
    const lastStamp = h.clock.now()
    // Asleep: wall time moves four hours while the alive timer waits.
    h.clock.jump(4 * HOUR)
    h.clock.advance(30_000)
    expect(h.timeline.events()).toEqual([
      expect.objectContaining({
        kind: 'gap',
        reason: 'console-closed',
        at: lastStamp,
        until: h.clock.now()
      })
    ])
    h.live([job(1, 'FAILED')])
    expect(h.timeline.away()).toMatchObject({
      since: lastLive,
      changes: [{ jobId: 1, from: 'RUNNING', to: 'FAILED' }],
      gaps: [{ from: lastStamp, reason: 'console-closed' }]
    })
  })

  it('tells what changed during a long unreachable gap, from the last live jobs before it', () => {
    const h = harness()
    h.rest({ kind: 'live', since: h.clock.now() })
    h.live([job(1, 'RUNNING'), job(2, 'RUNNING')])
    const lastLive = h.clock.now()
    h.clock.advance(1_000)
    h.rest({ kind: 'offline', reason: 'network-offline', since: h.clock.now() })
    h.clock.advance(10 * 60_000)
    h.timeline.record({
      kind: 'alert',
      at: h.clock.now() - 60_000,
      jobId: null,
      taskId: null,
      jobName: null,
      state: 'firing',
      rule: 'down',
      severity: 'critical',
      detail: 'server not live for 5 min'
    })
    h.rest({ kind: 'live', since: h.clock.now() })
    expect(h.timeline.away()).toBeNull()
    h.live([job(1, 'FAILED'), job(2, 'RUNNING')])
    expect(h.timeline.away()).toMatchObject({
      since: lastLive,
      until: h.clock.now(),
      changes: [{ jobId: 1, from: 'RUNNING', to: 'FAILED' }],
      counts: { alert: 1 },
      gaps: [{ from: lastLive + 1_000, to: h.clock.now(), reason: 'offline' }]
    })
  })

  it('owes no summary after a short gap', () => {
    const h = harness()
    h.rest({ kind: 'live', since: h.clock.now() })
    h.live([job(1, 'RUNNING')])
    h.rest({
      kind: 'reconnecting',
      attempt: 1,
      retryAt: 0,
      reason: 'timeout',
      since: h.clock.now()
    })
    h.clock.advance(60_000)
    h.rest({ kind: 'live', since: h.clock.now() })
    h.live([job(1, 'FAILED')])
    expect(h.timeline.away()).toBeNull()
    expect(h.timeline.events().map((e) => e.kind)).toEqual(['gap'])
  })
})
