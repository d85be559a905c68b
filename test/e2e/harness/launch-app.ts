/**
 * The one entry point scenario tests use: `const app = await launchApp({ userDataDir, env })`. It runs the built app
 * under the stand-in `electron` in Chromium, or, with DINKY_E2E_REAL_ELECTRON=1 on a machine that has the Electron
 * binary, under real Electron through Playwright's `_electron`.
 */
import type { E2eApp, LaunchOptions } from './e2e-app'
import { launchRealElectronApp } from './real-electron-app'
import { launchStandInApp } from './stand-in-app'

export type { E2eApp, LaunchOptions } from './e2e-app'

/** Launches the app; always `await app.close()` (in afterEach) so no browser or process is left behind. */
export function launchApp(options: LaunchOptions = {}): Promise<E2eApp> {
  return process.env['DINKY_E2E_REAL_ELECTRON'] === '1'
    ? launchRealElectronApp(options)
    : launchStandInApp(options)
}
