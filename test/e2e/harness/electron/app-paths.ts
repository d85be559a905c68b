/**
 * Where `app.getPath(name)` points in a run: userData is the directory the test chose (so a test can restart the
 * app over the same cache); everything else lives under a per-run temp directory.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const runDir = process.env['DINKY_E2E_RUN_DIR'] ?? mkdtempSync(join(tmpdir(), 'dinky-e2e-run-'))
const userData = process.env['DINKY_E2E_USER_DATA'] ?? join(runDir, 'userData')
mkdirSync(userData, { recursive: true })

const home = join(runDir, 'home')
const paths = new Map<string, string>([
  ['home', home],
  ['appData', join(runDir, 'config')],
  ['userData', userData],
  ['sessionData', userData],
  ['temp', tmpdir()],
  ['exe', process.execPath],
  ['module', process.execPath],
  ['desktop', join(home, 'Desktop')],
  ['documents', join(home, 'Documents')],
  ['downloads', join(home, 'Downloads')],
  ['music', join(home, 'Music')],
  ['pictures', join(home, 'Pictures')],
  ['videos', join(home, 'Videos')],
  ['recent', join(home, 'Recent')],
  ['logs', join(userData, 'logs')],
  ['crashDumps', join(userData, 'Crashpad')]
])

/** Electron throws for an unknown name; so does the stand-in. */
export function getAppPath(name: string): string {
  const path = paths.get(name)
  if (path === undefined) throw new Error(`Failed to get '${name}' path`)
  return path
}

export function setAppPath(name: string, path: string): void {
  paths.set(name, path)
}
