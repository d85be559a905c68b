/** The updater's status as a hook: asked once, then kept current by the `updates:status` push. */
import { useEffect, useState } from 'react'
import type { UpdateStatus } from '../../../../shared/updates'
import { useConsoleApi } from '../../store/store-context'

export function useUpdateStatus(): [UpdateStatus | null, (status: UpdateStatus) => void] {
  const api = useConsoleApi()
  const [status, setStatus] = useState<UpdateStatus | null>(null)
  useEffect(() => {
    let live = true
    void api.invoke('updates:get').then((result) => {
      if (live && result.ok) setStatus((current) => current ?? result.value)
    })
    const off = api.on('updates:status', (message) => {
      const latest = message.items.at(-1)
      if (latest) setStatus(latest)
    })
    return () => {
      live = false
      off()
    }
  }, [api])
  return [status, setStatus]
}
