/**
 * The Electron adapter of auto-update, with `electron` and `electron-updater` replaced: electron-updater is never
 * even imported in a development run; in a packaged run a check walks checking → downloading → ready through the
 * policy, the status is pushed at each step, the opt-out and the last check persist, and "Restart now" installs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../../../src/main/core/logger'
import type { UpdateStatus } from '../../../src/shared/updates'

const fake = vi.hoisted(() => ({
  isPackaged: false,
  imported: 0,
  installs: 0,
  script: [] as Array<[string, unknown]>
}))

vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return fake.isPackaged
    },
    getVersion: () => '0.1.0'
  }
}))

vi.mock('electron-updater', async () => {
  fake.imported++
  const { EventEmitter } = await import('node:events')
  const autoUpdater = Object.assign(new EventEmitter(), {
    logger: null as unknown,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    async checkForUpdates() {
      for (const [event, payload] of fake.script) autoUpdater.emit(event, payload)
      return null
    },
    quitAndInstall: () => void fake.installs++
  })
  return { default: { autoUpdater } }
})

const { createUpdater } = await import('../../../src/main/electron/updater')

describe('updater adapter', () => {
  let dir: string
  const saved = { ...process.env }
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dinky-updater-'))
    for (const key of Object.keys(process.env))
      if (key.startsWith('DINKY_E2E_')) delete process.env[key]
    process.env['APPIMAGE'] = '/opt/dinky-console.AppImage' // a Linux build that can update itself
    Object.assign(fake, { isPackaged: false, imported: 0, installs: 0, script: [] })
  })
  afterEach(() => {
    process.env = { ...saved }
    rmSync(dir, { recursive: true, force: true })
  })

  it('never loads electron-updater in a development run', async () => {
    const pushed: UpdateStatus[] = []
    const updater = createUpdater({
      userData: dir,
      logger: silentLogger,
      onStatus: (s) => pushed.push(s)
    })
    expect(updater.status().state).toEqual({ kind: 'unavailable', reason: 'development' })
    expect((await updater.check()).state.kind).toBe('unavailable')
    updater.dispose()
    expect(fake.imported).toBe(0)
    expect(pushed).toEqual([])
  })

  it('checks, downloads in the background, asks via status, and installs on "Restart now"', async () => {
    fake.isPackaged = true
    fake.script = [
      ['checking-for-update', undefined],
      ['update-available', { version: '0.2.0' }],
      ['download-progress', { percent: 37.2 }],
      ['update-downloaded', { version: '0.2.0' }]
    ]
    const pushed: UpdateStatus[] = []
    const updater = createUpdater({
      userData: dir,
      logger: silentLogger,
      onStatus: (s) => pushed.push(s)
    })
    expect(updater.status().state).toEqual({ kind: 'idle' })

    const after = await updater.check()

    expect(pushed.map((s) => s.state.kind)).toEqual([
      'checking',
      'downloading',
      'downloading',
      'ready'
    ])
    expect(pushed[2]!.state).toEqual({ kind: 'downloading', version: '0.2.0', percent: 37 })
    expect(after.state).toEqual({ kind: 'ready', version: '0.2.0' })
    const prefs = JSON.parse(readFileSync(join(dir, 'updates.json'), 'utf8')) as {
      lastCheckedAt: number
    }
    expect(Date.now() - prefs.lastCheckedAt).toBeLessThan(5_000)
    expect(fake.installs).toBe(0)
    updater.restart()
    await vi.waitFor(() => expect(fake.installs).toBe(1))
    updater.dispose()
  })

  it('keeps the opt-out across runs', () => {
    fake.isPackaged = true
    const first = createUpdater({ userData: dir, logger: silentLogger, onStatus: () => undefined })
    expect(first.setAutoCheck(false).autoCheck).toBe(false)
    first.dispose()
    const second = createUpdater({ userData: dir, logger: silentLogger, onStatus: () => undefined })
    expect(second.status().autoCheck).toBe(false)
    second.dispose()
  })
})
