/**
 * Fault controls of the Flink side of jobs, for tests, benchmarks and the demo (library: `control.jobHealth`;
 * HTTP: `POST /__sim/health/...`):
 *
 *   POST /__sim/health/checkpoints?taskId=&fail=true|false   the latest instance's checkpoints start/stop failing
 *   POST /__sim/health/backpressure?taskId=&vertex=N|none    HIGH backpressure on a vertex's output (or none)
 *   POST /__sim/health/flink?clusterId=&reachable=false|true Flink unreachable from Dinky (RECONNECTING → UNKNOWN)
 *   POST /__sim/health/https?clusterId=                      the cluster's Flink REST moves to https:// (1.0/1.1 lose it)
 *   POST /__sim/health/interval?ms=                          every job's checkpoint interval (0: checkpointing off)
 */

import type { SimulatorControl } from './control'
import type { JobInstanceRecord } from './world/entities'
import type { World } from './world/world'

export interface JobHealthControl {
  failCheckpoints(taskId: number, fail?: boolean): void
  backpressure(taskId: number, vertex: number | null): void
  setFlinkReachable(clusterId: number, reachable: boolean): void
  checkpointInterval(ms: number): void
  /**
   * The cluster's Flink REST address becomes `https://…`. Dinky 1.0/1.1 prefix `http://` to every Flink address
   * (`FlinkAPI`, fixed by #3688 in 1.2.0), so there the heartbeat fails and Flink is unreachable from Dinky.
   */
  flinkOverHttps(clusterId: number): void
}

/** The releases whose `FlinkAPI` always writes `http://` + address. */
const FORCES_HTTP = /^1\.[01]\./

export function createJobHealthControl(
  world: World,
  now: () => number,
  version: string
): JobHealthControl {
  const latest = (taskId: number): JobInstanceRecord => {
    const instance = world.latestOf(taskId)
    if (!instance) throw new Error(`No job instance for task ${taskId}`)
    return instance
  }
  return {
    failCheckpoints: (taskId, fail = true) =>
      world.health.failCheckpoints(latest(taskId), fail, now()),
    backpressure: (taskId, vertex) => world.health.setBackpressure(latest(taskId), vertex, now()),
    setFlinkReachable: (clusterId, reachable) => {
      if (!world.clusters.some((c) => c.id === clusterId))
        throw new Error(`No cluster ${clusterId}`)
      world.health.setFlinkReachable(clusterId, reachable, now())
      world.health.tick(world.latestInstances(), now())
    },
    flinkOverHttps: (clusterId) => {
      const cluster = world.clusters.find((c) => c.id === clusterId)
      if (!cluster) throw new Error(`No cluster ${clusterId}`)
      const https = (address: string) => `https://${address.replace(/^https?:\/\//i, '')}`
      cluster.hosts = cluster.hosts.split(',').map(https).join(',')
      cluster.jobManagerHost = https(cluster.jobManagerHost)
      if (!FORCES_HTTP.test(version)) return
      cluster.available = false
      world.health.setFlinkReachable(clusterId, false, now())
      world.health.tick(world.latestInstances(), now())
    },
    checkpointInterval: (ms) => {
      if (!(ms >= 100) && ms !== 0) throw new Error('interval must be 0 (off) or at least 100 ms')
      world.health.checkpointIntervalMs = ms
    }
  }
}

type Verb = (control: SimulatorControl, q: URLSearchParams) => unknown
const num = (q: URLSearchParams, name: string): number => Number(q.get(name) ?? 0)

export const JOB_HEALTH_VERBS: Record<string, Verb> = {
  'health/checkpoints': (c, q) =>
    c.jobHealth.failCheckpoints(num(q, 'taskId'), q.get('fail') !== 'false'),
  'health/backpressure': (c, q) => {
    const vertex = q.get('vertex')
    c.jobHealth.backpressure(
      num(q, 'taskId'),
      vertex === null || vertex === 'none' ? null : Number(vertex)
    )
  },
  'health/flink': (c, q) =>
    c.jobHealth.setFlinkReachable(num(q, 'clusterId'), q.get('reachable') === 'true'),
  'health/interval': (c, q) => c.jobHealth.checkpointInterval(num(q, 'ms')),
  'health/https': (c, q) => c.jobHealth.flinkOverHttps(num(q, 'clusterId'))
}
