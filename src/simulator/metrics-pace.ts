/**
 * The metrics collection's own timer, when `metricsIntervalMs` asks for one: tests and the demo collect faster or
 * slower than the world ticks (Dinky collects in each `FlinkJobTask` cycle, which is the tick by default).
 */

import type { SimState } from './sim-state'

/** Starts the timer (or nothing for `metricsIntervalMs: 0`); returns the disposer. */
export function startMetricsPace(state: SimState): () => void {
  const { options, timers, world } = state
  if (options.metricsIntervalMs <= 0) return () => undefined
  world.metrics.independentPace = true
  return timers.repeat(() => world.metrics.collect(), options.metricsIntervalMs)
}
