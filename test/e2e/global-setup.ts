/**
 * Vitest globalSetup of the e2e project. First, the browser (or, with DINKY_E2E_REAL_ELECTRON=1, the Electron binary)
 * must be there: without it every test file would fail with its own launch error, so the run stops here at once with
 * one line saying what to install. Then the e2e tests run the built app (`out/`), so build it first when it is
 * missing or older than its sources. `npm test` builds before vitest, so there this finds the build fresh and does
 * nothing. DINKY_E2E_SKIP_BUILD=1 skips the check (to test a build made elsewhere).
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from './harness/project-paths'
import { missingChromiumMessage } from './harness/find-chromium'
import { missingElectronMessage } from './harness/real-electron-app'

const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']
const INPUTS = ['src', 'resources', 'package.json', 'electron.vite.config.ts']

function newestModification(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false })
  if (!stats) return 0
  if (!stats.isDirectory()) return stats.mtimeMs
  return Math.max(
    stats.mtimeMs,
    ...readdirSync(path).map((name) => newestModification(join(path, name)))
  )
}

function buildIsStale(): boolean {
  const built = OUTPUTS.map(
    (file) => statSync(join(PROJECT_ROOT, file), { throwIfNoEntry: false })?.mtimeMs ?? 0
  )
  const sources = Math.max(...INPUTS.map((input) => newestModification(join(PROJECT_ROOT, input))))
  return Math.min(...built) < sources
}

/** An error that prints as its one line (vitest shows the stack of a globalSetup error otherwise). */
class MissingBrowser extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MissingBrowser'
    this.stack = `${this.name}: ${message}`
  }
}

export default function buildAppForE2e(): void {
  const missing =
    process.env['DINKY_E2E_REAL_ELECTRON'] === '1'
      ? missingElectronMessage()
      : missingChromiumMessage()
  if (missing) throw new MissingBrowser(missing)
  if (process.env['DINKY_E2E_SKIP_BUILD'] === '1' || !buildIsStale()) return
  execFileSync('npx', ['electron-vite', 'build'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit']
  })
}
