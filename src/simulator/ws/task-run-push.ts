/**
 * The `TASK_RUN_INSTANCE` topic: `{"RunningTaskId": [taskId, …]}`, the ids of the tasks whose job instance Dinky's
 * `FlinkJobThreadPool` is monitoring (`getCurrentMonitorTaskIds()`), checked every second.
 * - `42e96423` (`ws/topic/TaskRunInstance.java`): the topic's loop calls `sendTopic(topic, params, autoDataSend())`
 *   every period, so subscribers get the set when it changed and `data: {}` otherwise. GUESS: the period (1 s).
 * - `e3517ffd` (`ws/handler/TaskRunInstance.java`, `ScheduleMessageEventHandler`): only a change is published, and
 *   `sendTopic(topic, paramsAndData)` reaches only sessions that subscribed the parameter `RunningTaskId`.
 * Both send the whole set to a new subscription (`firstSubscribe`). Ids are task ids, not job instance ids.
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
  let last = ''
  return state.timers.repeat(() => {
    const ids = runningTaskIds(state.world)
    const changed = JSON.stringify(ids) !== last
    last = JSON.stringify(ids)
    const data = { [RUNNING_TASK_PARAM]: ids }
    if (hub.dialect.pathToken) {
      if (changed) hub.push('TASK_RUN_INSTANCE', data)
    } else {
      hub.pushAll('TASK_RUN_INSTANCE', changed ? data : {})
    }
  }, TASK_RUN_PERIOD_MS)
}
