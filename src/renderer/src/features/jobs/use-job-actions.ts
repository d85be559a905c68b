/**
 * Taking a job action on a server, for the drawer and the command palette alike: whether it may be taken now (the
 * server's data is live, the server is not read-only) and why not, and running it (main's answer as a message, then
 * a resync of that server). The same answer as `useActionGate` (connection/use-action-gate.ts) gives for the
 * selected server, for any server: the palette acts on jobs of servers not shown.
 */
import { App } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { worstState } from '../../../../shared/connection'
import type { JobAction } from '../../../../shared/session'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import type { ConsoleState } from '../../store/console-store'
import { useConsole, useConsoleApi, useConsoleSync } from '../../store/store-context'

/** Why actions are disabled on a server, or null when they may be taken. */
export type ActionBlock = 'read-only' | 'not-live' | null

export function actionBlock(state: ConsoleState, profileId: string): ActionBlock {
  if (state.profiles.find((profile) => profile.id === profileId)?.readOnly) return 'read-only'
  return worstState(Object.values(state.streams[profileId] ?? {}))?.kind === 'live'
    ? null
    : 'not-live'
}

/** The block on `profileId` and its reason in words (null when actions may be taken). */
export function useJobActionGate(profileId: string): { block: ActionBlock; reason: string | null } {
  const { t } = useTranslation()
  const block = useConsole((state) => actionBlock(state, profileId))
  const reason =
    block === 'read-only'
      ? t('readOnly.disabled')
      : block === 'not-live'
        ? t('jobDetail.notLive')
        : null
  return { block, reason }
}

/** Runs an action on a server; resolves true when main carried it out. */
export function useRunJobAction(): (profileId: string, action: JobAction) => Promise<boolean> {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const sync = useConsoleSync()
  const { message } = App.useApp()
  return useCallback(
    async (profileId, action) => {
      try {
        const result = await unwrap(api.invoke('jobs:action', { profileId, action }))
        void message.success(result.message)
        sync.resync([profileId])
        return true
      } catch (error) {
        void message.error(t('jobDetail.actionFailed', { message: errorMessage(error) }))
        return false
      }
    },
    [api, sync, message, t]
  )
}
