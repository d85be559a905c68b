/**
 * Which Chromium the stand-in e2e runs in: DINKY_E2E_CHROMIUM when set, else the first browser found where Debian,
 * Ubuntu, macOS and Windows (and GitHub's runners) put Chromium or Chrome. Checked once by the e2e global setup, so a
 * machine without one stops with one line that says what to install instead of a launch error from every test file.
 */
import { accessSync, constants } from 'node:fs'
import { join } from 'node:path'

const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium'
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
  ],
  win32: [
    join(
      process.env['ProgramFiles'] ?? 'C:\\Program Files',
      'Google/Chrome/Application/chrome.exe'
    ),
    join(
      process.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
      'Google/Chrome/Application/chrome.exe'
    ),
    join(process.env['LOCALAPPDATA'] ?? '', 'Chromium/Application/chrome.exe')
  ]
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The browser to launch: the environment's choice as given (even if missing: the check reports it), else found. */
export function chromiumPath(
  env: NodeJS.ProcessEnv = process.env,
  candidates = CANDIDATES[process.platform] ?? CANDIDATES['linux']!
): string {
  const chosen = env['DINKY_E2E_CHROMIUM']
  if (chosen) return chosen
  return candidates.find(isExecutable) ?? candidates[0]!
}

/** Null when the browser is there; otherwise the one line a newcomer needs. */
export function missingChromiumMessage(
  env: NodeJS.ProcessEnv = process.env,
  candidates?: string[]
): string | null {
  const path = chromiumPath(env, candidates)
  if (isExecutable(path)) return null
  const how = env['DINKY_E2E_CHROMIUM']
    ? `DINKY_E2E_CHROMIUM=${path} is not an executable file; point it at a Chromium or Chrome binary`
    : 'install them (`sudo apt-get install chromium xvfb` on Debian/Ubuntu) or set DINKY_E2E_CHROMIUM=<path to Chromium or Chrome>'
  return `The end-to-end tests need Chromium and none was found (${path}): ${how}.`
}
