/**
 * Holds a job's metrics open while a component shows them: `metrics:open` on mount (main subscribes the job's
 * topic and backfills), the view into the store, `metrics:close` on unmount. Several components may show one job
 * (the tab and a pinned chart): the store's view is dropped when the last of them goes.
 */
import { useEffect, useState } from 'react'
import { unwrap } from '../../ipc/unwrap-result'
import { metricsKey } from '../../store/metrics-slice'
import { useConsole, useConsoleApi, useConsoleStore } from '../../store/store-context'

const holders = new Map<string, number>()
let nextHolder = 0

export function useJobMetrics(profileId: string, jid: string | null) {
  const api = useConsoleApi()
  const store = useConsoleStore()
  const [error, setError] = useState<unknown>(null)
  const view = useConsole((state) =>
    jid ? state.metricsViews[metricsKey(profileId, jid)] : undefined
  )

  useEffect(() => {
    if (!jid) return
    const key = metricsKey(profileId, jid)
    const holder = `renderer-${++nextHolder}`
    holders.set(key, (holders.get(key) ?? 0) + 1)
    let current = true
    unwrap(api.invoke('metrics:open', { profileId, jid, holder })).then(
      (opened) => {
        if (!current) return
        setError(null)
        store.getState().setMetricsView(profileId, opened)
      },
      (failure) => current && setError(failure ?? 'failed')
    )
    return () => {
      current = false
      void api.invoke('metrics:close', { profileId, jid, holder })
      const left = (holders.get(key) ?? 1) - 1
      if (left > 0) holders.set(key, left)
      else {
        holders.delete(key)
        store.getState().dropMetricsView(profileId, jid)
      }
    }
  }, [api, store, profileId, jid])

  return { view, error }
}
