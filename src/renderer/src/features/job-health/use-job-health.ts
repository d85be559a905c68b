/**
 * The open drawer's job health: opens the job with main (polled every 3 s there), takes the cached or last detail
 * from the reply, then follows `jobHealth:update` through the store. Closing the drawer stops the polling.
 */
import { useEffect, useState } from 'react'
import type { JobHealthDetail } from '../../../../shared/job-health'
import type { Fresh } from '../../../../shared/models'
import { errorMessage, unwrap } from '../../ipc/unwrap-result'
import { selectProfileId } from '../../store/selectors'
import { useConsole, useConsoleApi } from '../../store/store-context'

/** The open job's detail from the store; tabs call this themselves so the drawer does not re-render every 3 s. */
export function useJobHealthDetail(instanceId: number | null): Fresh<JobHealthDetail> | undefined {
  const profileId = useConsole(selectProfileId)
  return useConsole((state) =>
    instanceId === null ? undefined : state.healthDetails[profileId]?.[instanceId]
  )
}

/** Opens the job with main while mounted (polled there every 3 s); the error of the first read, if any. */
export function useJobHealth(instanceId: number | null): { error: string | null } {
  const api = useConsoleApi()
  const profileId = useConsole(selectProfileId)
  const setHealthDetail = useConsole((state) => state.setHealthDetail)
  const [error, setError] = useState<{ id: number; message: string } | null>(null)

  useEffect(() => {
    if (instanceId === null) return
    let current = true
    unwrap(api.invoke('jobHealth:open', { profileId, instanceId })).then(
      (value) => current && value && setHealthDetail(profileId, value),
      (failure) => current && setError({ id: instanceId, message: errorMessage(failure) })
    )
    return () => {
      current = false
      void api.invoke('jobHealth:close', { profileId, instanceId })
    }
  }, [api, profileId, instanceId, setHealthDetail])

  return { error: error?.id === instanceId ? error.message : null }
}
