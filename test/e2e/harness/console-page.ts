/**
 * What a person looks at and clicks in the console window, named once for every scenario: the connection badge,
 * the side navigation, job rows and the job drawer's console. Selectors are the renderer's data-testids.
 */
import { readFile } from 'node:fs/promises'
import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { ConnectionState } from '../../../src/shared/connection'
import type { E2eApp } from './e2e-app'

export type BadgeState = ConnectionState['kind']
export type ViewName =
  'fleet' | 'overview' | 'jobs' | 'logs' | 'clusters' | 'diagnostics' | 'settings'

/** The badge of the selected server; its `data-state` is the connection state the renderer shows. */
export function connectionBadge(page: Page): Locator {
  return page.getByTestId('connection-badge')
}

/** Waits until the badge shows `state` (polling the DOM, no fixed sleeps). */
export async function waitForBadge(
  page: Page,
  state: BadgeState,
  timeoutMs = 30_000
): Promise<void> {
  await page
    .locator(`[data-testid="connection-badge"][data-state="${state}"]`)
    .waitFor({ state: 'visible', timeout: timeoutMs })
}

/** A side-menu item by its view: below about 1200 px the menu folds to icons and hides the labels. */
export function menuItem(page: Page, view: ViewName): Locator {
  return page
    .locator('.ant-layout-sider .ant-menu-item')
    .filter({ has: page.getByTestId(`nav-${view}`) })
}

/** Clicks a side-menu item and waits for its view to be on screen (folded menu or not). */
export async function openView(page: Page, view: ViewName): Promise<void> {
  await menuItem(page, view).click()
  await page.getByTestId(`view-${view}`).waitFor({ state: 'visible' })
}

/** The row of the job with this name (its latest instance) in the Jobs view. */
export function jobRow(page: Page, name: string): Locator {
  return page.getByTestId('job-row').filter({ has: page.getByText(name, { exact: true }) })
}

/** Opens a job's drawer from the Jobs view and switches to its Console tab. */
export async function openJobConsole(page: Page, name: string): Promise<Locator> {
  await jobRow(page, name).getByTestId('job-name').click()
  const drawer = page.getByTestId('job-detail')
  await drawer.waitFor({ state: 'visible' })
  // By its key, not its place: the Graph tab (issue 24) now sits between Details and the console.
  await drawer.locator('[data-node-key="console"] [role="tab"]').click()
  return drawer
}

/** The text of the log lines rendered right now (the viewer is virtualized: only rows on screen exist). */
export function renderedLogLines(scope: Locator): Promise<string[]> {
  return scope.getByTestId('log-line').allTextContents()
}

/**
 * Lines of a process log as the simulator wrote them (`ProcessRecord.log`, records may hold several lines),
 * for comparing with what the viewer shows or saves.
 */
export function splitProcessLog(log: string): string[] {
  const lines = log.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/**
 * Saves what a log viewer shows through its Save button, answering the save dialog with `filePath`, and returns
 * the file's lines: the whole log as the viewer holds it, not only the rows on screen.
 */
export async function saveViewerLog(
  app: E2eApp,
  scope: Locator,
  filePath: string
): Promise<string[]> {
  await app.answerDialog('showSaveDialog', { canceled: false, filePath })
  await scope.getByTestId('log-save').click()
  // The file exists before its last byte is written: wait for the app's "saved to <path>" message (in any
  // language it names the path), which comes once the write is done, then read it.
  await scope.page().getByText(filePath).first().waitFor({ timeout: 30_000 })
  const text = await readFile(filePath, 'utf8')
  return text === '' ? [] : text.split('\n')
}

/** A state the badge took, and when the page drew it (epoch ms, the page's clock: the machine's). */
export interface BadgeChange {
  state: string
  at: number
}

/**
 * Starts recording every connection state the badge shows (a MutationObserver in the page), so a test can assert
 * on states too brief to catch by polling; `read()` returns them in order, starting with the current one, and
 * `timed()` with when each was drawn (a timing measured there, not by when the test process looked).
 */
export async function recordBadgeStates(
  page: Page
): Promise<{ read(): Promise<string[]>; timed(): Promise<BadgeChange[]> }> {
  await page.evaluate(() => {
    const w = globalThis as unknown as Record<string, unknown> & {
      document: { querySelector(s: string): { getAttribute(n: string): string | null } | null }
      MutationObserver: new (cb: (records: Array<{ target: unknown }>) => void) => {
        observe(target: unknown, options: Record<string, unknown>): void
      }
    }
    const seen: Array<{ state: string; at: number }> = []
    const badge = () => w.document.querySelector('[data-testid="connection-badge"]')
    seen.push({ state: badge()?.getAttribute('data-state') ?? 'none', at: Date.now() })
    new w.MutationObserver(() => {
      const state = badge()?.getAttribute('data-state') ?? 'none'
      if (seen.at(-1)?.state !== state) seen.push({ state, at: Date.now() })
    }).observe(w.document, { subtree: true, childList: true, attributeFilter: ['data-state'] })
    w['__badgeStates'] = seen
  })
  const timed = () =>
    page.evaluate(() => [
      ...((globalThis as Record<string, unknown>)['__badgeStates'] as BadgeChange[])
    ])
  return { read: async () => (await timed()).map((change) => change.state), timed }
}

/**
 * Waits until an antd popup (a dropdown menu, a modal's dialog) has finished its opening motion. Playwright finds it
 * actionable before that: at opacity 0 it counts as visible, and in the motion's first frames (its classes set, the
 * zoom not yet running) it stands still where it will end, so it is "stable" too. A screenshot taken then shows no
 * popup; a click can press a button there and release it once the zoom has shrunk the dialog away, so the click
 * lands on the modal's wrapper and does nothing (the login prompt never sent its request: scenario 7's flake).
 */
export async function waitForOpeningMotion(popup: Locator): Promise<void> {
  await popup.waitFor()
  await expect
    .poll(() =>
      popup.evaluate((element) => {
        const view = globalThis as unknown as {
          getComputedStyle(element: unknown): { opacity: string }
        }
        const { className } = element as unknown as { className: string }
        return view.getComputedStyle(element).opacity === '1' && !/-(appear|enter)/.test(className)
      })
    )
    .toBe(true)
}

/** Opens the avatar menu and waits until its opening motion is over. */
export async function openAvatarMenu(page: Page): Promise<Locator> {
  await page.getByTestId('avatar-menu').click()
  const menu = page.locator('.ant-dropdown').filter({ has: page.getByTestId('menu-clear-cache') })
  await waitForOpeningMotion(menu)
  return menu
}

/** Opens the password prompt with the badge's "Log in again" and waits until it stands open. */
export async function openLoginPrompt(page: Page): Promise<Locator> {
  await page.getByTestId('log-in-again').click()
  const prompt = page.getByRole('dialog').filter({ has: page.getByTestId('login-password') })
  await waitForOpeningMotion(prompt)
  return prompt
}

/** The computed background colour (`rgb(…)`/`rgba(…)`) of the element `locator` points at. */
export function backgroundColor(locator: Locator): Promise<string> {
  // The colour seen behind the element: its own, else its nearest painted ancestor's (a view's frame is clear).
  // Runs in the page, so it names the DOM through globalThis: the test program has no DOM types.
  return locator.evaluate((element) => {
    type Node = { parentElement: Node | null }
    const view = globalThis as unknown as {
      getComputedStyle(element: Node): { backgroundColor: string }
    }
    const clear = (color: string) => color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color)
    let node: Node | null = element as unknown as Node
    while (node && clear(view.getComputedStyle(node).backgroundColor)) node = node.parentElement
    return node ? view.getComputedStyle(node).backgroundColor : 'transparent'
  })
}
