/** Where the harness finds the project, its build, Chromium, and where it writes screenshots. */
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { chromiumPath } from './find-chromium'

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const BUILT_MAIN = join(PROJECT_ROOT, 'out/main/index.js')
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-output/e2e')
export const CHROMIUM_PATH = chromiumPath()
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]
