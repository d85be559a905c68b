/**
 * The `TASK_RUN_INSTANCE` topic: `{"RunningTaskId": [taskId, …]}`, the ids of the tasks whose job instance Dinky's
 * `FlinkJobThreadPool` is monitoring (`getCurrentMonitorTaskIds()`), checked every second.
 * - 1.2.0 (branch `1.2.0`, `ws/topic/TaskRunInstance.java`, `GlobalWebSocketTopic` delay 1000): `autoDataSend` returns
 *   the set only when it differs from the last one it saw (tracked whether or not anyone subscribed) and an empty map
 *   otherwise, which the topic loop skips (`Asserts.isNotNullMap`); a change goes to every session subscribed to the
 *   topic whatever its parameters (`sendTopic(topic, params, result)`). Nothing is sent while the set is unchanged.
 * - `e3517ffd` (`ws/handler/TaskRunInstance.java`, 1.2.2+): only a change is published, and
 *   `sendTopic(topic, paramsAndData)` reaches only sessions that subscribed the parameter `RunningTaskId`.
 * Both send the whole set to a new subscription (`firstSend`). Ids are task ids, not job instance ids.
 */

import { DONE_STATUSES } from '../../shared/models'
import type { SimState } from '../sim-state'
import type { World } from '../world/world'
import type { WsHub } from './ws-hub'

export const RUNNING_TASK_PARAM = 'RunningTaskId'
export const TASK_RUN_PERIOD_MS = 1_000

/** The task ids whose latest instance is not done, ascending (a `ConcurrentSkipListSet` on Dinky's side). */
export function runningTaskIds(world: World): number[] {
  return world
    .latestInstances()
    .filter((instance) => !DONE_STATUSES.includes(instance.status))
    .map((instance) => instance.taskId)
    .sort((a, b) => a - b)
}

export function firstRunningTasks(world: World): Record<string, unknown> {
  return { [RUNNING_TASK_PARAM]: runningTaskIds(world) }
}

/** Starts the periodic check; returns its disposer. Nothing runs on versions without the topic. */
export function startTaskRunPush(state: SimState, hub: WsHub): () => void {
  if (!hub.dialect.taskRunInstance) return () => undefined
  // Dinky's loop has run since it booted: the world's running set at start is the one it last saw.
  let last = JSON.stringify(runningTaskIds(state.world))
  return state.timers.repeat(() => {
    const ids = runningTaskIds(state.world)
    const changed = JSON.stringify(ids) !== last
    last = JSON.stringify(ids)
    const data = { [RUNNING_TASK_PARAM]: ids }
    if (!changed) return
    if (hub.dialect.pathToken) hub.push('TASK_RUN_INSTANCE', data)
    else hub.pushAll('TASK_RUN_INSTANCE', data)
  }, TASK_RUN_PERIOD_MS)
}
