/**
 * `npm test` on a machine without Chromium: the e2e global setup stops the run in seconds with one line naming what to
 * install, instead of a browser launch error from every e2e file.
 */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { missingChromiumMessage } from '../e2e/harness/find-chromium'

const ROOT = resolve(import.meta.dirname, '../..')

function runE2e(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      'e2e',
      'test/e2e/app-smoke.test.ts'
    ],
    { cwd: ROOT, env: { ...process.env, DINKY_E2E_SKIP_BUILD: '1', NO_COLOR: '1', ...env } }
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise<{ code: number | null; output: string }>((done) =>
    child.on('close', (code) => done({ code, output }))
  )
}

describe('e2e preflight', () => {
  it('names the packages to install when no Chromium is found anywhere', () => {
    const message = missingChromiumMessage({}, ['/nonexistent/chromium', '/nonexistent/chrome'])
    expect(message).toBe(
      'The end-to-end tests need Chromium and none was found (/nonexistent/chromium): install them (`sudo apt-get install chromium xvfb` on Debian/Ubuntu) or set DINKY_E2E_CHROMIUM=<path to Chromium or Chrome>.'
    )
  })

  it('is silent when the chosen browser is an executable file', () => {
    expect(missingChromiumMessage({ DINKY_E2E_CHROMIUM: process.execPath })).toBeNull()
  })

  it('stops the e2e run in seconds with that one line when DINKY_E2E_CHROMIUM points nowhere', async () => {
    const started = Date.now()
    const { code, output } = await runE2e({ DINKY_E2E_CHROMIUM: '/nonexistent/chromium' })
    expect(code).not.toBe(0)
    const lines = output.split('\n').filter((line) => line.includes('need Chromium'))
    expect(lines).toEqual([
      'MissingBrowser: The end-to-end tests need Chromium and none was found (/nonexistent/chromium): DINKY_E2E_CHROMIUM=/nonexistent/chromium is not an executable file; point it at a Chromium or Chrome binary.'
    ])
    expect(output).not.toMatch(/browserType\.launch|launchPersistentContext/)
    expect(Date.now() - started).toBeLessThan(30_000)
  }, 60_000)

  it('says how to fetch Electron when the real-Electron run has no binary', async () => {
    const { code, output } = await runE2e({
      DINKY_E2E_REAL_ELECTRON: '1',
      DINKY_E2E_ELECTRON_PATH: '/nonexistent/electron'
    })
    expect(code).not.toBe(0)
    expect(output).toContain(
      'MissingBrowser: DINKY_E2E_REAL_ELECTRON=1 needs the Electron binary and it is not there (/nonexistent/electron): run `npx install-electron`'
    )
  }, 60_000)
})
