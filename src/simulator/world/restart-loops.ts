/**
 * Restart loops (a fault control): the latest instance of a looping task goes RUNNING → RESTARTING → RUNNING again
 * and again, one failover every few world ticks, as a job with a poison record under Flink's restart strategy does.
 * Each failover raises the instance's `failedRestartCount` and is recorded on Flink's side (`JobHealth.recordRestart`:
 * exception history, `timestamps.RESTARTING`, a restore from the latest checkpoint). Ticked by the world.
 */

import type { JobInstanceRecord } from './entities'
import { setStatus } from './job-lifecycle'

/** World ticks between two failovers by default: a restart, a tick back to RUNNING, a tick running. */
export const DEFAULT_RESTART_EVERY_TICKS = 3

interface Loop {
  everyTicks: number
  /** Ticks spent RUNNING since the last failover. */
  running: number
}

export class RestartLoops {
  private readonly loops = new Map<number, Loop>()

  /** Starts (or re-paces) the loop of a task; the first failover comes at the next tick the job is RUNNING. */
  start(taskId: number, everyTicks = DEFAULT_RESTART_EVERY_TICKS): void {
    if (!Number.isInteger(everyTicks) || everyTicks < 2)
      throw new Error('everyTicks must be an integer of at least 2')
    this.loops.set(taskId, { everyTicks, running: everyTicks })
  }

  /** Stops the loop; a job in RESTARTING is RUNNING again at the next tick, and stays so. */
  stop(taskId: number): void {
    this.loops.delete(taskId)
  }

  isLooping(taskId: number): boolean {
    return this.loops.has(taskId)
  }

  /**
   * One world tick, after the instances have stepped: a looping task whose latest instance has run long enough
   * fails over now. Returns the instances that went RESTARTING, for Flink's side to record.
   */
  tick(
    latestOf: (taskId: number) => JobInstanceRecord | undefined,
    at: number
  ): JobInstanceRecord[] {
    const restarted: JobInstanceRecord[] = []
    for (const [taskId, loop] of this.loops) {
      const instance = latestOf(taskId)
      if (instance?.status !== 'RUNNING') continue
      loop.running += 1
      if (loop.running < loop.everyTicks) continue
      loop.running = 0
      instance.failedRestartCount += 1
      setStatus(instance, 'RESTARTING', at, 1)
      restarted.push(instance)
    }
    return restarted
  }
}
