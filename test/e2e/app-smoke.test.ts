/** Today's built app starts under the harness: its window, its preload bridge and a clean exit. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from './harness/project-paths'
import { useFirstRunApp } from './harness/scenario-fixture'

const packageVersion = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version

describe('the built app', () => {
  const scenario = useFirstRunApp({ waitForLive: false })

  it('opens a window that shows Dinky Console', async () => {
    const { app, page } = scenario
    await expect(page.title()).resolves.toBe('Dinky Console')
    await page.getByText('Dinky Console', { exact: true }).first().waitFor({ state: 'visible' })
    await app.screenshot('smoke-first-window')
  })

  it('exposes only the preload API, and it reaches main: app:info answers with the version', async () => {
    const { page } = scenario
    const bridge = await page.evaluate(async () => {
      const w = globalThis as unknown as Record<string, unknown> & {
        api: { invoke(channel: string): Promise<unknown> }
      }
      return {
        api: Object.entries(w.api).map(([key, value]) => `${key}:${typeof value}`),
        ipcRenderer: typeof w['ipcRenderer'],
        require: typeof w['require'],
        info: await w.api.invoke('app:info')
      }
    })
    expect(bridge.api.sort()).toEqual(['invoke:function', 'on:function'])
    expect(bridge.ipcRenderer).toBe('undefined')
    expect(bridge.require).toBe('undefined')
    expect(bridge.info).toMatchObject({
      ok: true,
      value: { version: packageVersion, locale: 'en-US', secretsBackend: 'basic_text' }
    })
  })

  it('runs without uncaught errors in the page or in main, and exits with 0 on quit', async () => {
    const { app } = scenario
    expect(app.pageErrors()).toEqual([])
    expect((await app.records()).mainErrors).toEqual([])
    await app.close()
    expect(await app.exited).toBe(0)
  })
})
