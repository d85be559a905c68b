import { describe, expect, it } from 'vitest'
import {
  createServerZone,
  estimateServerOffsetMs,
  formatOffset,
  toZonedTime
} from '../../../../src/main/core/dinky/server-zone'

const HOUR = 3_600_000
/** What a server whose zone is `offsetMs` writes as `Result.time` at the instant `utcMs`. */
const serverNow = (utcMs: number, offsetMs: number) =>
  new Date(utcMs + offsetMs).toISOString().slice(0, 19).replace('T', ' ')
const AT = Date.UTC(2024, 7, 27, 2, 15, 30, 450)

describe('estimateServerOffsetMs', () => {
  it('reads +08:00 from a UTC+8 server, the answer arriving 300 ms after it was written', () => {
    expect(estimateServerOffsetMs(serverNow(AT, 8 * HOUR), AT + 300)).toBe(8 * HOUR)
  })

  it('reads -05:00 from a UTC-5 server, and +05:45 from a Nepal one', () => {
    expect(estimateServerOffsetMs(serverNow(AT, -5 * HOUR), AT)).toBe(-5 * HOUR)
    expect(estimateServerOffsetMs(serverNow(AT, 5.75 * HOUR), AT)).toBe(5.75 * HOUR)
  })

  it('ignores a client clock a few seconds (or minutes) off', () => {
    const written = serverNow(AT, 8 * HOUR)
    for (const skew of [-7_000, 4_000, -3 * 60_000, 6 * 60_000]) {
      expect(estimateServerOffsetMs(written, AT + skew)).toBe(8 * HOUR)
    }
    expect(estimateServerOffsetMs(serverNow(AT, 0), AT + 5_000)).toBe(0)
  })

  it('refuses what is not a wall time, or no zone at all', () => {
    expect(estimateServerOffsetMs('yesterday', AT)).toBeNull()
    expect(estimateServerOffsetMs('2024-08-27T10:15:30+08:00', AT)).toBeNull()
    expect(estimateServerOffsetMs(serverNow(AT, 20 * HOUR), AT)).toBeNull()
  })
})

describe('toZonedTime', () => {
  it('writes every Dinky wire format as ISO-8601 with the server offset, to the second', () => {
    expect(toZonedTime('2024-08-27 10:15:30', 8 * HOUR)).toBe('2024-08-27T10:15:30+08:00')
    expect(toZonedTime('2024-08-27T10:15:30.123', 8 * HOUR)).toBe('2024-08-27T10:15:30+08:00')
    expect(toZonedTime('2024-08-27 10:15:30', -5 * HOUR)).toBe('2024-08-27T10:15:30-05:00')
    expect(toZonedTime('2024-08-27 10:15:30', 0)).toBe('2024-08-27T10:15:30+00:00')
    expect(formatOffset(5.75 * HOUR)).toBe('+05:45')
  })

  it('reads WS epoch ms as a UTC+8 wall time, whatever the server zone', () => {
    const epochAsIfUtc8 = Date.UTC(2024, 7, 27, 10, 15, 30, 999) - 8 * HOUR
    expect(toZonedTime(epochAsIfUtc8, 8 * HOUR)).toBe('2024-08-27T10:15:30+08:00')
    expect(toZonedTime(epochAsIfUtc8, -5 * HOUR)).toBe('2024-08-27T10:15:30-05:00')
  })

  it('parses back to the instant the server meant, in any client zone', () => {
    const written = serverNow(AT, -5 * HOUR)
    expect(Date.parse(toZonedTime(written, -5 * HOUR)!)).toBe(Math.floor(AT / 1000) * 1000)
  })

  it('keeps null, text with its own zone, and text that is no time', () => {
    expect(toZonedTime(null, 0)).toBeNull()
    expect(toZonedTime(undefined, 0)).toBeNull()
    expect(toZonedTime('2024-08-27T02:15:30Z', 8 * HOUR)).toBe('2024-08-27T02:15:30Z')
    expect(toZonedTime('n/a', 8 * HOUR)).toBe('n/a')
  })
})

describe('createServerZone', () => {
  it("starts at Dinky's default +08:00 and follows every Result.time", () => {
    const zone = createServerZone()
    expect(zone.offsetMs()).toBe(8 * HOUR)
    expect(zone.observe(serverNow(AT, 8 * HOUR), AT)).toBe(false)
    expect(zone.observe(serverNow(AT, -5 * HOUR), AT)).toBe(true)
    expect(zone.offsetMs()).toBe(-5 * HOUR)
    expect(zone.observe(undefined, AT)).toBe(false)
    expect(zone.observe('garbage', AT)).toBe(false)
    expect(zone.offsetMs()).toBe(-5 * HOUR)
  })
})
