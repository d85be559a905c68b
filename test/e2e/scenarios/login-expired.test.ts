/**
 * Scenario 7: tokens expire. With the stored password the app logs in again on its own; once the password was
 * changed on the server (Dinky restarted with another one) the re-login is refused, the badge says Login expired and
 * offers "Log in again"; a wrong password is refused in the prompt, the right one brings the server back to Live.
 */
import { describe, expect, it } from 'vitest'
import { connectionBadge, openLoginPrompt, openView, waitForBadge } from '../harness/console-page'
import { useScenario } from '../harness/scenario-fixture'

const NEW_PASSWORD = 'rotated-Pa55word'

describe('an expired login', () => {
  const scenario = useScenario()

  it('logs in again by itself while the stored password still works', async () => {
    const { sim, page } = scenario
    const logins = sim.control.stats().logins
    sim.control.expireTokens()
    await expect.poll(() => sim.control.stats().logins, { timeout: 30_000 }).toBe(logins + 1)
    await waitForBadge(page, 'live')
    expect(await page.getByTestId('log-in-again').count()).toBe(0)
  })

  it('asks for the password when the re-login is refused, and is Live again after logging in', async () => {
    const { app, page } = scenario
    // Dinky restarted with a changed password: every token is gone and the stored password no longer works.
    await scenario.stopSimulator()
    await scenario.restartSimulator({ password: NEW_PASSWORD })
    await waitForBadge(page, 'auth-expired', 30_000)
    await expect(connectionBadge(page).textContent()).resolves.toBe('Login expired')
    await openView(page, 'jobs')
    expect(await page.getByTestId('job-row').count()).toBe(12)

    // A click while the prompt still zooms in can miss its button (waitForOpeningMotion says how).
    const prompt = await openLoginPrompt(page)
    const password = prompt.getByTestId('login-password')
    await password.fill('not-the-password')
    await prompt.getByTestId('login-submit').click()
    await prompt.getByRole('alert').waitFor()
    await expect(prompt.getByRole('alert').textContent()).resolves.toBe(
      'Dinky refused this user name or password.'
    )
    await app.screenshot('scenario-login-refused')

    await password.fill(NEW_PASSWORD)
    await prompt.getByTestId('login-submit').click()
    await password.waitFor({ state: 'hidden' })
    await waitForBadge(page, 'live', 30_000)
    expect(await page.getByTestId('stale-since').count()).toBe(0)
    await expect.poll(() => page.getByTestId('job-row').count()).toBe(12)
  })
})
