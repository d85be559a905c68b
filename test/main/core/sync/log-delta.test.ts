import { describe, expect, it } from 'vitest'
import {
  RESTART_MARKER,
  TRUNCATED_MARKER,
  extractLogDelta,
  seededLogCursor,
  type LogCursor,
  type ProcessLog
} from '../../../../src/main/core/sync/log-delta'

/** Feeds events in order and collects every line per run, as a consumer downstream would see them. */
function feed(events: ProcessLog[], start: LogCursor | null = null, maxLineChars?: number) {
  let cursor = start
  const lines: Array<[string, string]> = []
  let restarts = 0
  for (const event of events) {
    const delta = extractLogDelta(cursor, event, { maxLineChars })
    cursor = delta.cursor
    if (delta.restarted) restarts++
    for (const chunk of delta.chunks) for (const line of chunk.lines) lines.push([chunk.run, line])
  }
  return { cursor, lines, restarts }
}

const run = (key: string, log: string, ended = false): ProcessLog => ({ key, log, ended })

describe('extractLogDelta', () => {
  it('delivers each line once while the whole log is resent with every new line', () => {
    const { lines } = feed([
      run('a', 'one'),
      run('a', 'one\ntwo'),
      run('a', 'one\ntwo\nthree', true)
    ])
    expect(lines).toEqual([
      ['a', 'one'],
      ['a', 'two'],
      ['a', 'three']
    ])
  })

  it('holds a partial last line back until its separator arrives', () => {
    const first = extractLogDelta(null, run('a', 'alpha\nbet'))
    expect(first.chunks).toEqual([{ run: 'a', lines: ['alpha'] }])
    const second = extractLogDelta(first.cursor, run('a', 'alpha\nbeta\n'))
    expect(second.chunks).toEqual([{ run: 'a', lines: ['beta'] }])
  })

  it('releases the held-back line when the run ends', () => {
    const first = extractLogDelta(null, run('a', 'x\nlast'))
    const ended = extractLogDelta(first.cursor, run('a', 'x\nlast', true))
    expect(ended.chunks).toEqual([{ run: 'a', lines: ['last'] }])
    expect(extractLogDelta(ended.cursor, run('a', 'x\nlast', true)).chunks).toEqual([])
  })

  it('starts afresh on a new key and completes the old run with its held-back line', () => {
    const { lines } = feed([run('a', 'a1\na2'), run('b', 'b1\nb2', true)])
    expect(lines).toEqual([
      ['a', 'a1'],
      ['a', 'a2'],
      ['b', 'b1'],
      ['b', 'b2']
    ])
  })

  it('splits on CRLF as well as LF', () => {
    const { lines } = feed([run('a', 'one\r\ntwo\r\n'), run('a', 'one\r\ntwo\r\nthree\r\n')])
    expect(lines.map(([, line]) => line)).toEqual(['one', 'two', 'three'])
  })

  it('keeps multi-byte text intact, including characters outside the BMP', () => {
    const text = '提交作业 🚀 Ünïcødé'
    const { lines } = feed([run('a', `${text}\n`), run('a', `${text}\n${text}\n`)])
    expect(lines.map(([, line]) => line)).toEqual([text, text])
  })

  it('restarts the run under a new id, saying so, when the log shrinks', () => {
    const { lines, restarts, cursor } = feed([run('a', 'one\ntwo\nthree\n'), run('a', 'new\n')])
    expect(restarts).toBe(1)
    expect(cursor?.run).toBe('a#1')
    expect(lines.slice(3)).toEqual([
      ['a#1', RESTART_MARKER],
      ['a#1', 'new']
    ])
  })

  it('restarts when the log no longer starts with what was delivered', () => {
    const before = 'x'.repeat(100) + '\nsecond\n'
    const after = 'y'.repeat(100) + '\nsecond\nthird\n'
    const { lines, restarts } = feed([run('a', before), run('a', after)])
    expect(restarts).toBe(1)
    expect(lines.map(([, line]) => line).slice(2)).toEqual([
      RESTART_MARKER,
      'y'.repeat(100),
      'second',
      'third'
    ])
  })

  it('cuts a very long line at the cap with a marker and drops the rest of it', () => {
    const long = 'z'.repeat(50)
    const { lines } = feed(
      [run('a', long.slice(0, 30)), run('a', long), run('a', `${long}\nnext\n`)],
      null,
      20
    )
    expect(lines.map(([, line]) => line)).toEqual(['z'.repeat(20) + TRUNCATED_MARKER, 'next'])
  })

  it('never splits a surrogate pair when cutting a line', () => {
    const line = 'a'.repeat(9) + '😀' + 'b'
    const { lines } = feed([run('a', `${line}\n`)], null, 10)
    expect(lines[0][1]).toBe('a'.repeat(9) + TRUNCATED_MARKER)
  })

  it('after a gap yields only the lines past what it had', () => {
    const first = extractLogDelta(null, run('a', 'l1\nl2\n'))
    const later = extractLogDelta(first.cursor, run('a', 'l1\nl2\nl3\nl4\nl5\n'))
    expect(later.chunks).toEqual([{ run: 'a', lines: ['l3', 'l4', 'l5'] }])
  })

  it('continues after lines seeded from the cache without repeating them', () => {
    const seeded = seededLogCursor('a', 'a', ['l2', 'l3'])
    const delta = extractLogDelta(seeded, run('a', 'l1\nl2\nl3\nl4\nl5'))
    expect(delta.restarted).toBe(false)
    expect(delta.chunks).toEqual([{ run: 'a', lines: ['l4'] }])
    expect(extractLogDelta(delta.cursor, run('a', 'l1\nl2\nl3\nl4\nl5', true)).chunks).toEqual([
      { run: 'a', lines: ['l5'] }
    ])
  })

  it('restarts a seeded run whose cached lines are not in the live log', () => {
    const delta = extractLogDelta(seededLogCursor('a', 'a', ['gone']), run('a', 'l1\n'))
    expect(delta.restarted).toBe(true)
    expect(delta.chunks).toEqual([{ run: 'a#1', lines: [RESTART_MARKER, 'l1'] }])
  })

  it('does work proportional to the new text: 20,000 lines fed event by event', () => {
    const lineCount = 20_000
    const full = Array.from(
      { length: lineCount },
      (_, i) => `2024-08-27 10:15:30 INFO step ${i} of the submission`
    ).join('\n')
    // Each event is the whole log so far, as Dinky sends it; slices of one string keep the test itself linear.
    const ends: number[] = []
    for (let at = full.indexOf('\n'); at >= 0; at = full.indexOf('\n', at + 1)) ends.push(at)
    ends.push(full.length)
    let cursor: LogCursor | null = null
    let work = 0
    let delivered = 0
    for (const end of ends) {
      const delta: ReturnType<typeof extractLogDelta> = extractLogDelta(
        cursor,
        run('k', full.slice(0, end))
      )
      cursor = delta.cursor
      work += delta.work
      for (const chunk of delta.chunks) delivered += chunk.lines.length
    }
    delivered += extractLogDelta(cursor, run('k', full, true)).chunks[0].lines.length
    expect(delivered).toBe(lineCount)
    // Each event re-reads at most the held-back last line plus fixed-size probes: linear, not quadratic
    // (a whole-log comparison per event would be about 10,000 times this).
    expect(work).toBeLessThan(2 * full.length + lineCount * 128)
  })
})
