import { describe, expect, it } from 'vitest'
import { createRetryScanner } from '../../../../src/main/core/stream/retry-scanner'

function scan(chunks: string[]): number[] {
  const seen: number[] = []
  const feed = createRetryScanner((ms) => seen.push(ms))
  for (const chunk of chunks) feed(Buffer.from(chunk, 'utf8'))
  return seen
}

describe('retry scanner', () => {
  it('gives up on absurd values after a bounded look, in linear time', () => {
    expect(scan(['retry:999999999999\n'])).toEqual([999_999_999_999])
    expect(scan(['retry:1234567890123456\n', 'retry:5\n'])).toEqual([5])
    const digits = '9'.repeat(2 * 1024 * 1024)
    const started = performance.now()
    // Split anywhere: the carried line must stop growing too, not only a line within one chunk.
    expect(scan(['retry:', digits.slice(0, 7), digits, '\nretry:3\n'])).toEqual([3])
    expect(scan(['retry:' + digits + '\n'])).toEqual([])
    expect(performance.now() - started).toBeLessThan(250)
  })

  it("reads Spring's first frame and later retry lines", () => {
    expect(scan(['retry:1000\n\ndata:{"topic":"HEART_BEAT"}\n\n'])).toEqual([1000])
    expect(scan(['data:x\n\nretry:250\r\n\n', 'retry:3000\n\n'])).toEqual([250, 3000])
  })

  it('ignores retry: that is not at the start of a line, and values that are not digits', () => {
    expect(scan(['data:{"log":"will retry:5 times"}\n\n'])).toEqual([])
    expect(scan(['retry:12a\n\nretry:\n\nretry: 5\n\n'])).toEqual([])
  })

  it('finds a retry line split anywhere across chunks', () => {
    const stream = 'data:a\n\nretry:1500\n\ndata:b\n\n'
    for (let cut = 1; cut < stream.length; cut++) {
      expect(scan([stream.slice(0, cut), stream.slice(cut)]), `cut at ${cut}`).toEqual([1500])
    }
    expect(scan(['re', 'tr', 'y:', '4', '2', '\n'])).toEqual([42])
  })

  it('skips one leading byte order mark', () => {
    expect(scan(['\ufeffretry:1000\n\n'])).toEqual([1000])
    expect(scan(['\ufeffre', 'try:7\n'])).toEqual([7])
  })

  it('does not take the end of a data line for the start of a retry line across chunks', () => {
    expect(scan(['data:x', 'retry:9\n\n'])).toEqual([])
    expect(scan(['data:xre', 'try:9\n\n'])).toEqual([])
    expect(scan(['retr', 'oops\nretry:5\n'])).toEqual([5])
    expect(scan(['retr', 'oopsretry:5\n'])).toEqual([])
  })
})
