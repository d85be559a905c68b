/**
 * The demo scenario (option `demoFaults`): the fault controls played on a loop by the world's pace, so a console
 * pointed at the demo shows alerts firing and resolving without anyone steering the simulator:
 * - the first running streaming job's `pendingRecords` grows by 600 a second for 40 ticks (past 100,000 at the
 *   default 5 s tick), then sits near 0 for 20 ticks;
 * - every 180 ticks (15 min) the second one's next three checkpoints fail, then complete again.
 * Restarts and failures already happen by the world's own chance (`job-lifecycle.ts`).
 */

import type { JobHealthControl } from './job-health-control'
import type { SimState } from './sim-state'

const LAG_CYCLE = 60
const LAG_GROWS = 40
const LAG_PER_SECOND = 600
const STREAK_CYCLE = 180
const STREAK_AT = 90
const STREAK_LENGTH = 3

/** Starts the scenario on its own timer at the world's pace; returns the disposer (nothing when off). */
export function startDemoFaults(state: SimState, health: JobHealthControl): () => void {
  const { options, timers, world } = state
  if (!options.demoFaults || options.tickMs <= 0) return () => undefined
  const streaming = world
    .latestInstances()
    .filter((i) => i.status === 'RUNNING' && !world.task(i.taskId)?.batchModel)
    .map((i) => i.taskId)
  const [lagTask, streakTask] = streaming
  // The lag row is in the layout from the start: the console reads a job's layout when it first charts it.
  if (lagTask !== undefined) health.sourceLag(lagTask, null)
  let step = 0
  return timers.repeat(() => {
    step += 1
    if (lagTask !== undefined && step % LAG_CYCLE === 1)
      health.sourceLag(lagTask, { perSecond: LAG_PER_SECOND })
    if (lagTask !== undefined && step % LAG_CYCLE === LAG_GROWS + 1) health.sourceLag(lagTask, null)
    const instance = streakTask === undefined ? undefined : world.latestOf(streakTask)
    if (instance?.status === 'RUNNING' && step % STREAK_CYCLE === STREAK_AT)
      health.failCheckpoints(instance.taskId, true, { count: STREAK_LENGTH })
  }, options.tickMs)
}
