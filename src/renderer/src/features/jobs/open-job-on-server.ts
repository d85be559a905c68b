/**
 * Opens a job's detail drawer on any server, from anywhere (the all-servers jobs table, a fleet card, the command
 * palette): the job's server is selected first exactly as the server switcher selects it (`profiles:select` in
 * main, then the store's profile and a snapshot resync), so the drawer, its actions and its log follow all talk to
 * the job's own server.
 */
import { useCallback } from 'react'
import { unwrap } from '../../ipc/unwrap-result'
import {
  useConsoleApi,
  useConsoleStore,
  useConsoleSync,
  type ConsoleContextValue
} from '../../store/store-context'

/** Opens `jobId` of `profileId` on `tab` (null/absent: the drawer's first tab). */
export type OpenJobOnServer = (profileId: string, jobId: number, tab?: string) => Promise<void>

/**
 * The store/ipc form, for code outside React. Rejects with the `IpcFailure` of `profiles:select` when main refuses
 * the server (the drawer is then left as it was), so the caller can say why in its own place.
 */
export async function openJobOnServer(
  ports: ConsoleContextValue,
  profileId: string,
  jobId: number,
  tab?: string
): Promise<void> {
  const { api, store, sync } = ports
  if (store.getState().selectedProfileId !== profileId) {
    store.getState().setProfiles(await unwrap(api.invoke('profiles:select', { profileId })))
    sync.resync([profileId])
  }
  store.getState().openJob(jobId, tab)
}

/** The hook form: `openJobOnServer(profileId, jobId, tab?)` bound to the console's store, API and sync. */
export function useOpenJobOnServer(): OpenJobOnServer {
  const api = useConsoleApi()
  const store = useConsoleStore()
  const sync = useConsoleSync()
  return useCallback(
    (profileId, jobId, tab) => openJobOnServer({ api, store, sync }, profileId, jobId, tab),
    [api, store, sync]
  )
}
