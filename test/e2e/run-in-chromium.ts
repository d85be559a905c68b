/**
 * The console without the Electron binary, for a person rather than a test: the built app's main process under the
 * e2e stand-in, its window in a visible Chromium, over a userData folder that persists between runs
 * (`~/.dinky-console-chromium`, or DINKY_CHROMIUM_USER_DATA). `npm start` points here when Electron can't be fetched.
 * Run: `npm run start:chromium` (builds, then this; it ends when the window is closed or on Ctrl+C).
 */
import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { launchStandInApp } from './harness/stand-in-app'
import { CHROMIUM_PATH } from './harness/project-paths'

process.env['DINKY_E2E_HEADED'] ??= '1'
const userDataDir =
  process.env['DINKY_CHROMIUM_USER_DATA'] ?? join(homedir(), '.dinky-console-chromium')
mkdirSync(userDataDir, { recursive: true })
process.stdout.write(`Dinky Console in ${CHROMIUM_PATH}; userData ${userDataDir}\n`)

const app = await launchStandInApp({
  userDataDir,
  locale: Intl.DateTimeFormat().resolvedOptions().locale
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().finally(() => process.exit(130)))
}
const page = await app.firstWindow()
await Promise.race([page.waitForEvent('close', { timeout: 0 }), app.exited])
await app.close()
