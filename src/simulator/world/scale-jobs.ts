/**
 * The job instances of the generated tasks (`jobs` option, issue 23) and their churn. The mix is what a large
 * Dinky shows: mostly RUNNING, some FINISHED (batch), CANCELED and FAILED, a few RESTARTING or FAILING for a while.
 * Churn is a rate, not a per-job chance: with thousands of jobs a per-job chance would change dozens every tick,
 * where a real fleet changes a few a minute; the fixed cast keeps its own livelier per-job chances. Running rows
 * are re-saved every 60 ticks as Dinky does (`resaveRunning`).
 */

import type { JobInstanceRecord, JobStatus, TaskRecord } from './entities'
import { TENANT_ID } from './entities'
import { ROOT_EXCEPTION, setStatus } from './job-lifecycle'
import type { SeededRandom } from './seeded-random'

const HOUR = 3_600_000

/** Latest status of a streaming task, by cumulative weight. */
const STREAMING_MIX: ReadonlyArray<[JobStatus, number]> = [
  ['RUNNING', 0.83],
  ['CANCELED', 0.89],
  ['FAILED', 0.95],
  ['FINISHED', 0.97],
  ['RESTARTING', 0.99],
  ['FAILING', 1]
]

function drawStatus(task: TaskRecord, rng: SeededRandom): JobStatus {
  if (task.batchModel) return rng.chance(0.85) ? 'FINISHED' : rng.pick(['RUNNING', 'FAILED'])
  const roll = rng.next()
  return STREAMING_MIX.find(([, upTo]) => roll < upTo)?.[0] ?? 'RUNNING'
}

/** One to two runs per task over the last days, ids given later (in time order, with the cast's). */
export function buildScaleInstances(
  tasks: readonly TaskRecord[],
  rng: SeededRandom,
  at: number
): JobInstanceRecord[] {
  const instances: JobInstanceRecord[] = []
  for (const task of tasks) {
    const runs = rng.chance(0.3) ? 2 : 1
    for (let run = 0; run < runs; run++) {
      const latest = run === runs - 1
      const status = latest ? drawStatus(task, rng) : rng.pick(['CANCELED', 'FAILED'] as const)
      const created = at - (runs - run) * rng.int(2, 30 * 24) * HOUR
      const done = status === 'FAILED' || status === 'CANCELED' || status === 'FINISHED'
      const finished = done ? Math.min(at - 60_000, created + rng.int(1, 48) * HOUR) : null
      // A job restarting or failing now stays so for a while (a restart loop, a slow failover).
      const pendingTicks =
        status === 'RESTARTING' ? rng.int(6, 60) : status === 'FAILING' ? rng.int(3, 24) : 0
      instances.push({
        id: 0,
        tenantId: TENANT_ID,
        name: task.name,
        taskId: task.id,
        step: task.step,
        clusterId: task.clusterId,
        jid: rng.hex(32),
        status,
        historyId: 0,
        error: status === 'FAILED' ? ROOT_EXCEPTION.split('\n')[0] : null,
        createTime: created,
        updateTime: finished ?? at - rng.int(1, 300) * 60_000,
        finishTime: finished,
        failedRestartCount: status === 'RESTARTING' ? rng.int(1, 30) : 0,
        pendingTicks,
        rootException: status === 'FAILED' ? ROOT_EXCEPTION : null,
        exceptionTime: status === 'FAILED' ? finished : null
      })
    }
  }
  return instances
}

export interface ChurnStep {
  /** Streaming jobs that just started restarting (for the health records' restart history). */
  restarted: JobInstanceRecord[]
  /** Tasks to submit again (a failed or canceled job brought back, a batch job's next run). */
  resubmit: number[]
}

/**
 * One tick of churn over the generated tasks' latest instances: `perTick` changes expected (a fraction is a chance,
 * so 0.25 is one change every fourth tick on average). Only starts changes: transient states resolve by the
 * lifecycle's pending ticks like the cast's.
 */
export function churnTick(
  latest: readonly JobInstanceRecord[],
  isBatch: (taskId: number) => boolean,
  perTick: number,
  rng: SeededRandom,
  at: number
): ChurnStep {
  const step: ChurnStep = { restarted: [], resubmit: [] }
  if (latest.length === 0 || perTick <= 0) return step
  let changes = Math.floor(perTick) + (rng.chance(perTick % 1) ? 1 : 0)
  // A draw may land on a job that cannot change now (it is already restarting): a few more draws, never a loop.
  const draws = changes * 8
  for (let tries = 0; changes > 0 && tries < draws; tries++) {
    const instance = latest[rng.int(0, latest.length - 1)]
    if (instance.pendingTicks > 0 || step.resubmit.includes(instance.taskId)) continue
    const batch = isBatch(instance.taskId)
    if (instance.status === 'RUNNING' && batch) setStatus(instance, 'FINISHED', at)
    else if (instance.status === 'RUNNING' && rng.chance(0.7)) {
      instance.failedRestartCount += 1
      setStatus(instance, 'RESTARTING', at, rng.int(1, 4))
      step.restarted.push(instance)
    } else if (instance.status === 'RUNNING') setStatus(instance, 'FAILING', at, rng.int(1, 3))
    else if (['FAILED', 'CANCELED', 'FINISHED'].includes(instance.status))
      step.resubmit.push(instance.taskId)
    else continue
    changes -= 1
  }
  return step
}

/** Dinky's `FlinkJobTask` saves a running job's row every 60 refresh cycles (`isNeedSave`), about 5 minutes. */
const SAVE_EVERY_TICKS = 60

/**
 * Dinky's periodic save of the generated running jobs' rows, each on its own turn of the 60 ticks: `updateTime`
 * moves to now and with it the stored duration (`updateTime - createTime`), the job's start staying put. So a large
 * simulated Dinky, like a real one, changes a few rows every poll with nothing happening to any job. The fixed
 * cast keeps its rows as they are (tests read their times).
 */
export function resaveRunning(
  latest: readonly JobInstanceRecord[],
  tick: number,
  at: number
): void {
  for (const instance of latest) {
    if (instance.status === 'RUNNING' && (tick + instance.taskId) % SAVE_EVERY_TICKS === 0)
      instance.updateTime = at
  }
}
