/**
 * Opens a job's drawer on its Timeline tab from anywhere (the Overview's recent events, the away summary), switching
 * to the job's server first when another one is shown, as the server switcher does.
 */
import { useCallback } from 'react'
import { useConsoleApi, useConsoleStore, useConsoleSync } from '../../store/store-context'

export function useOpenTimeline(): (profileId: string, jobId: number) => Promise<void> {
  const api = useConsoleApi()
  const store = useConsoleStore()
  const sync = useConsoleSync()
  return useCallback(
    async (profileId, jobId) => {
      if (store.getState().selectedProfileId !== profileId) {
        const result = await api.invoke('profiles:select', { profileId })
        if (!result.ok) return
        store.getState().setProfiles(result.value)
        sync.resync([profileId])
      }
      store.getState().openJob(jobId, 'timeline')
    },
    [api, store, sync]
  )
}
