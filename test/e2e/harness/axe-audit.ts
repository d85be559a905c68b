/**
 * axe-core in the e2e pages (issue 23): the pinned axe-core is put into a window and audits the whole page (a view)
 * or one part of it (a drawer, a modal); every run of one screen, in every language and theme the scenario walked,
 * is kept in `test-output/e2e/a11y/<screen>.json`. A serious or critical violation is what fails a test.
 */
import { readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { SCREENSHOT_DIR } from './project-paths'

export const A11Y_REPORT_DIR = join(SCREENSHOT_DIR, 'a11y')

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical'

/** One rule broken on a screen, with the elements (CSS selector paths) that break it. */
export interface AuditViolation {
  id: string
  impact: Impact | null
  help: string
  nodes: Array<{ target: string[]; summary: string }>
}

/** One audit of one screen in one look. */
export interface AuditRun {
  locale: string
  theme: 'light' | 'dark'
  /** `page`, or the part audited (a drawer, a modal). */
  scope: string
  violations: AuditViolation[]
  passes: number
  incomplete: number
}

export interface AuditReport {
  screen: string
  axeVersion: string
  runs: AuditRun[]
}

/** What axe's results look like where we read them (the test program has no axe or DOM types in the page). */
interface AxeResults {
  testEngine: { version: string }
  violations: Array<{
    id: string
    impact: Impact | null
    help: string
    nodes: Array<{ target: unknown[]; failureSummary?: string }>
  }>
  passes: unknown[]
  incomplete: unknown[]
}

const SCOPE_ATTRIBUTE = 'data-a11y-scope'
const reports = new Map<string, AuditReport>()

/**
 * Audits `page` (or only `scope`, for a drawer or modal: the page behind its mask would fail contrast that nobody
 * sees) and records the run under `screen`; returns the run. axe is injected on first use and after a reload.
 */
export async function auditScreen(
  page: Page,
  screen: string,
  look: { locale: string; theme: 'light' | 'dark' },
  scope?: { name: string; locator: Locator }
): Promise<AuditRun> {
  if (!/^[\w.-]+$/.test(screen)) throw new Error(`Audit names must be plain file names: ${screen}`)
  // Evaluated through DevTools, so the page's CSP (no inline scripts, no eval) does not stop it.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource)
  await motionsFinished(page)
  await scope?.locator.evaluate((element, name) => element.setAttribute(name, ''), SCOPE_ATTRIBUTE)
  const results = (await page.evaluate(
    ({ attribute, scoped }) => {
      const { axe } = globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<unknown> }
      }
      return axe.run(scoped ? { include: [[`[${attribute}]`]] } : { exclude: [] }, {
        resultTypes: ['violations']
      })
    },
    { attribute: SCOPE_ATTRIBUTE, scoped: scope !== undefined }
  )) as AxeResults
  await scope?.locator.evaluate((element, name) => element.removeAttribute(name), SCOPE_ATTRIBUTE)

  const run: AuditRun = {
    ...look,
    scope: scope?.name ?? 'page',
    violations: results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map(String),
        summary: node.failureSummary ?? ''
      }))
    })),
    passes: results.passes.length,
    incomplete: results.incomplete.length
  }
  await record(screen, results.testEngine.version, run)
  return run
}

/**
 * Waits for the page's finite animations and transitions (a menu item fading to its selected colour): axe reads
 * colours as they are drawn, and a colour half-way through a transition is one nobody reads. Spinners and other
 * endless animations are left running; a motion that never settles is given up on after `deadlineMs`.
 */
async function motionsFinished(page: Page, deadlineMs = 5_000): Promise<void> {
  await page.evaluate((deadline) => {
    interface Motion {
      finished: Promise<unknown>
      effect: { getComputedTiming(): { endTime?: number | string } } | null
    }
    const { document, setTimeout } = globalThis as unknown as {
      document: { getAnimations(): Motion[] }
      setTimeout(callback: () => void, ms: number): unknown
    }
    const finite = document
      .getAnimations()
      .filter((motion) => Number.isFinite(Number(motion.effect?.getComputedTiming().endTime)))
    return Promise.race([
      Promise.all(finite.map((motion) => motion.finished.catch(() => undefined))),
      new Promise((settle) => setTimeout(() => settle(undefined), deadline))
    ])
  }, deadlineMs)
}

/** The serious and critical violations of a run, one line each: rule, impact, what it asks, the elements. */
export function blockingViolations(run: AuditRun): string[] {
  return run.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ` +
        violation.nodes.map((node) => node.target.join(' ')).join(', ')
    )
}

/** Rewrites the screen's report with every run so far; the first write of a test run clears old reports. */
async function record(screen: string, axeVersion: string, run: AuditRun): Promise<void> {
  if (reports.size === 0) await rm(A11Y_REPORT_DIR, { recursive: true, force: true })
  const report = reports.get(screen) ?? { screen, axeVersion, runs: [] }
  report.runs.push(run)
  reports.set(screen, report)
  await mkdir(A11Y_REPORT_DIR, { recursive: true })
  await writeFile(join(A11Y_REPORT_DIR, `${screen}.json`), JSON.stringify(report, null, 2) + '\n')
}
