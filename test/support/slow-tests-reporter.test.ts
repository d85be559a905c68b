/** The slow-tests reporter on fake test cases: order, limit, the retried ones, and nothing printed twice. */
import { describe, expect, it } from 'vitest'
import { SlowTestsReporter, type ReportedCase } from './slow-tests-reporter'

const fake = (
  name: string,
  duration: number,
  extra: { retryCount?: number; flaky?: boolean; state?: 'passed' | 'failed' } = {}
): ReportedCase =>
  ({
    fullName: name,
    module: { relativeModuleId: `test/${name}.test.ts` },
    project: { name: 'node' },
    result: () => ({ state: extra.state ?? 'passed', errors: undefined }),
    diagnostic: () => ({
      duration,
      retryCount: extra.retryCount ?? 0,
      flaky: extra.flaky ?? false,
      slow: false,
      heap: undefined,
      startTime: 0,
      repeatCount: 0
    })
  }) as ReportedCase

const run = (cases: ReportedCase[], limit?: number): string => {
  const printed: string[] = []
  const reporter = new SlowTestsReporter({ limit, print: (text) => printed.push(text) })
  reporter.onTestRunStart()
  cases.forEach((test) => reporter.onTestCaseResult(test))
  reporter.onTestRunEnd()
  expect(printed).toHaveLength(1)
  return printed[0]
}

describe('SlowTestsReporter', () => {
  it('lists the slowest tests first, up to the limit, with duration, file and project', () => {
    const text = run([fake('a', 12.4), fake('b', 3_050), fake('c', 480)], 2)
    expect(text).toContain('Slowest tests (2 of 3):')
    const lines = text.split('\n')
    expect(lines.indexOf('  3050 ms  test/b.test.ts > b [node]')).toBeGreaterThan(0)
    expect(lines.indexOf('   480 ms  test/c.test.ts > c [node]')).toBe(
      lines.indexOf('  3050 ms  test/b.test.ts > b [node]') + 1
    )
    expect(text).not.toContain('test/a.test.ts')
    expect(text).toContain('Retried tests: none')
  })

  it('lists every retried test with its attempts and outcome', () => {
    const text = run([
      fake('steady', 5),
      fake('flaky', 40, { retryCount: 1, flaky: true }),
      fake('broken', 60, { retryCount: 2, state: 'failed' })
    ])
    expect(text).toContain('Retried tests: 2')
    expect(text).toContain(
      '  2 attempts, passed on a retry (flaky): test/flaky.test.ts > flaky [node]'
    )
    expect(text).toContain('  3 attempts, failed: test/broken.test.ts > broken [node]')
    expect(text).not.toMatch(/attempts.*steady/)
  })

  it('skips tests that never ran and starts over on a rerun', () => {
    const skipped = { ...fake('skipped', 0), diagnostic: () => undefined } as ReportedCase
    const printed: string[] = []
    const reporter = new SlowTestsReporter({ print: (text) => printed.push(text) })
    reporter.onTestCaseResult(fake('first-run', 10))
    reporter.onTestRunStart()
    reporter.onTestCaseResult(skipped)
    reporter.onTestCaseResult(fake('rerun', 7))
    reporter.onTestRunEnd()
    expect(printed[0]).toContain('Slowest tests (1 of 1):')
    expect(printed[0]).toContain('7 ms  test/rerun.test.ts > rerun')
    expect(printed[0]).not.toMatch(/first-run|skipped/)
  })
})
