/** The stand-in's IPC behaves as Electron's: round trips, structured-clone rejections, errors, push order. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { E2eApp } from './harness/e2e-app'
import { invokeInPage, launchProbe, receivedInPage } from './probe-app'

// The stand-in's own behaviour: not meaningful under DINKY_E2E_REAL_ELECTRON=1.
describe.skipIf(process.env['DINKY_E2E_REAL_ELECTRON'] === '1')('stand-in IPC', () => {
  let app: E2eApp
  let page: Page

  beforeAll(async () => {
    app = await launchProbe()
    page = await app.firstWindow()
    await app.waitForTestId('title')
  })
  afterAll(async () => {
    await app?.close()
  })

  it('round-trips an invoke to its handler with the sender window and a file:// sender frame', async () => {
    const answer = await page.evaluate(async () => {
      type Echo = {
        value: Record<string, unknown>
        kindsInMain: unknown
        senderUrl: string
        fromWindow: boolean
      }
      const probe = (
        globalThis as unknown as { probe: { invoke(c: string, a: unknown): Promise<Echo> } }
      ).probe
      const sent = {
        jobs: [{ id: 7 }],
        at: new Date(0),
        tags: new Set(['a']),
        byId: new Map([[7, 'orders']])
      }
      const { value, kindsInMain, senderUrl, fromWindow } = await probe.invoke('probe:echo', sent)
      const { tags, byId, at, jobs } = value
      return {
        back: {
          jobs,
          at: at instanceof Date ? at.getTime() : 'not a Date',
          tags: tags instanceof Set ? [...tags] : 'not a Set',
          byId: byId instanceof Map ? [...byId] : 'not a Map'
        },
        kindsInMain,
        senderUrl,
        fromWindow
      }
    })
    expect(answer.back).toEqual({ jobs: [{ id: 7 }], at: 0, tags: ['a'], byId: [[7, 'orders']] })
    expect(answer.kindsInMain).toEqual({ jobs: 'Array', at: 'Date', tags: 'Set', byId: 'Map' })
    expect(answer.fromWindow).toBe(true)
    expect(answer.senderUrl).toMatch(/^file:\/\/.*\/fixtures\/probe\/index\.html$/)
  })

  it('rejects an argument that cannot be cloned, before it reaches main', async () => {
    const error = await page.evaluate(async () => {
      const probe = (
        globalThis as unknown as { probe: { invoke(c: string, a: unknown): Promise<unknown> } }
      ).probe
      return probe.invoke('probe:echo', { callback: () => 1 }).catch((e: Error) => e.message)
    })
    expect(error).toBe('An object could not be cloned.')
  })

  it("rejects a channel without a handler with Electron's message", async () => {
    expect(await invokeInPage(page, 'probe:nobody-home')).toEqual({
      error:
        "Error invoking remote method 'probe:nobody-home': Error: No handler registered for 'probe:nobody-home'"
    })
  })

  it('passes a thrown error as its string form, and refuses a result that cannot be cloned', async () => {
    expect(await invokeInPage(page, 'probe:throw')).toEqual({
      error: "Error invoking remote method 'probe:throw': Error: boom"
    })
    expect(await invokeInPage(page, 'probe:unclonable-result')).toEqual({
      error:
        "Error invoking remote method 'probe:unclonable-result': Error: An object could not be cloned."
    })
  })

  it('delivers webContents.send to ipcRenderer.on listeners in order', async () => {
    await invokeInPage(page, 'probe:push', 'probe:pushed', [1, { two: 2 }, 'three'])
    await expect
      .poll(() => receivedInPage(page))
      .toEqual(['probe:pushed 1', 'probe:pushed {"two":2}', 'probe:pushed "three"'])
  })

  it('throws in main when webContents.send gets an argument that cannot be serialized', async () => {
    expect(await invokeInPage(page, 'probe:push-function')).toEqual({
      value: 'Error: Failed to serialize arguments'
    })
  })

  it('exposes only the preload API: no ipcRenderer, no require, and the CSP still blocks inline scripts', async () => {
    const world = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown> & {
        probe: { ipcRendererReachable(): boolean }
      }
      return {
        probe: Object.keys(w.probe).sort(),
        ipcRenderer: w.probe.ipcRendererReachable(),
        require: typeof w['require'],
        inline: w['inlineScriptRan'] === true
      }
    })
    expect(world).toEqual({
      probe: ['invoke', 'ipcRendererReachable', 'on'],
      ipcRenderer: false,
      require: 'undefined',
      inline: false
    })
  })
})
