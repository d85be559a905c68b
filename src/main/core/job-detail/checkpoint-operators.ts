/**
 * The latest completed checkpoint by operator (issue 24): Flink's `/jobs/:jid/checkpoints/details/:id` `tasks`.
 * Dinky's REST API (v1.0.x–1.1.0) never reads that route; its Flink proxy (`/api/flink/<host>/<flink path>`,
 * `FlinkProxyController`) passes it through without the `Result` envelope, so it is read there: once per new
 * completed checkpoint of an open job (one extra request, counted against the budget), kept per job, and a
 * failure is kept too (no retry until the next checkpoint). When it cannot be read the UI gets a sentence why.
 */
import { z } from 'zod'
import type {
  CheckpointOperators,
  CheckpointOperatorStats,
  JobHealthDetail
} from '../../../shared/job-health'
import type { DinkyClient } from '../dinky/types'
import * as s from './job-detail-schemas'
import { cut, LIMITS } from './map-job-health'

const num = z.number().nullish()
const detailsSchema = z.object({ id: z.number(), tasks: z.record(z.string(), z.unknown()) })
const taskSchema = z.object({
  num_acknowledged_subtasks: num,
  num_subtasks: num,
  state_size: num,
  checkpointed_size: num,
  end_to_end_duration: num
})
/** A host Dinky's proxy can take as a path segment (`10.20.1.11:8081`, `flink-rest.ns.svc:8081`). */
const HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/
const JID = /^[0-9a-f]{32}$/
const MAX_JOBS = 200

export class CheckpointOperatorReads {
  private readonly byJob = new Map<number, { jid: string | null; value: CheckpointOperators }>()

  /** What is kept for this detail's latest completed checkpoint, or null when nothing is. */
  known(detail: JobHealthDetail): CheckpointOperators | null {
    const id = detail.checkpoints?.latestCompleted?.id ?? null
    const kept = this.byJob.get(detail.instanceId)
    return kept && kept.jid === detail.jid && kept.value.checkpointId === id ? kept.value : null
  }

  /**
   * Reads the breakdown of the detail's latest completed checkpoint if not kept yet; resolves to the requests made
   * (0 or 1). Only for a running job whose Flink Dinky can reach.
   */
  async read(client: DinkyClient, detail: JobHealthDetail): Promise<number> {
    const id = detail.checkpoints?.latestCompleted?.id ?? null
    const host = detail.jobManagerAddress
    if (id === null || this.known(detail) || !client.requestUnwrapped) return 0
    if (detail.flinkLost || detail.flinkHttpsBlocked || detail.status !== 'RUNNING') return 0
    if (!detail.jid || !JID.test(detail.jid) || !host || !HOST.test(host)) return 0
    let value: CheckpointOperators
    try {
      const details = await client.requestUnwrapped(
        `/api/flink/${host}/jobs/${detail.jid}/checkpoints/details/${id}`,
        detailsSchema
      )
      value = { checkpointId: details.id, operators: operatorsOf(details.tasks, detail) }
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      value = {
        checkpointId: id,
        unavailable: cut(`Flink's checkpoint details could not be read through Dinky: ${why}`, 500)!
      }
    }
    this.byJob.delete(detail.instanceId)
    this.byJob.set(detail.instanceId, { jid: detail.jid, value })
    if (this.byJob.size > MAX_JOBS) this.byJob.delete(this.byJob.keys().next().value as number)
    return 1
  }
}

/** Flink's `tasks` (vertex id → `TaskCheckpointStatistics`), the first `LIMITS.vertices`, named by the detail. */
function operatorsOf(
  tasks: Record<string, unknown>,
  detail: JobHealthDetail
): CheckpointOperatorStats[] {
  const names = new Map(detail.vertices.map((v) => [v.id, v.name]))
  const out: CheckpointOperatorStats[] = []
  for (const vertexId in tasks) {
    if (out.length >= LIMITS.vertices) break
    const task = s.part(taskSchema, tasks[vertexId])
    if (!task) continue
    const id = cut(vertexId, 64) ?? ''
    out.push({
      vertexId: id,
      name: names.get(vertexId) ?? id,
      acknowledged: task.num_acknowledged_subtasks ?? null,
      subtasks: task.num_subtasks ?? null,
      stateSize: task.state_size ?? null,
      checkpointedSize: task.checkpointed_size ?? null,
      endToEndMs: task.end_to_end_duration ?? null,
      // Flink gives sync/async/alignment times per subtask only (`.../details/:id/subtasks/:vid`), not read here.
      syncMs: null,
      asyncMs: null,
      alignmentMs: null
    })
  }
  return out
}
