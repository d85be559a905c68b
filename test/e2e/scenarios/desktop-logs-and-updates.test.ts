/**
 * Issue 14 end to end: the app writes its log to `<logs>/main.log` (redacted), Diagnostics opens that folder and
 * exports its last lines, Settings and the avatar menu say updates are off in a test run (electron-updater is never
 * loaded). (A start-up failure and a quit during start-up are covered by test/main/desktop/main-lifecycle.test.ts.)
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openAvatarMenu, openView } from '../harness/console-page'
import { useFirstRunApp } from '../harness/scenario-fixture'

describe('logs and updates on the desktop', () => {
  const scenario = useFirstRunApp()

  it('writes the main process’s log to main.log in the logs folder', async () => {
    const { userDataDir } = scenario
    const log = join(userDataDir, 'logs', 'main.log')
    // The file is written as the app goes: wait for each line rather than read it once it exists.
    const text = () => (existsSync(log) ? readFileSync(log, 'utf8') : '')
    await expect
      .poll(text)
      .toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO certificate trust installed=false/m)
    await expect
      .poll(text)
      .toMatch(/INFO \[updates\] auto-update is off for this run reason="test-run"/)
  })

  it('opens the logs folder from Diagnostics, and the export carries the log’s last lines', async () => {
    const { app, page, userDataDir } = scenario
    await openView(page, 'diagnostics')
    await page.getByTestId('open-logs-folder').click()
    await expect
      .poll(async () => (await app.records()).shellCalls)
      .toContainEqual({ method: 'openPath', arg: join(userDataDir, 'logs') })
    await app.screenshot('diagnostics-open-logs-folder')

    const exported = join(userDataDir, 'diagnostics.json')
    await app.answerDialog('showSaveDialog', { canceled: false, filePath: exported })
    await page.getByTestId('diagnostics-export').click()
    // The file appears before its last byte is written: wait for the app to say the export is done, then read it.
    await page.getByText(`Exported to ${exported}`).first().waitFor({ timeout: 30_000 })
    const report = JSON.parse(readFileSync(exported, 'utf8')) as { logTail: string[] }
    expect(report.logTail.length).toBeGreaterThan(0)
    expect(report.logTail.join('\n')).toContain('certificate trust')
  })

  it('says in Settings and from the avatar menu that updates are off in a test run', async () => {
    const { app, page } = scenario
    await openView(page, 'settings')
    await expect
      .poll(() => page.getByTestId('updates-state').textContent())
      .toBe('Updates are off in test runs.')
    expect(await page.getByTestId('updates-check').isDisabled()).toBe(true)
    await page.getByTestId('updates-card').scrollIntoViewIfNeeded()
    await app.screenshot('settings-updates')
    const menu = await openAvatarMenu(page)
    await menu.getByTestId('menu-check-updates').click()
    await page.getByText('Updates are off in test runs.').nth(1).waitFor()
    expect(app.output()).not.toMatch(/electron-updater|Cannot find module/)
  })
})
