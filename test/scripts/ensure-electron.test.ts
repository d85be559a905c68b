/**
 * `npm start`'s first step (scripts/ensure-electron.mjs) against a `node_modules/electron` of its own: electron's real
 * installer runs against a mirror on loopback (no network needed): when the download fails (a closed port) the script
 * prints one message that says what to do and exits 1 instead of electron-vite's "Electron uninstall"; when it works,
 * the binary and path.txt are in place and the next start does nothing.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer } from 'node:net'
import * as zlib from 'node:zlib'
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

/** A zip with one stored (uncompressed) file: what an Electron release zip is, in miniature. */
function zipWithOneFile(name: string, content: Buffer): Buffer {
  const nameBytes = Buffer.from(name)
  const crc = (zlib as unknown as { crc32(data: Buffer): number }).crc32(content)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(content.length, 18)
  local.writeUInt32LE(content.length, 22)
  local.writeUInt16LE(nameBytes.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(0x031e, 4) // made by Unix, so the mode below counts
  central.writeUInt16LE(20, 6)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(content.length, 20)
  central.writeUInt32LE(content.length, 24)
  central.writeUInt16LE(nameBytes.length, 28)
  central.writeUInt32LE((0o100755 << 16) >>> 0, 38)
  const localPart = Buffer.concat([local, nameBytes, content])
  const centralPart = Buffer.concat([central, nameBytes])
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(centralPart.length, 12)
  end.writeUInt32LE(localPart.length, 16)
  return Buffer.concat([localPart, centralPart, end])
}

/** `<tmp>/node_modules/electron` as `npm ci` leaves it (no dist/, no path.txt), using the project's @electron/get. */
function freshElectronPackage(root: string): string {
  const dir = join(root, 'node_modules/electron')
  mkdirSync(dir, { recursive: true })
  for (const file of ['package.json', 'install.js', 'checksums.json']) {
    copyFileSync(join(ROOT, 'node_modules/electron', file), join(dir, file))
  }
  for (const dependency of ['@electron/get', '@electron-internal/extract-zip']) {
    const linked = join(root, 'node_modules', dependency)
    mkdirSync(dirname(linked), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules', dependency), linked, 'junction')
  }
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

  it('fetches the binary from a mirror with electron’s installer, writes path.txt, and the next start does nothing', async () => {
    const electronDir = freshElectronPackage(root)
    const zipName = 'electron-v45.4.1-linux-x64.zip'
    const zip = zipWithOneFile('electron', Buffer.from('#!/bin/sh\necho stand-in electron\n'))
    // The installer checks the download against the package's checksums.json: ours lists this zip.
    const sha256 = createHash('sha256').update(zip).digest('hex')
    writeFileSync(join(electronDir, 'checksums.json'), JSON.stringify({ [zipName]: sha256 }))
    const requested: string[] = []
    const mirror = createHttpServer((req, res) => {
      requested.push(req.url ?? '')
      if (req.url === `/v45.4.1/${zipName}`) res.end(zip)
      else res.writeHead(404).end()
    })
    await new Promise<void>((done) => mirror.listen(0, '127.0.0.1', done))
    try {
      const { port } = mirror.address() as { port: number }
      const result = await run(electronDir, {
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        ELECTRON_INSTALL_PLATFORM: 'linux',
        ELECTRON_INSTALL_ARCH: 'x64',
        electron_config_cache: join(root, 'electron-cache')
      })
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(requested).toEqual([`/v45.4.1/${zipName}`])
      expect(readFileSync(join(electronDir, 'path.txt'), 'utf8')).toBe('electron')
      expect(readFileSync(join(electronDir, 'dist/electron'), 'utf8')).toContain(
        'stand-in electron'
      )
      // A second start finds it and does nothing.
      expect(await run(electronDir, {})).toEqual({ code: 0, stdout: '', stderr: '' })
    } finally {
      await new Promise((done) => mirror.close(done))
    }
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
