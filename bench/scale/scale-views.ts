/**
 * Which of issue 23's views the built app has (the all-servers Jobs table, the fleet overview: other branches), and
 * getting them on screen. A missing one makes its figures "not measured", never a guess.
 */
import type { Page } from 'playwright-core'
import { openAllServersJobs } from './table-timing'

export interface Views {
  /** The Jobs view has the scope switch and the virtualized table (shared test ids of issue 23). */
  jobsTable: boolean
  fleet: boolean
}

/** Looks for the views' entry points; leaves the Jobs view open on all servers when it has them. */
export async function findViews(page: Page): Promise<Views> {
  const fleet = (await page.getByTestId('nav-fleet').count()) > 0
  await page.getByTestId('nav-jobs').click()
  const jobsTable = await page
    .getByTestId('jobs-scope')
    .waitFor({ timeout: 5_000 })
    .then(() => true)
    .catch(() => false)
  if (jobsTable) await openAllServersJobs(page)
  return { jobsTable, fleet }
}

export async function showFleet(page: Page): Promise<void> {
  await page.getByTestId('nav-fleet').click()
  await page.getByTestId('fleet-overview').waitFor({ timeout: 15_000 })
  await page.locator('[data-testid="fleet-server"]').first().waitFor({ timeout: 15_000 })
}

/** The heaviest idle screen there is: all servers' jobs when the table exists, else this server's jobs. */
export async function showJobs(page: Page, views: Views): Promise<void> {
  if (views.jobsTable) return openAllServersJobs(page)
  await page.getByTestId('nav-jobs').click()
  await page.locator('[data-testid="job-row"]').first().waitFor({ timeout: 15_000 })
}
