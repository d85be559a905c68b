/**
 * `GET /api/monitor/getJvmInfo`: a separate SSE stream whose session key is a server-made UUID subscribed to a
 * topic equal to that UUID, fed a `Jvm` every `jvmIntervalMs` (and the hub's heartbeats). Dinky's loop never ends
 * after the client leaves (a leak): here its timer stops once the session is gone, so the simulator can close cleanly,
 * but its worker stays taken (`jvm-worker-pool.ts`); a stream whose sender waits in the pool's queue gets only
 * heartbeats.
 */

import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { TimerRegistry } from '../timer-registry'
import type { JvmRecord } from '../world/entities'
import type { JvmWorkerPool } from './jvm-worker-pool'
import type { SseHub } from './sse-hub'

/** Opens one JVM stream on `res`; why its own loop: each request in Dinky starts its own sender. */
export function openJvmStream(
  hub: SseHub,
  res: ServerResponse,
  timers: TimerRegistry,
  intervalMs: number,
  sample: () => JvmRecord,
  pool: JvmWorkerPool
): void {
  const key = randomUUID()
  const emitter = hub.connect(key, res, [key])
  if (!pool.submit()) return
  // The sender's first `sendTopic` runs at once, then every period.
  hub.sendTopic(key, sample())
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
