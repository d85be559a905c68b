/** Helpers both app kinds share: named screenshots, waiting for a test id, polling the records. */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import type { E2eApp } from './e2e-app'
import { SCREENSHOT_DIR } from './project-paths'
import type { AppRecords } from './protocol'

/** Screenshots are test output (git-ignored); names become file names, so keep them path-safe. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`Screenshot name must be a plain file name: ${name}`)
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  // Finished transitions (a menu's selection fading over) and no caret: the same screen gives the same picture.
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
  return path
}

export async function waitForTestId(
  page: Page,
  testId: string,
  timeoutMs = 30_000
): Promise<Locator> {
  const locator = page.getByTestId(testId).first()
  await locator.waitFor({ state: 'visible', timeout: timeoutMs })
  return locator
}

/** Polls until `find` returns something, for records that arrive asynchronously. */
export async function pollFor<T>(
  find: () => Promise<T | undefined>,
  what: string,
  timeoutMs: number
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = await find()
    if (found !== undefined) return found
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

type PageAndRecordQueries = Pick<
  E2eApp,
  | 'waitForTestId'
  | 'screenshot'
  | 'records'
  | 'notifications'
  | 'waitForNotification'
  | 'tray'
  | 'dialogs'
  | 'externalUrls'
>

/**
 * The `E2eApp` members that only read the first window or the records: both app kinds reach those two their own
 * way (rpc link, or Playwright's `_electron`) and answer everything else from them alike.
 */
export function pageAndRecordQueries(
  firstWindow: () => Promise<Page>,
  records: () => Promise<AppRecords>
): PageAndRecordQueries {
  return {
    waitForTestId: async (testId, opts = {}) =>
      waitForTestId(opts.page ?? (await firstWindow()), testId, opts.timeoutMs),
    screenshot: async (name, page) => saveScreenshot(page ?? (await firstWindow()), name),
    records,
    notifications: async () => (await records()).notifications,
    waitForNotification: (match = () => true, waitMs = 30_000) =>
      pollFor(
        async () => (await records()).notifications.find(match),
        'a matching notification',
        waitMs
      ),
    tray: async () => (await records()).tray,
    dialogs: async () => (await records()).dialogs,
    externalUrls: async () => (await records()).externalUrls
  }
}
