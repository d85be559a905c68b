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
}

/** Switches the Jobs view to every server's jobs (`jobs-scope` = all), whatever control the view made of it. */
async function chooseAllServers(page: Page): Promise<void> {
  const scope = page.getByTestId('jobs-scope')
  await scope.waitFor({ timeout: 15_000 })
  const input = scope.locator('input[value="all"]')
  if ((await input.count()) > 0) return input.first().check({ force: true })
  const option = scope.locator('[data-value="all"], [value="all"]')
  if ((await option.count()) > 0) return option.first().click()
  await scope.click()
  await page.getByRole('option', { name: /all/i }).first().click()
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
  await page.locator(TABLE).waitFor({ state: 'detached', timeout: 15_000 })
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
  const input = page.locator('input[data-testid="jobs-filter-name"], [data-testid="jobs-filter-name"] input')
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

  const sortMs: number[] = []
  for (let i = 0; i < reps; i++) {
    const column = SORTABLE[i % SORTABLE.length]
    const header = `[data-testid="jobs-sort-${column}"]`
    const click: InteractionSpec = { event: 'click', target: header, root: TABLE, ready: null, settleMs: 200 }
    sortMs.push(await timeInteraction(page, click, () => page.locator(header).first().click()))
  }
  return { firstRenderMs, filterMs, sortMs, typed }
}
