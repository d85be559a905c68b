/**
 * A vitest reporter that makes a flaky test easy to see: at the end of a run it lists the slowest tests (a test
 * that waits on the wall clock shows up here first) and every test that ran more than once, with its attempts.
 * It runs before the default reporter, so vitest's own summary ("Tests  N passed | N failed") stays the last
 * thing printed; it changes no result.
 */
import type { Reporter, TestCase, Vitest } from 'vitest/node'

/** What the reporter needs of a test case; the unit test feeds plain objects of this shape. */
export type ReportedCase = Pick<TestCase, 'fullName' | 'diagnostic' | 'result'> & {
  module: Pick<TestCase['module'], 'relativeModuleId'>
  project: Pick<TestCase['project'], 'name'>
}

export interface SlowTestsOptions {
  /** How many of the slowest tests to list; default 15. */
  limit?: number
  /** Where the lines go; default vitest's logger (stdout). */
  print?: (text: string) => void
}

interface Row {
  name: string
  duration: number
  attempts: number
  state: string
  flaky: boolean
}

const where = (test: ReportedCase): string =>
  `${test.module.relativeModuleId} > ${test.fullName}${test.project.name ? ` [${test.project.name}]` : ''}`

export class SlowTestsReporter implements Reporter {
  private readonly limit: number
  private print: ((text: string) => void) | undefined
  private rows: Row[] = []

  constructor(options: SlowTestsOptions = {}) {
    this.limit = options.limit ?? 15
    this.print = options.print
  }

  onInit(vitest: Vitest): void {
    this.print ??= (text) => vitest.logger.log(text)
  }

  /** A watch-mode rerun starts over. */
  onTestRunStart(): void {
    this.rows = []
  }

  onTestCaseResult(test: ReportedCase): void {
    const diagnostic = test.diagnostic()
    if (!diagnostic) return // skipped or never run
    this.rows.push({
      name: where(test),
      duration: diagnostic.duration,
      attempts: diagnostic.retryCount + 1,
      state: test.result().state,
      flaky: diagnostic.flaky
    })
  }

  onTestRunEnd(): void {
    const print = this.print ?? ((text: string) => console.log(text))
    print(this.render())
  }

  /** The report as text: the slowest tests, then the retried ones (or "none", so their absence is visible). */
  render(): string {
    const slowest = [...this.rows].sort((a, b) => b.duration - a.duration).slice(0, this.limit)
    const width = String(Math.round(slowest[0]?.duration ?? 0)).length
    const lines = [`Slowest tests (${slowest.length} of ${this.rows.length}):`]
    for (const row of slowest)
      lines.push(`  ${String(Math.round(row.duration)).padStart(width)} ms  ${row.name}`)
    const retried = this.rows.filter((row) => row.attempts > 1)
    lines.push(`Retried tests: ${retried.length === 0 ? 'none' : retried.length}`)
    for (const row of retried) {
      const outcome = row.flaky ? 'passed on a retry (flaky)' : row.state
      lines.push(`  ${row.attempts} attempts, ${outcome}: ${row.name}`)
    }
    return `\n${lines.join('\n')}\n`
  }
}

/** vitest loads a reporter given by path from its default export. */
export default SlowTestsReporter
