/**
 * The pure-Node part of `npm run bench` in its quick mode: `console_log` runs in well under a second, so it is
 * smoke-tested here. The loopback and Chromium benchmarks (ingest, reconnect, memory, render, cold_start) take
 * longer than a test should and are left to `npm run bench -- --quick`.
 */
import { describe, expect, it } from 'vitest'
import { runConsoleLog } from '../../bench/console-log'

describe('the console_log benchmark (quick)', () => {
  it('hands the renderer bytes per line that stay flat while the naive forwarder grows with the log', () => {
    const result = runConsoleLog({ quick: true, log: () => undefined })
    const f = result.figures as Record<string, number>
    expect(f['lines']).toBe(2_000)
    expect(f['ours_bytes_per_line']).toBeGreaterThan(0)
    expect(f['ours_bytes_per_line']).toBeLessThan(f['naive_bytes_per_line'] / 100)
    expect(f['ours_bytes_per_line_last_tenth']).toBeLessThan(
      1.5 * f['ours_bytes_per_line_first_tenth']
    )
    expect(f['naive_bytes_per_line_last_tenth']).toBeGreaterThan(
      5 * f['naive_bytes_per_line_first_tenth']
    )
    expect(result.verdicts[0]).toContain('met')
  })
})
