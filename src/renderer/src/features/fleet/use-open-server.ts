/**
 * Opens one server's overview from the fleet: the server is selected exactly as the server switcher selects it
 * (`profiles:select` in main, the store's profile, a snapshot resync), then the Overview view is shown.
 */
import { App } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { useConsoleApi, useConsoleStore, useConsoleSync } from '../../store/store-context'

export function useOpenServer(): (profileId: string) => Promise<void> {
  const { t } = useTranslation()
  const api = useConsoleApi()
  const store = useConsoleStore()
  const sync = useConsoleSync()
  const { message } = App.useApp()
  return useCallback(
    async (profileId: string) => {
      try {
        if (store.getState().selectedProfileId !== profileId) {
          store.getState().setProfiles(await unwrap(api.invoke('profiles:select', { profileId })))
          sync.resync([profileId])
        }
        store.getState().navigate('overview')
      } catch (error) {
        void message.error(t('common.failed', { message: errorMessage(error) }))
      }
    },
    [api, store, sync, message, t]
  )
}
