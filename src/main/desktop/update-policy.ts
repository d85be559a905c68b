/**
 * Auto-update decisions, without Electron: whether updates may run at all, when the next automatic check is due,
 * what the updater's events mean for the state shown, and what the person may do in each state. The Electron
 * adapter (src/main/electron/updater.ts) only feeds events in and carries decisions out.
 */
import type { UpdateState, UpdateStatus } from '../../shared/updates'

export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000
/** The first automatic check waits this long after start, so it never competes with the first sync. */
export const FIRST_CHECK_DELAY_MS = 60 * 1000

export interface RunFacts {
  isPackaged: boolean
  env: Record<string, string | undefined>
  platform: string
  /** Linux: electron-builder wrote `resources/package-type` (a deb or rpm install electron-updater can update). */
  linuxPackageType: boolean
}

/** Null when updates may run; otherwise why not. Never in development, never in e2e runs (stand-in or real). */
export function updatesUnavailable(
  facts: RunFacts
): Extract<UpdateState, { kind: 'unavailable' }>['reason'] | null {
  if (Object.keys(facts.env).some((key) => key.startsWith('DINKY_E2E_'))) return 'test-run'
  if (facts.env['DINKY_DISABLE_UPDATES'] === '1') return 'test-run'
  if (!facts.isPackaged) return 'development'
  // On Linux only an AppImage (APPIMAGE is set when one runs) or a deb/rpm install can replace itself.
  if (facts.platform === 'linux' && !facts.env['APPIMAGE'] && !facts.linuxPackageType) {
    return 'unsupported'
  }
  return null
}

/** How long until the next automatic check; null when none should be scheduled. */
export function nextCheckDelay(
  status: UpdateStatus,
  now: number,
  sinceStartMs: number
): number | null {
  if (!status.autoCheck || status.state.kind === 'unavailable') return null
  if (status.state.kind === 'ready' || status.state.kind === 'downloading') return null
  const due = status.lastCheckedAt === null ? now : status.lastCheckedAt + CHECK_INTERVAL_MS
  const earliest = now + Math.max(0, FIRST_CHECK_DELAY_MS - sinceStartMs)
  return Math.max(due, earliest) - now
}

/** Whether a person's "Check for updates" starts a check now (not while one runs or an update waits). */
export function canCheckNow(state: UpdateState): boolean {
  return state.kind === 'idle' || state.kind === 'up-to-date' || state.kind === 'error'
}

export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string }

/** The state after one of electron-updater's events. */
export function nextUpdateState(state: UpdateState, event: UpdaterEvent, now: number): UpdateState {
  if (state.kind === 'unavailable') return state
  switch (event.type) {
    case 'checking':
      return state.kind === 'ready' ? state : { kind: 'checking' }
    case 'available':
      return { kind: 'downloading', version: event.version, percent: 0 }
    case 'not-available':
      return { kind: 'up-to-date', checkedAt: now }
    case 'progress': {
      if (state.kind !== 'downloading') return state
      const percent = Math.min(100, Math.max(0, Math.round(event.percent)))
      return { ...state, percent }
    }
    case 'downloaded':
      return { kind: 'ready', version: event.version }
    case 'error':
      // A failed check while an update waits leaves the downloaded update in place.
      return state.kind === 'ready'
        ? state
        : { kind: 'error', message: event.message.slice(0, 300), at: now }
  }
}

/** Whether this change of state is the moment to ask the person about restarting. */
export function shouldAskToRestart(previous: UpdateState, next: UpdateState): boolean {
  return next.kind === 'ready' && previous.kind !== 'ready'
}
