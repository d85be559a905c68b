import { describe, expect, it } from 'vitest'
import {
  RESTART_MARKER,
  extractLogDelta,
  type LogCursor,
  type ProcessLog
} from '../../../../src/main/core/sync/log-delta'
import { MAX_CHECKPOINTS } from '../../../../src/main/core/sync/stale-copy'

/** Feeds events in order and collects every line delivered, and how many events were stale or restarted. */
function feed(events: ProcessLog[]) {
  let cursor: LogCursor | null = null
  const lines: string[] = []
  let restarts = 0
  let stale = 0
  for (const event of events) {
    const delta = extractLogDelta(cursor, event)
    cursor = delta.cursor
    if (delta.restarted) restarts++
    if (delta.stale) stale++
    for (const chunk of delta.chunks) lines.push(...chunk.lines)
  }
  return { cursor, lines, restarts, stale }
}

const numbered = (from: number, to: number, sep = '\n') =>
  Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}${sep}`).join('')
const copy = (log: string, ended = false): ProcessLog => ({ key: 'k', log, ended })
const expected = (to: number) => Array.from({ length: to }, (_, i) => `line ${i + 1}`)

describe('stale console copies (Dinky sends each line from a pool thread)', () => {
  it('an older copy after newer ones changes nothing: 1..10, the copy at 5, then 11..15 yields 15 lines', () => {
    const events = [
      ...Array.from({ length: 10 }, (_, i) => copy(numbered(1, i + 1))),
      copy(numbered(1, 5)),
      ...Array.from({ length: 5 }, (_, i) => copy(numbered(1, 11 + i)))
    ]
    const { lines, restarts, stale } = feed(events)
    expect(lines).toEqual(expected(15))
    expect(restarts).toBe(0)
    expect(stale).toBe(1)
  })

  it('an exact repeat changes nothing', () => {
    const { lines, restarts } = feed([
      copy(numbered(1, 3)),
      copy(numbered(1, 3)),
      copy(numbered(1, 4))
    ])
    expect(lines).toEqual(expected(4))
    expect(restarts).toBe(0)
  })

  it('a copy torn before its separator, arriving after the whole line, changes nothing (LF and CRLF)', () => {
    for (const sep of ['\n', '\r\n']) {
      const whole = numbered(1, 3, sep)
      const torn = whole.slice(0, whole.length - sep.length)
      const { lines, restarts, stale } = feed([copy(whole), copy(torn), copy(numbered(1, 4, sep))])
      expect(lines).toEqual(expected(4))
      expect(restarts).toBe(0)
      expect(stale).toBe(1)
    }
  })

  it('a torn copy before the whole line holds the line back, then delivers it once', () => {
    const whole = numbered(1, 3)
    const { lines, restarts } = feed([copy(numbered(1, 2)), copy(whole.slice(0, -1)), copy(whole)])
    expect(lines).toEqual(expected(3))
    expect(restarts).toBe(0)
  })

  it('a copy older than the held-back text is stale when the held-back text continues it', () => {
    const { lines, restarts, stale } = feed([
      copy('line 1\nline 2 is lo'),
      copy('line 1\nline 2'),
      copy('line 1\nline 2 is long\n')
    ])
    expect(lines).toEqual(['line 1', 'line 2 is long'])
    expect(restarts).toBe(0)
    expect(stale).toBe(1)
  })

  it('a copy older than every checkpoint is recognised by the head of the log', () => {
    const late = MAX_CHECKPOINTS * 3
    const { lines, restarts } = feed([
      copy(numbered(1, late)),
      copy(numbered(1, 2)),
      copy(numbered(1, late + 1))
    ])
    expect(lines).toEqual(expected(late + 1))
    expect(restarts).toBe(0)
  })

  it('a late copy sent before the run ended does not reopen it', () => {
    const { cursor, lines } = feed([
      copy(numbered(1, 2)),
      copy(numbered(1, 3), true),
      copy(numbered(1, 3))
    ])
    expect(lines).toEqual(expected(3))
    expect(cursor?.ended).toBe(true)
  })

  it('a shorter log that disagrees with what was read still restarts', () => {
    const read = numbered(1, 6)
    const rewritten = numbered(1, 3).replace('line 3', 'LINE 3')
    const { lines, restarts } = feed([copy(read), copy(rewritten)])
    expect(restarts).toBe(1)
    expect(lines.slice(6)).toEqual([RESTART_MARKER, 'line 1', 'line 2', 'LINE 3'])
  })

  it('a new key still starts a new run', () => {
    let cursor = extractLogDelta(null, copy(numbered(1, 5))).cursor
    const next = extractLogDelta(cursor, { key: 'k2', log: numbered(1, 2), ended: false })
    cursor = next.cursor
    expect(next.stale).toBe(false)
    expect(next.chunks).toEqual([{ run: 'k2', lines: ['line 1', 'line 2'] }])
  })

  it('keeps at most twice MAX_CHECKPOINTS probes per process, whatever the event sizes', () => {
    let cursor: LogCursor | null = null
    for (let n = 1; n <= 300; n += 1 + (n % 7))
      cursor = extractLogDelta(cursor, copy(numbered(1, n))).cursor
    cursor = extractLogDelta(cursor, copy(numbered(1, 800))).cursor
    const ends: number[] = []
    for (let node = cursor?.checkpoints ?? null; node; node = node.older) ends.push(node.end)
    expect(ends.length).toBeGreaterThanOrEqual(MAX_CHECKPOINTS)
    expect(ends.length).toBeLessThan(2 * MAX_CHECKPOINTS)
    expect(ends[0]).toBe(numbered(1, 800).length)
    expect(ends).toEqual([...ends].sort((a, b) => b - a))
  })
})
