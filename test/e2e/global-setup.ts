/**
 * Vitest globalSetup of the e2e project: the e2e tests run the built app (`out/`), so build it first when it is
 * missing or older than its sources. `npm test` builds before vitest, so there this finds the build fresh and does
 * nothing. DINKY_E2E_SKIP_BUILD=1 skips the check (to test a build made elsewhere).
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from './harness/project-paths'

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

export default function buildAppForE2e(): void {
  if (process.env['DINKY_E2E_SKIP_BUILD'] === '1' || !buildIsStale()) return
  execFileSync('npx', ['electron-vite', 'build'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit']
  })
}
