import { describe, expect, it } from 'vitest'
import { createSseEventMeter } from '../../../../src/main/core/stream/sse-event-meter'

const feedAll = (chunks: string[]) => {
  const meter = createSseEventMeter()
  return chunks.map((chunk) => meter(Buffer.from(chunk)))
}

describe('createSseEventMeter', () => {
  it('sees an event end at an empty line, whatever the line breaks', () => {
    for (const end of ['\n\n', '\r\r', '\r\n\r\n', '\n\r\n', '\r\n\n']) {
      const [reading] = feedAll([`data:x${end}`])
      expect(reading?.eventEnded).toBe(true)
      // The LF of a final CRLF may count as the next event's first byte: a byte of slack, never more.
      expect(reading?.openEventBytes).toBeLessThanOrEqual(1)
    }
    expect(feedAll(['data:x\r\n'])[0]?.eventEnded).toBe(false)
  })

  it('finds an empty line split across chunks', () => {
    expect(feedAll(['data:x\n', '\ndata:y']).map((r) => r.eventEnded)).toEqual([false, true])
    expect(feedAll(['data:x\r\n', '\r\n']).map((r) => r.eventEnded)).toEqual([false, true])
    expect(feedAll(['data:x\r', '\r']).map((r) => r.eventEnded)).toEqual([false, true])
  })

  it('counts the bytes of the event still open, across chunks, from the last empty line', () => {
    const readings = feedAll(['data:a\n\ndata:', 'bbbb', 'cc\n', 'dd'])
    expect(readings.map((r) => r.openEventBytes)).toEqual([5, 9, 12, 14])
    expect(readings.map((r) => r.eventEnded)).toEqual([true, false, false, false])
  })
})
