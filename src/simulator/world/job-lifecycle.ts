/**
 * How a Flink job instance moves through Dinky's `JobStatus` values from one world tick to the next. Transient
 * states (INITIALIZING, FAILING, CANCELLING, RESTARTING) resolve after their pending ticks; RUNNING jobs fail,
 * restart or (batch) finish by seeded chance.
 */

import type { JobInstanceRecord, JobStatus } from './entities'
import type { SeededRandom } from './seeded-random'

export const DONE: readonly JobStatus[] = ['FAILED', 'CANCELED', 'FINISHED', 'UNKNOWN']

/** Per-tick chances; small, so the demo changes every minute or so rather than every tick. */
const CHANCE = { fail: 0.004, restart: 0.008, batchFinish: 0.08, resubmit: 0.01 } as const

export const ROOT_EXCEPTION =
  'org.apache.flink.runtime.JobException: Recovery is suppressed by NoRestartBackoffTimeStrategy\n' +
  '\tat org.apache.flink.runtime.executiongraph.failover.flip1.ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java:139)\n' +
  '\tat org.apache.flink.runtime.scheduler.DefaultScheduler.handleTaskFailure(DefaultScheduler.java:256)\n' +
  'Caused by: org.apache.kafka.common.errors.TimeoutException: Timeout of 60000ms expired before the position ' +
  'for partition orders-3 could be determined\n' +
  '\t... 30 more'

export type TickOutcome = 'none' | 'changed' | 'resubmit'

/** Changes `status` and stamps the times Dinky stamps; why one place: finishTime must follow done states. */
export function setStatus(
  instance: JobInstanceRecord,
  status: JobStatus,
  at: number,
  pending = 0
): void {
  instance.status = status
  instance.updateTime = at
  instance.pendingTicks = pending
  if (DONE.includes(status)) instance.finishTime = at
  if (status === 'FAILED') {
    instance.rootException ??= ROOT_EXCEPTION
    instance.exceptionTime ??= at
    instance.error ??= instance.rootException.split('\n')[0]
  }
}

/**
 * One tick of one latest instance; returns whether it changed or wants a new submission. `byChance: false` only
 * resolves transient states: generated jobs change by the churn rate instead (`scale-jobs.ts`).
 */
export function stepInstance(
  instance: JobInstanceRecord,
  batch: boolean,
  rng: SeededRandom,
  at: number,
  byChance = true
): TickOutcome {
  if (instance.pendingTicks > 0) {
    instance.pendingTicks -= 1
    if (instance.pendingTicks > 0) return 'none'
    const resolved = resolveTransient(instance.status)
    if (resolved === null) return 'none'
    setStatus(instance, resolved, at)
    return 'changed'
  }
  if (!byChance) return 'none'
  if (instance.status === 'RUNNING') {
    if (batch && rng.chance(CHANCE.batchFinish)) setStatus(instance, 'FINISHED', at)
    else if (!batch && rng.chance(CHANCE.fail)) setStatus(instance, 'FAILING', at, 1)
    else if (!batch && rng.chance(CHANCE.restart)) {
      instance.failedRestartCount += 1
      setStatus(instance, 'RESTARTING', at, 1)
    } else return 'none'
    return 'changed'
  }
  if (
    (instance.status === 'FAILED' || instance.status === 'CANCELED') &&
    rng.chance(CHANCE.resubmit)
  ) {
    return 'resubmit'
  }
  return 'none'
}

function resolveTransient(status: JobStatus): JobStatus | null {
  switch (status) {
    case 'FAILING':
      return 'FAILED'
    case 'CANCELLING':
      return 'CANCELED'
    case 'RESTARTING':
    case 'INITIALIZING':
    case 'CREATED':
    case 'RECONNECTING':
      return 'RUNNING'
    default:
      return null
  }
}
