/**
 * Dinky's Flink proxy (`controller/FlinkProxyController.java`, v1.0.2–1.1.0): `GET /api/flink/<host:port>/<flink
 * path>` forwards to Flink's REST API with Hutool and copies Flink's body and headers back, without Dinky's `Result`
 * envelope and without Flink's status (the servlet's stays 200). Dinky's web UI opens Flink's own UI through it.
 * The simulator answers the one Flink path the console reads through it, Flink 1.18's
 * `/jobs/:jid/checkpoints/details/:id` (`CheckpointStatistics` with `tasks` by vertex); any other path gets Flink's
 * `{"errors": ["Not found: ..."]}`.
 */

import { CODE, jsonReply } from './envelope'
import type { Route } from './router'
import { failed, type SimState } from '../sim-state'
import { unit } from '../world/checkpoint-run'
import type { CheckpointRecord } from '../world/job-health'
import { planOf } from '../world/job-plans'
import type { JobInstanceRecord } from '../world/entities'
import { statistics } from './wire-checkpoints'
import { vertexId } from './wire-job-plan'

const PREFIX = '/api/flink/'
const DETAILS = /^([^/]+)\/jobs\/([0-9a-f]{32})\/checkpoints\/details\/(\d+)$/

/** A vertex's share of the job's state: operators that keep state hold it, a source its offsets. */
function stateWeight(name: string): number {
  if (/Aggregate|Join|Deduplicate|Window/.test(name)) return 10
  return name.startsWith('Source:') ? 1 : 0
}

/** `TaskCheckpointStatistics` by vertex id, in Flink 1.18's field order; sizes add up to the checkpoint's. */
function tasksOf(instance: JobInstanceRecord, record: CheckpointRecord): Record<string, object> {
  const plan = planOf(instance.name)
  const weights = plan.vertices.map((v) => stateWeight(v.name))
  const total = weights.reduce((a, b) => a + b, 0) || 1
  const heaviest = weights.indexOf(Math.max(...weights))
  const done = record.status === 'COMPLETED'
  const tasks: Record<string, object> = {}
  plan.vertices.forEach((vertex, index) => {
    const share = weights[index] / total
    const acked = done || index === 0 ? vertex.parallelism : 0
    tasks[vertexId(instance, index)] = {
      id: record.id,
      status: done ? 'COMPLETED' : 'FAILED',
      latest_ack_timestamp: acked > 0 ? record.ackAt : -1,
      checkpointed_size: Math.round(record.checkpointedSize * share),
      state_size: Math.round(record.stateSize * share),
      end_to_end_duration:
        index === heaviest
          ? record.durationMs
          : Math.round(record.durationMs * (0.3 + 0.6 * unit(record.id, index))),
      alignment_buffered: 0,
      processed_data: 0,
      persisted_data: 0,
      num_subtasks: vertex.parallelism,
      num_acknowledged_subtasks: acked
    }
  })
  return tasks
}

export function flinkProxyRoutes(state: SimState): Route[] {
  const { world } = state
  const flink = (body: object) => jsonReply(JSON.stringify(body))
  return [
    {
      method: 'GET',
      path: PREFIX,
      subtree: true,
      login: true,
      handle: (ctx) => {
        const rest = ctx.path.slice(PREFIX.length)
        const host = rest.split('/')[0]
        const cluster = world.clusters.find((c) => c.jobManagerHost === host)
        // Guess (not seen on a real server): Hutool cannot connect, Dinky's exception handler answers with its envelope.
        if (!cluster || !world.health.isFlinkReachable(cluster.id))
          return failed(state, CODE.ERROR, `java.net.ConnectException: Connection refused: ${host}`)
        const match = DETAILS.exec(rest)
        if (!match) return flink({ errors: [`Not found: /${rest.slice(host.length + 1)}`] })
        const instance = world.instances.find(
          (i) => i.jid === match[2] && i.clusterId === cluster.id
        )
        if (!instance) return flink({ errors: ['Job could not be found.'] })
        const id = Number(match[3])
        const record = world.health.state(instance, ctx.at).history.find((c) => c.id === id)
        if (!record)
          return flink({
            errors: [`Could not find checkpointing statistics for checkpoint ${id}.`]
          })
        return flink({ ...statistics(record), tasks: tasksOf(instance, record) })
      }
    }
  ]
}
