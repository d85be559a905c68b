/**
 * The all-servers Jobs table under the stopwatch (issue 23: each p95 under 50 ms): its first render when the view
 * opens, each keystroke in the name filter, and each click on a sortable header, every one timed in the page from
 * the input event to the paint after the last change it caused in the table (scale-page.ts).
 */
import type { Page } from 'playwright-core'
import { timeInteraction, type InteractionSpec } from './scale-page'

const TABLE = '[data-testid="jobs-table"]'
const ROW = `${TABLE} [data-testid="job-row"]`
const SORTABLE = ['name', 'status', 'server', 'duration', 'updated']

export interface TableTimes {
  firstRenderMs: number[]
  filterMs: number[]
  sortMs: number[]
  /** What was typed into the name filter (a prefix of a listed job's name). */
  typed: string
  /** The headers clicked, in turn. */
  sortedBy: string[]
}

/** Switches the Jobs view to every server's jobs: the scope switch's "All servers" option (the app runs in en-US). */
async function chooseAllServers(page: Page): Promise<void> {
  const option = page.getByTestId('jobs-scope').locator('label', { hasText: 'All servers' })
  await option.click({ timeout: 15_000 })
  if (!(await option.locator('input').isChecked()))
    throw new Error('the Jobs view did not switch to all servers')
}

/** Opens Jobs on all servers and waits for rows from more than one server in the store's list. */
export async function openAllServersJobs(page: Page): Promise<void> {
  await page.getByTestId('nav-jobs').click()
  await page.locator(TABLE).waitFor({ timeout: 15_000 })
  await chooseAllServers(page)
  await page.locator(ROW).first().waitFor({ timeout: 15_000 })
}

const leaveJobs = async (page: Page) => {
  await page.getByTestId('nav-overview').click()
  await page.getByTestId('view-overview').waitFor({ timeout: 15_000 })
  // Hidden (the Jobs view stays mounted once opened) or gone.
  await page.locator(TABLE).waitFor({ state: 'hidden', timeout: 15_000 })
}

/** `reps` openings, `reps` keystrokes (typing a prefix, then erasing it), `reps` header clicks. */
export async function measureTable(page: Page, reps: number): Promise<TableTimes> {
  const firstRenderMs: number[] = []
  const firstRender: InteractionSpec = {
    event: 'click',
    target: '[data-testid="nav-jobs"]',
    root: null,
    ready: ROW,
    settleMs: 250
  }
  for (let i = 0; i < reps; i++) {
    await leaveJobs(page)
    firstRenderMs.push(
      await timeInteraction(page, firstRender, () => page.getByTestId('nav-jobs').click())
    )
  }

  const name = (await page.locator(`${ROW} [data-testid="job-name"]`).first().textContent()) ?? ''
  const typed = [...name.trim()].slice(0, Math.max(1, Math.ceil(reps / 2))).join('')
  const input = page.locator(
    'input[data-testid="jobs-filter-name"], [data-testid="jobs-filter-name"] input'
  )
  await input.first().click()
  const keystroke: InteractionSpec = {
    event: 'input',
    target: '[data-testid="jobs-filter-name"]',
    root: TABLE,
    ready: null,
    settleMs: 200
  }
  const filterMs: number[] = []
  const keys = [...typed, ...[...typed].map(() => 'Backspace')]
  for (const key of keys) {
    filterMs.push(await timeInteraction(page, keystroke, () => page.keyboard.press(key)))
  }

  const shown = await page
    .locator(`${TABLE} [data-testid^="jobs-sort-"]`)
    .evaluateAll((headers) => headers.map((h) => h.getAttribute('data-testid')))
  const columns = SORTABLE.filter((column) => shown.includes(`jobs-sort-${column}`))
  if (columns.length === 0) throw new Error('the Jobs table shows no sortable header')
  const sortMs: number[] = []
  for (let i = 0; i < reps; i++) {
    const column = columns[i % columns.length]
    const header = `[data-testid="jobs-sort-${column}"]`
    const click: InteractionSpec = {
      event: 'click',
      target: header,
      root: TABLE,
      ready: null,
      settleMs: 200
    }
    sortMs.push(await timeInteraction(page, click, () => page.locator(header).first().click()))
  }
  return { firstRenderMs, filterMs, sortMs, typed, sortedBy: columns }
}
