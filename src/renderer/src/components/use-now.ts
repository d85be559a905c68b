/**
 * A clock for components that show ages or countdowns: re-renders every `intervalMs` while mounted and its view is
 * shown (`ViewShown`); shown again after a pause, it reads the time at once.
 */
import { useContext, useEffect, useRef, useState } from 'react'
import { ViewShown } from './view-shown'

export function useNow(intervalMs: number): number {
  const shown = useContext(ViewShown)
  const [now, setNow] = useState(() => Date.now())
  const paused = useRef(false)
  useEffect(() => {
    if (!shown) {
      paused.current = true
      return
    }
    const tick = () => setNow(Date.now())
    if (paused.current) {
      paused.current = false
      tick()
    }
    const timer = setInterval(tick, intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs, shown])
  return now
}
