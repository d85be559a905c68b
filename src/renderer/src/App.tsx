import { useEffect, useState } from 'react'
import type { AppInfo } from '../../shared/ipc/contract'

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    void window.api.invoke('app:info').then((result) => {
      if (result.ok) setInfo(result.value)
    })
  }, [])
  return <h1>Dinky Console {info?.version}</h1>
}
