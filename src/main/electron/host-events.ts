/**
 * Feeds the host's power and network events to the sessions: suspend flushes the cache, resume and coming back
 * online reconnect at once. Electron's main process has no online event, so `net.isOnline()` is polled.
 */
import { net, powerMonitor } from 'electron'
import type { Disposer } from '../core/ports'

export interface HostEventSink {
  suspend(): void
  resume(): void
  network(online: boolean): void
}

export function watchHostEvents(sink: HostEventSink, pollMs = 3_000): Disposer {
  const onSuspend = () => sink.suspend()
  const onResume = () => sink.resume()
  powerMonitor.on('suspend', onSuspend)
  powerMonitor.on('resume', onResume)
  powerMonitor.on('unlock-screen', onResume)
  let online = net.isOnline()
  const timer = setInterval(() => {
    const now = net.isOnline()
    if (now !== online) {
      online = now
      sink.network(now)
    }
  }, pollMs)
  timer.unref?.()
  return () => {
    clearInterval(timer)
    powerMonitor.off('suspend', onSuspend)
    powerMonitor.off('resume', onResume)
    powerMonitor.off('unlock-screen', onResume)
  }
}
