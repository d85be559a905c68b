/** Launches the probe fixture (a small main process written against Electron's API) for the stand-in's own tests. */
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import type { E2eApp, LaunchOptions } from './harness/e2e-app'
import { launchApp } from './harness/launch-app'

export const PROBE_MAIN = fileURLToPath(new URL('./fixtures/probe/main.ts', import.meta.url))

export function launchProbe(options: LaunchOptions = {}): Promise<E2eApp> {
  return launchApp({ ...options, main: PROBE_MAIN })
}

/** Calls `window.probe.invoke` in the page; a rejection comes back as `{ error: message }`. */
export function invokeInPage(page: Page, channel: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    async ([c, a]) => {
      const probe = (
        globalThis as unknown as { probe: { invoke(c: string, ...a: unknown[]): unknown } }
      ).probe
      try {
        return { value: await probe.invoke(c as string, ...(a as unknown[])) }
      } catch (error) {
        return { error: (error as Error).message }
      }
    },
    [channel, args] as const
  )
}

/** The texts of the messages the probe's renderer received from main, in order. */
export function receivedInPage(page: Page): Promise<string[]> {
  return page.getByTestId('received').locator('li').allTextContents()
}
