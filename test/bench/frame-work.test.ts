/**
 * The scale bench's reading of a Chromium trace (frame-work.ts): per task that changed a fleet card, the task's own
 * time plus the frame that painted it; what lies between them (waiting for vsync, other tasks) is not work.
 */
import { describe, expect, it } from 'vitest'
import { CARD_MARK, frameWork } from '../../bench/scale/frame-work'

const MAIN = { pid: 7, tid: 1 }
const task = (ts: number, dur: number, on = MAIN) => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  ts,
  dur,
  ...on
})
const inside = (name: string, ts: number, dur = 100) => ({ name, ph: 'X', ts, dur, ...MAIN })
const mark = (ts: number, profileId: string, on = MAIN) => ({
  name: 'TimeStamp',
  ph: 'I',
  ts,
  ...on,
  args: { data: { message: `${CARD_MARK} ${profileId}` } }
})

describe('frameWork', () => {
  it('adds the task that changed a card to the next frame that painted, not the wait between them', () => {
    const trace = {
      traceEvents: [
        task(1_000, 6_000), // the push: 6 ms
        mark(5_000, 'scale-1'),
        task(9_000, 2_000), // a timer: no paint
        inside('Layout', 9_500),
        task(20_000, 4_000), // the frame: 4 ms
        inside('UpdateLayoutTree', 20_100),
        inside('Paint', 21_000),
        task(40_000, 3_000),
        inside('Paint', 40_500)
      ]
    }
    expect(frameWork(trace)).toEqual({ samples: [10], framesMissing: 0 })
  })

  it('counts one sample for a task that changed two cards, and one per task otherwise', () => {
    const events = [
      task(0, 5_000),
      mark(4_000, 'scale-1'),
      mark(4_500, 'scale-2'),
      task(8_000, 3_000),
      inside('Paint', 8_200),
      task(30_000, 7_000),
      mark(36_000, 'scale-3'),
      task(40_000, 2_000),
      inside('Paint', 40_100)
    ]
    expect(frameWork(events).samples).toEqual([8, 9])
  })

  it('says when the painting frame is not in the trace, and counts the task alone', () => {
    const trace = { traceEvents: [task(0, 5_000), mark(100, 'scale-1'), task(9_000, 1_000)] }
    expect(frameWork(trace)).toEqual({ samples: [5], framesMissing: 1 })
  })

  it('reads only the thread the marks are on, and nothing without marks', () => {
    const other = { pid: 7, tid: 2 }
    const trace = [
      task(0, 2_000),
      mark(500, 'scale-1'),
      task(100, 50_000, other),
      task(3_000, 1_000),
      inside('Paint', 3_100)
    ]
    expect(frameWork(trace).samples).toEqual([3])
    expect(frameWork([task(0, 1_000), inside('Paint', 10)])).toEqual({
      samples: [],
      framesMissing: 0
    })
  })

  it('refuses what is not a trace', () => {
    expect(() => frameWork({ nodes: [] })).toThrow(/not a Chromium trace/)
  })
})
