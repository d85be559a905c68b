/**
 * `GET /api/monitor/getJvmInfo`: a separate SSE stream whose session key is a server-made UUID subscribed to a
 * topic equal to that UUID, fed a `Jvm` every `jvmIntervalMs` (and the hub's heartbeats). Dinky's loop never ends
 * after the client leaves (a leak); here it stops once the session is gone, so the simulator can close cleanly.
 */

import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { TimerRegistry } from '../timer-registry'
import type { JvmRecord } from '../world/entities'
import type { SseHub } from './sse-hub'

/** Opens one JVM stream on `res`; why its own loop: each request in Dinky starts its own sender. */
export function openJvmStream(
  hub: SseHub,
  res: ServerResponse,
  timers: TimerRegistry,
  intervalMs: number,
  sample: () => JvmRecord
): void {
  const key = randomUUID()
  const emitter = hub.connect(key, res, [key])
  const stop = timers.repeat(() => {
    if (!hub.hasSession(key) || !emitter.isOpen) {
      stop()
      return
    }
    hub.sendTopic(key, sample())
  }, intervalMs)
  emitter.onClose(() => {
    if (!hub.hasSession(key)) stop()
  })
}
