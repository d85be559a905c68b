/**
 * `alert_rules` of `npm run bench` in its quick mode: pure Node on a manual clock, well under a second of work, so it
 * is smoke-tested here (that it judges and reports; the timing verdict is the benchmark's, not the test's).
 */
import { describe, expect, it } from 'vitest'
import { runAlertRules } from '../../bench/alert-rules'

describe('the alert_rules benchmark (quick)', () => {
  it('runs 2,000 jobs × 10 rules through the center, alerts firing and resolving, beside its baseline', async () => {
    const result = await runAlertRules({ quick: true, log: () => undefined })
    const f = result.figures as Record<string, number>
    expect(f['jobs']).toBe(2_000)
    expect(f['rules']).toBe(10)
    expect(f['polls']).toBe(200)
    expect(f['events']).toBeGreaterThan(100)
    expect(f['open_alerts_at_end']).toBeGreaterThan(0)
    for (const key of [
      'ms_per_poll_p50',
      'ms_per_poll_p95',
      'copy_list_ms_p50',
      'full_judge_ms_p50'
    ])
      expect(f[key]).toBeGreaterThan(0)
    expect(result.verdicts[1]).toMatch(/under 1 ms per poll \(median\): (met|NOT met)/)
    expect(f['open_alerts_at_reconnect']).toBeGreaterThan(0)
  })
})
