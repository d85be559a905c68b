/**
 * The job history the simulated Dinky starts with: one to three instances per task over the last days, the latest
 * of each spread over the statuses an operator meets (mostly RUNNING, some FAILED, FINISHED, CANCELED,
 * RESTARTING, one still INITIALIZING).
 */

import type { JobInstanceRecord, JobStatus, TaskRecord } from './entities'
import { TENANT_ID } from './entities'
import { ROOT_EXCEPTION } from './job-lifecycle'
import type { SeededRandom } from './seeded-random'

const LATEST_PALETTE: readonly JobStatus[] = [
  'RUNNING',
  'RUNNING',
  'RUNNING',
  'RUNNING',
  'RUNNING',
  'RUNNING',
  'FAILED',
  'FINISHED',
  'CANCELED',
  'RESTARTING',
  'INITIALIZING',
  'FAILED'
]

const HOUR = 3_600_000

/** Builds the instances, ids ascending in time; why a palette: every status the UI colours is present at once. */
export function buildInitialInstances(
  tasks: readonly TaskRecord[],
  rng: SeededRandom,
  at: number
): JobInstanceRecord[] {
  const palette = shuffle([...LATEST_PALETTE], rng)
  const instances: JobInstanceRecord[] = []
  tasks.forEach((task, index) => {
    const runs = rng.int(1, 3)
    for (let run = 0; run < runs; run++) {
      const latest = run === runs - 1
      let status: JobStatus = latest
        ? palette[index % palette.length]
        : rng.pick(['CANCELED', 'FAILED'] as const)
      if (latest && task.batchModel && status === 'RUNNING') status = 'FINISHED'
      const created = at - (runs - run) * rng.int(6, 40) * HOUR
      const done = status === 'FAILED' || status === 'CANCELED' || status === 'FINISHED'
      const finished = done ? Math.min(at - 60_000, created + rng.int(1, 5) * HOUR) : null
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
        updateTime: finished ?? at - rng.int(1, 30) * 60_000,
        finishTime: finished,
        failedRestartCount: status === 'RESTARTING' ? rng.int(1, 4) : 0,
        pendingTicks: status === 'RESTARTING' ? 2 : 0,
        rootException: status === 'FAILED' ? ROOT_EXCEPTION : null,
        exceptionTime: status === 'FAILED' ? finished : null
      })
    }
  })
  return numbered(instances)
}

/**
 * Ids ascending in time, as Dinky's auto-increment gives them. Also applied after the generated tasks' instances
 * (issue 23) join the cast's: the two interleave in time.
 */
export function numbered(instances: JobInstanceRecord[]): JobInstanceRecord[] {
  instances.sort((a, b) => a.createTime - b.createTime)
  instances.forEach((instance, index) => {
    instance.id = index + 1
    instance.historyId = index + 1
  })
  return instances
}

function shuffle<T>(items: T[], rng: SeededRandom): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}
