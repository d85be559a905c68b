import { describe, expect, it } from 'vitest'
import {
  parseTimelineDocument,
  TEXT_LIMITS
} from '../../../../src/main/core/timeline/timeline-document'
import { TimelineStore } from '../../../../src/main/core/timeline/timeline-store'
import { createFakeClock } from '../connection/fake-clock'
import { memoryModule, warningLogger } from './timeline-fixtures'

const good = (n: number) => ({
  id: `${n}-${n}`,
  at: n,
  profileId: 'p',
  jobId: 1,
  taskId: 10,
  jobName: 'j',
  kind: 'restart',
  count: 1,
  total: n
})

describe('the timeline document read back', () => {
  it('keeps the good events of a damaged file, cuts long texts, and warns once', () => {
    const logger = warningLogger()
    const file = memoryModule({
      version: 1,
      aliveAt: 5,
      seq: 9,
      events: [
        good(1),
        { ...good(2), kind: 'status', from: 'RUNNING', to: 'EXPLODED' },
        'not an event',
        { ...good(3), count: -1 },
        good(1),
        { ...good(4), jobName: 'x'.repeat(10_000) },
        { ...good(5), kind: 'action', action: 'stop', ok: true, message: 'm'.repeat(50_000) }
      ]
    })
    const store = new TimelineStore({
      profileId: 'p',
      file,
      settings: () => ({ maxAgeDays: 30, maxEvents: 100 }),
      logger,
      clock: createFakeClock()
    })
    const events = store.query()
    expect(events.map((e) => e.at)).toEqual([5, 4, 1])
    expect(events[1].jobName).toHaveLength(TEXT_LIMITS.name + 2)
    expect(events[0].kind === 'action' && events[0].message.length).toBe(TEXT_LIMITS.message + 2)
    expect(store.aliveAt).toBe(5)
    expect(logger.warnings).toHaveLength(1)
    expect(logger.warnings[0]).toMatch(/4 of 7 events dropped/)
    // The next id does not collide with the ones read back.
    expect(store.add({ ...good(6), kind: 'restart' }).id).toBe('6-10')
  })

  it('starts empty from a document that is not a timeline, and looks at no more than the bound', () => {
    expect(parseTimelineDocument([1, 2], 10)).toMatchObject({
      document: { events: [], aliveAt: null },
      problem: expect.stringMatching(/not a timeline/)
    })
    expect(parseTimelineDocument({ version: 2, events: [] }, 10).problem).toMatch(/not a timeline/)
    expect(parseTimelineDocument(null, 10)).toMatchObject({ problem: null })
    const many = {
      version: 1,
      aliveAt: 1,
      seq: 1,
      events: Array.from({ length: 50 }, (_, i) => good(i + 1))
    }
    const parsed = parseTimelineDocument(many, 10)
    expect(parsed.document.events.map((e) => e.at)).toEqual([
      41, 42, 43, 44, 45, 46, 47, 48, 49, 50
    ])
    expect(parsed.problem).toBeNull()
  })
})
