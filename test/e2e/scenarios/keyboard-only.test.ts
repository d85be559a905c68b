/**
 * Issue 23's Done-when, by keys alone: with three servers configured and the first one shown, open the command
 * palette (Ctrl+K), find a job of the SECOND server by name, open its drawer there, go to its Checkpoints tab and
 * read it, and close the drawer with Esc, then the shortcut sheet (`?`) and a view by `g` then a letter. The page
 * counts every pointer and mouse event (and every click a pointer made) from before the first key: none may occur.
 * All three servers stay live here (the fleet harness keeps its second one reconnecting, which has no checkpoints
 * to read), so this scenario builds the three from the harness's parts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ServerProfile } from '../../../src/shared/profiles'
import type { Simulator } from '../../../src/simulator/index'
import type { E2eApp } from '../harness/e2e-app'
import {
  configureFleet,
  fleetProfiles,
  startFleetSimulators,
  waitForServer,
  type FleetTriple
} from '../harness/fleet-servers'
import { launchApp } from '../harness/launch-app'
import {
  makeUserDataDir,
  removeUserDataDir,
  writeScenarioSettings
} from '../harness/scenario-server'

/** The page's globals these checks use (the e2e programs are typed without the DOM library). */
interface PageGlobals {
  __pointerInput: { events: number; kinds: string[] }
  addEventListener(
    type: string,
    listener: (event: { type: string; detail?: number }) => void,
    capture: boolean
  ): void
  document: {
    activeElement: {
      getAttribute(name: string): string | null
      closest(selector: string): { getAttribute(name: string): string | null } | null
    } | null
  }
}

/** Starts counting pointer input in the page: pointer/mouse down and up, and clicks with a pointer behind them. */
function countPointerEvents(page: Page): Promise<void> {
  return page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals
    const counts = { events: 0, kinds: [] as string[] }
    page.__pointerInput = counts
    const types = [
      'pointerdown',
      'pointerup',
      'mousedown',
      'mouseup',
      'click',
      'dblclick',
      'contextmenu'
    ]
    for (const type of types) {
      page.addEventListener(
        type,
        (event) => {
          // A click made by the keyboard (Enter on a button) has detail 0; a pointer's click has detail ≥ 1.
          if (event.type === 'click' && event.detail === 0) return
          counts.events++
          counts.kinds.push(event.type)
        },
        true
      )
    }
  })
}

const pointerInput = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as PageGlobals).__pointerInput)

/** What has the keyboard focus: its test id, role and the drawer tab it belongs to. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = (globalThis as unknown as PageGlobals).document.activeElement
    return {
      testId: element?.getAttribute('data-testid') ?? null,
      role: element?.getAttribute('role') ?? null,
      tab: element?.closest('[data-node-key]')?.getAttribute('data-node-key') ?? null
    }
  })

/** Presses `key` until `reached` says so (at most `limit` times): Tab to a control, an arrow to a tab. */
async function pressUntil(
  page: Page,
  key: string,
  reached: (focus: Awaited<ReturnType<typeof focused>>) => boolean,
  limit = 40
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (reached(await focused(page))) return
    await page.keyboard.press(key)
  }
  expect(reached(await focused(page)), `focus never reached the target pressing ${key}`).toBe(true)
}

describe('keyboard only: palette → a job on the second server → its checkpoints → closed', () => {
  let sims: FleetTriple<Simulator> | undefined
  let profiles: FleetTriple<ServerProfile>
  let userDataDir: string | undefined
  let app: E2eApp | undefined
  let page: Page
  let jobName = ''

  beforeAll(async () => {
    sims = await startFleetSimulators()
    const staging = sims[1]
    staging.control.jobHealth.checkpointInterval(1_000)
    const job = staging.control.world
      .latestInstances()
      .find((i) => i.status === 'RUNNING' && !staging.control.world.task(i.taskId)?.batchModel)!
    jobName = job.name
    profiles = fleetProfiles(sims.map((sim) => sim.url) as unknown as FleetTriple<string>)
    userDataDir = await makeUserDataDir()
    await writeScenarioSettings(userDataDir, { language: 'en-US', theme: 'light' })
    const launch = () =>
      launchApp({ userDataDir: userDataDir!, env: { DINKY_DEMO_URL: sims![0].url } })
    // The three are added through main as the server form adds them; the renderer reads them at the next start.
    app = await launch()
    await configureFleet(await app.firstWindow(), profiles)
    await app.close()
    app = await launch()
    page = await app.firstWindow()
    for (const profile of profiles) await waitForServer(page, profile.id, 'live')
    await page.getByTestId('server-switcher').getByText('Production').waitFor()
  })

  afterAll(async () => {
    await app?.close()
    await Promise.all((sims ?? []).map((sim) => sim.close()))
    await removeUserDataDir(userDataDir)
  })

  it('finds the job, opens its drawer on its server, reads its checkpoints and closes it, with no mouse', async () => {
    await countPointerEvents(page)

    await page.keyboard.press('Control+K')
    await expect.poll(async () => (await focused(page)).testId).toBe('command-palette-input')
    await page.keyboard.type(`${jobName} staging`)
    const palette = page.getByTestId('command-palette')
    const first = palette.getByRole('option').first()
    await expect.poll(() => first.textContent()).toContain(jobName)
    expect(await first.textContent()).toContain('Staging')
    expect(await first.getAttribute('aria-selected')).toBe('true')
    const input = page.getByTestId('command-palette-input')
    expect(await input.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'))

    await page.keyboard.press('Enter')
    const drawer = page.getByTestId('job-detail')
    await drawer.getByText(jobName, { exact: false }).first().waitFor()
    // The job's server is now the one shown, as the switcher would have made it.
    await page.getByTestId('server-switcher').getByText('Staging').waitFor()
    await palette.waitFor({ state: 'hidden' })

    // Into the drawer's tab list with Tab, along it with →, and Enter opens Checkpoints.
    await pressUntil(page, 'Tab', (focus) => focus.role === 'tab')
    await pressUntil(page, 'ArrowRight', (focus) => focus.tab === 'checkpoints', 12)
    await page.keyboard.press('Enter')
    const history = drawer.getByTestId('checkpoint-history')
    await history.waitFor({ timeout: 30_000 })
    await expect
      .poll(() => history.locator('.ant-table-row').count(), { timeout: 30_000 })
      .toBeGreaterThan(0)
    expect(await drawer.getByTestId('checkpoint-counts').textContent()).toContain('Completed')
    await app!.screenshot('keyboard-only-checkpoints')

    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // The sheet on ?, closed by Esc; then g, l goes to Logs.
    await page.keyboard.press('?')
    await page.getByTestId('shortcut-sheet').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('shortcut-sheet').waitFor({ state: 'hidden' })
    await page.keyboard.press('g')
    await page.keyboard.press('l')
    await page.getByTestId('view-logs').waitFor()

    expect(await pointerInput(page)).toEqual({ events: 0, kinds: [] })
    // The counter is not blind: one real click on the page's empty corner is seen.
    await page.mouse.click(2, 700)
    expect((await pointerInput(page)).kinds).toEqual(
      expect.arrayContaining(['pointerdown', 'mousedown', 'click'])
    )
  })

  it("opens views, the palette and the sheet from the application menu (its accelerators' items)", async () => {
    await app!.clickAppMenuItem('menu-view-clusters')
    await page.getByTestId('view-clusters').waitFor()
    await app!.clickAppMenuItem('menu-palette')
    await expect.poll(async () => (await focused(page)).testId).toBe('command-palette-input')
    await page.getByTestId('view-clusters').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('command-palette').waitFor({ state: 'hidden' })
    await app!.clickAppMenuItem('menu-shortcuts')
    await page.getByTestId('shortcut-sheet').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('shortcut-sheet').waitFor({ state: 'hidden' })
  })
})
