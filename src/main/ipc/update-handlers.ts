/**
 * The auto-update request channels (issue 14), Electron-free: they call the updater the platform provides. Where
 * there is none (the CLI, tests), the status says updates are unavailable and nothing else happens.
 */
import type { RequestChannels } from '../../shared/ipc/contract'
import type { UpdateStatus } from '../../shared/updates'

export interface UpdateService {
  status(): UpdateStatus
  check(): Promise<UpdateStatus>
  setAutoCheck(enabled: boolean): UpdateStatus
  restart(): void
}

type UpdateChannel = 'updates:get' | 'updates:check' | 'updates:set-auto-check' | 'updates:restart'

const NONE: UpdateStatus = {
  currentVersion: '',
  autoCheck: false,
  lastCheckedAt: null,
  state: { kind: 'unavailable', reason: 'unsupported' }
}

export function createUpdateHandlers(updates: UpdateService | undefined): {
  [C in UpdateChannel]: (req: RequestChannels[C]['req']) => Promise<RequestChannels[C]['res']>
} {
  return {
    'updates:get': async () => updates?.status() ?? NONE,
    'updates:check': async () => (updates ? updates.check() : NONE),
    'updates:set-auto-check': async ({ enabled }) => updates?.setAutoCheck(enabled) ?? NONE,
    'updates:restart': async () => updates?.restart()
  }
}
