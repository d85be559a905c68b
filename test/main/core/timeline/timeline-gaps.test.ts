import { describe, expect, it } from 'vitest'
import { memoryModule } from './timeline-fixtures'
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
})
