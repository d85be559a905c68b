import { describe, expect, it } from 'vitest'
import {
  canCheckNow,
  CHECK_INTERVAL_MS,
  FIRST_CHECK_DELAY_MS,
  nextCheckDelay,
  nextUpdateState,
  shouldAskToRestart,
  updatesUnavailable,
  type UpdaterEvent
} from '../../../src/main/desktop/update-policy'
import type { UpdateState, UpdateStatus } from '../../../src/shared/updates'

const packaged = { isPackaged: true, env: {}, platform: 'win32', linuxPackageType: false }
const HOUR = 3_600_000
const NOW = Date.UTC(2026, 10, 30, 12)

function status(over: Partial<UpdateStatus> = {}): UpdateStatus {
  return {
    currentVersion: '0.1.0',
    autoCheck: true,
    lastCheckedAt: null,
    state: { kind: 'idle' },
    ...over
  }
}

describe('updatesUnavailable', () => {
  it('allows a packaged Windows or macOS build', () => {
    expect(updatesUnavailable(packaged)).toBeNull()
    expect(updatesUnavailable({ ...packaged, platform: 'darwin' })).toBeNull()
  })

  it('never runs in development (npm start, npm run dev, the real-Electron e2e)', () => {
    expect(updatesUnavailable({ ...packaged, isPackaged: false })).toBe('development')
  })

  it('never runs in an e2e run, even a packaged one, nor when switched off by the environment', () => {
    expect(updatesUnavailable({ ...packaged, env: { DINKY_E2E_USER_DATA: '/tmp/x' } })).toBe(
      'test-run'
    )
    expect(updatesUnavailable({ ...packaged, env: { DINKY_DISABLE_UPDATES: '1' } })).toBe(
      'test-run'
    )
  })

  it('on Linux only for an AppImage or a deb/rpm install', () => {
    const linux = { ...packaged, platform: 'linux' }
    expect(updatesUnavailable(linux)).toBe('unsupported')
    expect(updatesUnavailable({ ...linux, env: { APPIMAGE: '/opt/x.AppImage' } })).toBeNull()
    expect(updatesUnavailable({ ...linux, linuxPackageType: true })).toBeNull()
  })
})

describe('nextCheckDelay', () => {
  it('checks a minute after start when it never checked', () => {
    expect(nextCheckDelay(status(), NOW, 0)).toBe(FIRST_CHECK_DELAY_MS)
    expect(nextCheckDelay(status(), NOW, 10 * 60_000)).toBe(0)
  })

  it('checks once a day: the rest of the day after the last check', () => {
    const lastCheckedAt = NOW - 5 * HOUR
    expect(nextCheckDelay(status({ lastCheckedAt }), NOW, 10 * 60_000)).toBe(19 * HOUR)
    expect(nextCheckDelay(status({ lastCheckedAt: NOW - 30 * HOUR }), NOW, 0)).toBe(
      FIRST_CHECK_DELAY_MS
    )
    expect(CHECK_INTERVAL_MS).toBe(24 * HOUR)
  })

  it('schedules nothing when opted out, unavailable, or an update is on its way or waiting', () => {
    expect(nextCheckDelay(status({ autoCheck: false }), NOW, 0)).toBeNull()
    const states: UpdateState[] = [
      { kind: 'unavailable', reason: 'development' },
      { kind: 'downloading', version: '0.2.0', percent: 3 },
      { kind: 'ready', version: '0.2.0' }
    ]
    for (const state of states) expect(nextCheckDelay(status({ state }), NOW, 0)).toBeNull()
  })
})

describe('update state', () => {
  const run = (events: UpdaterEvent[], from: UpdateState = { kind: 'idle' }) =>
    events.reduce<UpdateState>((state, event) => nextUpdateState(state, event, NOW), from)

  it('goes checking → downloading with progress → ready, and asks once', () => {
    const downloading = run([{ type: 'checking' }, { type: 'available', version: '0.2.0' }])
    expect(downloading).toEqual({ kind: 'downloading', version: '0.2.0', percent: 0 })
    const halfway = nextUpdateState(downloading, { type: 'progress', percent: 49.6 }, NOW)
    expect(halfway).toEqual({ kind: 'downloading', version: '0.2.0', percent: 50 })
    const ready = nextUpdateState(halfway, { type: 'downloaded', version: '0.2.0' }, NOW)
    expect(ready).toEqual({ kind: 'ready', version: '0.2.0' })
    expect(shouldAskToRestart(halfway, ready)).toBe(true)
    expect(shouldAskToRestart(ready, ready)).toBe(false)
  })

  it('says up to date when nothing newer exists', () => {
    expect(run([{ type: 'checking' }, { type: 'not-available' }])).toEqual({
      kind: 'up-to-date',
      checkedAt: NOW
    })
  })

  it('keeps a downloaded update through a later failed or new check', () => {
    const ready: UpdateState = { kind: 'ready', version: '0.2.0' }
    expect(run([{ type: 'checking' }, { type: 'error', message: 'offline' }], ready)).toEqual(ready)
  })

  it('reports errors with a bounded message, and never leaves unavailable', () => {
    const error = run([{ type: 'checking' }, { type: 'error', message: 'x'.repeat(1_000) }])
    expect(error).toMatchObject({ kind: 'error', at: NOW })
    expect((error as { message: string }).message).toHaveLength(300)
    const unavailable: UpdateState = { kind: 'unavailable', reason: 'test-run' }
    expect(run([{ type: 'checking' }, { type: 'available', version: '9' }], unavailable)).toBe(
      unavailable
    )
  })

  it('lets a person check again only when nothing is running or waiting', () => {
    expect(canCheckNow({ kind: 'idle' })).toBe(true)
    expect(canCheckNow({ kind: 'up-to-date', checkedAt: NOW })).toBe(true)
    expect(canCheckNow({ kind: 'error', message: 'x', at: NOW })).toBe(true)
    expect(canCheckNow({ kind: 'checking' })).toBe(false)
    expect(canCheckNow({ kind: 'downloading', version: '1', percent: 1 })).toBe(false)
    expect(canCheckNow({ kind: 'ready', version: '1' })).toBe(false)
  })
})
