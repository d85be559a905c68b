/**
 * Issue 23's fleet overview end to end, over three servers: it is the first view when several are configured; the
 * offline server's card shows the figures cached by an earlier run with their age; the reconnecting one says so with
 * figures from this run; a click on a card opens that server's overview, and a failing job's name opens that job on
 * its own server.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openView, waitForBadge } from '../harness/console-page'
import { useFleetScenario } from '../harness/fleet-scenario'
import { FLEET_SERVERS } from '../harness/fleet-servers'

const card = (page: Page, profileId: string) =>
  page.locator(`[data-testid="fleet-server"][data-profile-id="${profileId}"]`)

describe('fleet overview with one live, one reconnecting and one offline server', () => {
  const fleet = useFleetScenario()

  it('opens first, one card per server, each in its state', async () => {
    const { page, profiles } = fleet
    await page.getByTestId('fleet-overview').waitFor()
    await expect.poll(() => page.getByTestId('fleet-server').count()).toBe(3)
    const [live, reconnecting, offline] = profiles.map((profile) => card(page, profile.id))
    await expect.poll(() => live.getAttribute('data-state')).toBe('live')
    await expect(live.getByTestId('fleet-state').textContent()).resolves.toBe('Live')
    expect(await live.getByTestId('fleet-freshness').count()).toBe(0)
    await expect(reconnecting.getAttribute('data-state')).resolves.toBe('reconnecting')
    await expect(reconnecting.getByTestId('fleet-state').textContent()).resolves.toMatch(
      /^Reconnecting \(attempt \d+\)$/
    )
    // Read in this run, so not "cached", but not live either: its age is shown.
    const kept = reconnecting.getByTestId('fleet-freshness')
    await expect(kept.getAttribute('data-cached')).resolves.toBe('false')
    await expect(kept.textContent()).resolves.toMatch(/^Figures from \d\d:\d\d, /)
    await expect(offline.getAttribute('data-state')).resolves.toBe('reconnecting')
    await expect(offline.getByTestId('fleet-state').textContent()).resolves.toMatch(
      /^Unreachable \(attempt \d+\)$/
    )
    // Worst first: the cards with more failing jobs come first.
    const failing = await page
      .getByTestId('fleet-server')
      .evaluateAll((cards) =>
        cards.map((c) => Number((c as unknown as Dataset).dataset['failing']))
      )
    expect(failing).toEqual([...failing].sort((a, b) => b - a))
    expect(Math.max(...failing)).toBeGreaterThan(0)
  })

  it("shows the offline server's cached figures with their age", async () => {
    const { page, profiles, sims, cachedAsOf } = fleet
    const offline = card(page, profiles[2].id)
    const freshness = offline.getByTestId('fleet-freshness')
    await expect(freshness.getAttribute('data-cached')).resolves.toBe('true')
    await expect(freshness.textContent()).resolves.toMatch(
      new RegExp(`^Cached figures from ${clock(cachedAsOf)}, (\\d+ (second|minute)s? ago|now)$`)
    )
    const jobs = sims[2].control.world.latestInstances().length
    await expect(offline.getByTestId('fleet-counts').textContent()).resolves.toMatch(
      new RegExp(`^Jobs: ${jobs}`)
    )
    // Not reached in this run: the version and transport the first run's login learnt, from the cache.
    await expect(offline.getByTestId('fleet-version').textContent()).resolves.toBe(
      `Dinky ${FLEET_SERVERS[2].version} · SSE`
    )
    await expect(offline.getByTestId('fleet-reason').textContent()).resolves.toBe(
      'Why: connection refused'
    )
  })

  it('opens a server on a click on its card, and a failing job on its own server', async () => {
    const { page, profiles, sims } = fleet
    // On the card's body, away from its buttons (a failing job's name opens that job instead).
    await card(page, profiles[2].id).getByTestId('fleet-version').click()
    await page.getByTestId('view-overview').waitFor()
    await waitForBadge(page, 'reconnecting')
    await expect(page.getByTestId('server-switcher').textContent()).resolves.toContain(
      profiles[2].name
    )

    await openView(page, 'fleet')
    await card(page, profiles[0].id).getByTestId('fleet-version').click()
    await page.getByTestId('view-overview').waitFor()
    await waitForBadge(page, 'live')
    await expect(page.getByTestId('server-switcher').textContent()).resolves.toContain(
      profiles[0].name
    )

    await openView(page, 'fleet')
    const failed = sims[0].control.world.latestInstances().find((job) => job.status === 'FAILED')!
    await card(page, profiles[0].id)
      .locator(`[data-testid="fleet-failing-job"][data-job-id="${failed.id}"]`)
      .click()
    const drawer = page.getByTestId('job-detail')
    await drawer.waitFor()
    await expect(drawer.getByText(failed.name).first().isVisible()).resolves.toBe(true)
    await expect(page.getByTestId('view-fleet').isVisible()).resolves.toBe(true)
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
  })

  it('is reachable from the keyboard: Tab to a card, Enter opens its server', async () => {
    const { page, profiles } = fleet
    await openView(page, 'fleet')
    const open = card(page, profiles[1].id).getByTestId('fleet-server-open')
    await expect(open.getAttribute('aria-label')).resolves.toBe(
      `Open ${profiles[1].name}'s overview`
    )
    // Tab from the top of the page until the card's name has the focus (a bounded walk: it must get there).
    await page.getByTestId('fleet-overview').click({ position: { x: 1, y: 1 } })
    for (let presses = 0; presses < 60; presses++) {
      if (await open.evaluate((element) => element === element.ownerDocument.activeElement)) break
      await page.keyboard.press('Tab')
    }
    await expect(
      open.evaluate((element) => element === element.ownerDocument.activeElement)
    ).resolves.toBe(true)
    await page.keyboard.press('Enter')
    await page.getByTestId('view-overview').waitFor()
    await waitForBadge(page, 'reconnecting')
    await expect(page.getByTestId('server-switcher').textContent()).resolves.toContain(
      profiles[1].name
    )
  })
})

type Dataset = { dataset: Record<string, string> }

function clock(epochMs: number): string {
  const date = new Date(epochMs)
  return [date.getHours(), date.getMinutes()].map((n) => String(n).padStart(2, '0')).join(':')
}
