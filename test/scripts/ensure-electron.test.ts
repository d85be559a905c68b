/**
 * `npm start`'s first step (scripts/ensure-electron.mjs) against a `node_modules/electron` of its own: electron's real
 * installer runs, its download fails on a closed loopback port (no network needed), and the script prints one message
 * that says what to do and exits 1 instead of electron-vite's "Electron uninstall".
 */
import { spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const SCRIPT = join(ROOT, 'scripts/ensure-electron.mjs')

/** A port that was free a moment ago and now refuses connections. */
async function closedLoopbackPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  await new Promise<void>((done) => server.close(() => done()))
  return port
}

/** `<tmp>/node_modules/electron` as `npm ci` leaves it (no dist/, no path.txt), using the project's @electron/get. */
function freshElectronPackage(root: string): string {
  const dir = join(root, 'node_modules/electron')
  mkdirSync(dir, { recursive: true })
  for (const file of ['package.json', 'install.js', 'checksums.json']) {
    copyFileSync(join(ROOT, 'node_modules/electron', file), join(dir, file))
  }
  const getPackage = join(root, 'node_modules/@electron/get')
  mkdirSync(dirname(getPackage), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules/@electron/get'), getPackage, 'junction')
  return dir
}

function run(electronDir: string, env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_config_electron_|ELECTRON_|electron_)/i.test(key)
    )
  )
  const child = spawn(process.execPath, [SCRIPT, electronDir], { env: { ...clean, ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code) => done({ code, stdout, stderr }))
  )
}

describe('scripts/ensure-electron.mjs', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'dinky-ensure-electron-'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('runs electron’s installer when path.txt is missing and, when the download fails, says what to do and exits 1', async () => {
    const electronDir = freshElectronPackage(root)
    const port = await closedLoopbackPort()
    const mirror = `http://127.0.0.1:${port}/`
    const started = Date.now()

    const result = await run(electronDir, {
      ELECTRON_MIRROR: mirror,
      electron_config_cache: join(root, 'electron-cache')
    })

    expect(result.code).toBe(1)
    expect(result.stdout).toContain('Fetching the Electron 45.4.1 binary')
    const message = result.stderr
    expect(message).toContain('needs the Electron 45.4.1 binary, and it could not be downloaded')
    // The installer's real reason, on one line, with the URL it tried (the mirror, not GitHub).
    expect(message).toMatch(
      new RegExp(`Reason: fetch failed: .*ECONNREFUSED.*127\\.0\\.0\\.1:${port}`)
    )
    expect(message).toContain(`Source: ELECTRON_MIRROR=${mirror}`)
    expect(message).toContain('HTTPS_PROXY')
    expect(message).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/')
    expect(message).toContain('test/e2e/README.md')
    expect(message).not.toContain('Electron uninstall')
    expect(message).not.toMatch(/^\s+at /m) // no stack trace
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false)
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it('does nothing when path.txt names a binary that is there', async () => {
    const electronDir = freshElectronPackage(root)
    mkdirSync(join(electronDir, 'dist'))
    writeFileSync(join(electronDir, 'dist/electron-binary'), '')
    writeFileSync(join(electronDir, 'path.txt'), 'electron-binary')

    const result = await run(electronDir, { ELECTRON_MIRROR: 'http://127.0.0.1:1/' })

    expect(result).toEqual({ code: 0, stdout: '', stderr: '' })
  })

  it('runs the installer again when path.txt names a binary that is gone', async () => {
    const electronDir = freshElectronPackage(root)
    writeFileSync(join(electronDir, 'path.txt'), 'electron')
    const port = await closedLoopbackPort()

    const result = await run(electronDir, {
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      electron_config_cache: join(root, 'electron-cache')
    })

    expect(result.code).toBe(1)
    expect(result.stderr).toContain('could not be downloaded')
  })
})
