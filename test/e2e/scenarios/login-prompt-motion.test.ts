/**
 * Why scenario 7 opens the login prompt with `openLoginPrompt`: Playwright finds the modal's OK button actionable
 * while antd still zooms the dialog in, and a click whose press lands before the zoom and whose release lands during
 * it never reaches the button (no login is sent, no refusal is shown). Here the page's animation frames are held
 * and CSS animations paused, so the motion moves only when the test says.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openLoginPrompt, waitForBadge, waitForOpeningMotion } from '../harness/console-page'
import { useScenario } from '../harness/scenario-fixture'

/** What the page-side controls need of the window; this file is compiled without the DOM library. */
interface PageElement {
  className: string
  getAttribute(name: string): string | null
  closest(selector: string): PageElement | null
}
interface MotionWindow {
  requestAnimationFrame(callback: (time: number) => void): number
  getComputedStyle(element: unknown): unknown
  document: {
    addEventListener(
      type: string,
      listener: (event: { target: unknown }) => void,
      capture: true
    ): void
    querySelector(selector: string): PageElement | null
  }
  motionControls: { hold(): void; release(): void; clicks: string[]; dialogStyleReads: number }
}

/**
 * Installs in the page: `hold()`/`release()` of animation frames (antd's motion steps on them), the target of every
 * click (`OK` for the prompt's button, else the element's class) and a count of style reads of the dialog.
 */
async function installMotionControls(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as MotionWindow
    const frame = w.requestAnimationFrame.bind(w)
    const style = w.getComputedStyle.bind(w)
    let held: Array<(time: number) => void> | null = null
    const controls: MotionWindow['motionControls'] = {
      hold: () => void (held = []),
      release: () => {
        const queued = held ?? []
        held = null
        for (const callback of queued) frame(callback)
      },
      clicks: [],
      dialogStyleReads: 0
    }
    w.motionControls = controls
    w.requestAnimationFrame = (callback) => (held ? held.push(callback) + 1e9 : frame(callback))
    w.getComputedStyle = (element) => {
      if ((element as PageElement).getAttribute?.('role') === 'dialog') controls.dialogStyleReads++
      return style(element)
    }
    w.document.addEventListener(
      'click',
      (event) => {
        const target = event.target as PageElement
        const ok = target.closest('[data-testid="login-submit"]')
        controls.clicks.push(ok ? 'OK' : target.className)
      },
      true
    )
  })
}

const dialogClass = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as MotionWindow).document.querySelector('[role="dialog"]')
        ?.className ?? ''
  )

describe('the login prompt while it zooms in', () => {
  const scenario = useScenario()

  beforeAll(async () => {
    await scenario.stopSimulator()
    await scenario.restartSimulator({ password: 'rotated-Pa55word' })
    await waitForBadge(scenario.page, 'auth-expired', 30_000)
    await installMotionControls(scenario.page)
  })

  it('loses a click pressed on OK before the zoom and released during it', async () => {
    const { page } = scenario
    const paused = await page.addStyleTag({
      content: '* { animation-play-state: paused !important; }'
    })
    await page.evaluate(() => (globalThis as unknown as MotionWindow).motionControls.hold())
    await page.getByTestId('log-in-again').click()
    await page.getByTestId('login-password').fill('not-the-password')
    // The motion has not begun: the button stands where it will end, and Playwright would click it now.
    expect(await dialogClass(page)).toMatch(/ant-zoom-(appear|enter)-prepare/)
    const box = await page.getByTestId('login-submit').boundingBox()
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2)
    await page.mouse.down()
    await page.evaluate(() => (globalThis as unknown as MotionWindow).motionControls.release())
    // The zoom's first frame (scale 0.2, held by the paused animation) has moved the button away.
    await expect.poll(() => dialogClass(page)).toMatch(/ant-zoom-(appear|enter)-active/)
    await page.mouse.up()
    const clicks = await page.evaluate(
      () => (globalThis as unknown as MotionWindow).motionControls.clicks
    )
    expect(clicks.at(-1)).toMatch(/ant-modal-(wrap|container)/)
    expect(clicks).not.toContain('OK')

    await paused.evaluate((node) => (node as unknown as { remove(): void }).remove())
    const prompt = page.getByRole('dialog')
    await waitForOpeningMotion(prompt)
    await prompt.getByRole('button', { name: 'Cancel' }).click()
    await prompt.waitFor({ state: 'detached' })
  })

  it('openLoginPrompt returns only once the prompt stands open', async () => {
    const { page } = scenario
    await page.evaluate(() => {
      const { motionControls } = globalThis as unknown as MotionWindow
      motionControls.dialogStyleReads = 0
      motionControls.hold()
    })
    const opened = openLoginPrompt(page).then(() => 'opened')
    // Held, the motion cannot end: the helper must still be waiting once it has looked at the dialog twice.
    const looked = expect
      .poll(() =>
        page.evaluate(() => (globalThis as unknown as MotionWindow).motionControls.dialogStyleReads)
      )
      .toBeGreaterThanOrEqual(2)
      .then(() => 'still waiting')
    expect(await Promise.race([opened, looked])).toBe('still waiting')
    expect(await dialogClass(page)).toMatch(/ant-zoom-(appear|enter)/)

    await page.evaluate(() => (globalThis as unknown as MotionWindow).motionControls.release())
    await expect(opened).resolves.toBe('opened')
    expect(await dialogClass(page)).not.toMatch(/-(appear|enter)/)
  })
})
