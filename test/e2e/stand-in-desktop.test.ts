/**
 * The stand-in's windows and desktop surfaces: navigation and new windows go through main's handlers, and
 * notifications, tray, dialogs and power events are recorded and drivable from a test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { E2eApp } from './harness/e2e-app'
import { invokeInPage, launchProbe, receivedInPage } from './probe-app'

// The stand-in's own behaviour: not meaningful under DINKY_E2E_REAL_ELECTRON=1.
describe.skipIf(process.env['DINKY_E2E_REAL_ELECTRON'] === '1')(
  'stand-in windows and desktop',
  () => {
    let app: E2eApp
    let page: Page

    beforeAll(async () => {
      app = await launchProbe({ locale: 'zh-CN' })
      page = await app.firstWindow()
      await app.waitForTestId('title')
    })
    afterAll(async () => {
      await app?.close()
    })

    it('sends a target=_blank link through the window open handler, which denies it and opens the browser', async () => {
      await page.getByTestId('external-link').click()
      await expect.poll(() => app.externalUrls()).toEqual(['https://example.com/docs'])
      expect(await app.windows()).toHaveLength(1)
      expect(await invokeInPage(page, 'probe:main-events')).toEqual({
        value: ['window-open https://example.com/docs']
      })
    })

    it("blocks a link navigation that main's will-navigate prevents", async () => {
      const before = page.url()
      await page.getByTestId('navigate-link').click()
      await expect
        .poll(
          async () => ((await invokeInPage(page, 'probe:main-events')) as { value: string[] }).value
        )
        .toContain('will-navigate https://example.com/elsewhere')
      expect(page.url()).toBe(before)
      await expect(page.getByTestId('title').textContent()).resolves.toBe('Probe')
    })

    it('records a shown notification, and a click on it reaches main', async () => {
      await invokeInPage(page, 'probe:notify', 'Job failed', 'orders-etl is FAILED')
      const shown = await app.waitForNotification((n) => n.title === 'Job failed')
      expect(shown).toMatchObject({ body: 'orders-etl is FAILED', closed: false })
      await app.clickNotification(0)
      await expect
        .poll(() => receivedInPage(page))
        .toContain('probe:notification-clicked "Job failed"')
    })

    it('records the tray and runs a tray menu item clicked by label', async () => {
      const tray = await app.tray()
      expect(tray?.tooltip).toBe('Probe: live')
      expect(tray?.menu?.map((item) => item.label)).toEqual(['Show probe', '', 'Quit'])
      await app.clickTrayMenuItem('Show probe')
      await app.clickTray()
      await expect
        .poll(() => receivedInPage(page))
        .toEqual(expect.arrayContaining(['probe:tray "show"', 'probe:tray "icon"']))
    })

    it('delivers a powerMonitor event a test emits', async () => {
      await app.emitPowerMonitor('resume')
      await expect.poll(() => receivedInPage(page)).toContain('probe:power "resume"')
    })

    it('answers a dialog as the test scripted it, and records the call', async () => {
      await app.answerDialog('showSaveDialog', { canceled: false, filePath: '/tmp/probe.log' })
      expect(await invokeInPage(page, 'probe:save')).toEqual({
        value: { canceled: false, filePath: '/tmp/probe.log' }
      })
      expect(await invokeInPage(page, 'probe:save')).toEqual({
        value: { canceled: true, filePath: '' }
      })
      const dialogs = await app.dialogs()
      expect(dialogs.map((d) => [d.method, d.options])).toEqual([
        ['showSaveDialog', { defaultPath: 'probe.log' }],
        ['showSaveDialog', { defaultPath: 'probe.log' }]
      ])
    })

    it('reports version, locale and userData from the launch, and encrypts secrets', async () => {
      const info = (await invokeInPage(page, 'probe:info')) as { value: Record<string, unknown> }
      expect(info.value).toMatchObject({
        name: 'Dinky Console',
        userData: app.userDataDir,
        locale: 'zh-CN',
        backend: 'basic_text',
        cipherContainsPlaintext: false,
        decrypted: 's3cret',
        windowCount: 1,
        trayExists: true
      })
      expect(info.value['version']).toMatch(/^\d+\.\d+\.\d+/)
      expect(await page.evaluate(() => navigator.language)).toBe('zh-CN')
    })

    it('quits when its last window is closed, and the process exits cleanly', async () => {
      await app.closeWindow(page)
      expect(await app.exited).toBe(0)
      expect((await app.windows()).length).toBe(0)
    })
  }
)
