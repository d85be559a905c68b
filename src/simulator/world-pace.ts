/**
 * The timers that make the world move on its own: a tick every `tickMs` (job transitions, clusters, metrics) and
 * a console pump every 50 ms that writes `logRate` lines per second for each running submission.
 */

import type { SimState } from './sim-state'

const PUMP_MS = 50

/** Starts both timers; returns the disposer. `tickMs: 0` leaves ticking to `control.tick()`. */
export function startWorldPace(state: SimState): () => void {
  const { options, timers, world } = state
  const stops: Array<() => void> = []
  if (options.tickMs > 0) stops.push(timers.repeat(() => world.tick(), options.tickMs))
  if (options.logRate > 0) {
    let last = performance.now()
    stops.push(
      timers.repeat(() => {
        const now = performance.now()
        world.pumpLogs(now - last, options.logRate)
        last = now
      }, PUMP_MS)
    )
  }
  return () => stops.forEach((stop) => stop())
}
