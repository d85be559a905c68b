/** Auto-update as the renderer sees it: what the updater is doing and whether it checks by itself (issue 14). */

export type UpdateState =
  /** Updates never run here: a development or test run, or a build that cannot update itself. */
  | { kind: 'unavailable'; reason: 'development' | 'test-run' | 'unsupported' }
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'up-to-date'; checkedAt: number }
  | { kind: 'downloading'; version: string; percent: number }
  /** Downloaded: the person is asked whether to restart now; otherwise it installs on the next quit. */
  | { kind: 'ready'; version: string }
  | { kind: 'error'; message: string; at: number }

export interface UpdateStatus {
  currentVersion: string
  /** The daily check (the opt-out setting). */
  autoCheck: boolean
  lastCheckedAt: number | null
  state: UpdateState
}
