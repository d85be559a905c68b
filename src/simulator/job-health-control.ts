/**
 * Fault controls of the Flink side of jobs, for tests, benchmarks and the demo (library: `control.jobHealth`;
 * HTTP: `POST /__sim/health/...`):
 *
 *   POST /__sim/health/checkpoints?taskId=&fail=true|false[&count=N]
 *                                                            the latest instance's checkpoints start/stop failing
 *                                                            (count: the next N fail, then they complete again)
 *   POST /__sim/health/restart-loop?taskId=&on=true|false[&everyTicks=3]
 *                                                            the task's job fails over every few ticks (or stops)
 *   POST /__sim/health/source-lag?taskId=&perSecond=N[&metric=pendingRecords]
 *                                                            the source's lag metric grows N per second
 *   POST /__sim/health/source-lag?taskId=                    (no perSecond, or `none`) back to a small value
 *   POST /__sim/health/backpressure?taskId=&vertex=N|none    HIGH backpressure on a vertex's output (or none)
 *   POST /__sim/health/flink?clusterId=&reachable=false|true Flink unreachable from Dinky (RECONNECTING → UNKNOWN)
 *   POST /__sim/health/https?clusterId=                      the cluster's Flink REST moves to https:// (1.0/1.1 lose it)
 *   POST /__sim/health/interval?ms=                          every job's checkpoint interval (0: checkpointing off)
 */

import type { SimulatorControl } from './control'
import type { JobInstanceRecord } from './world/entities'
import { vertexIdsOf } from './world/metrics'
import type { SourceLagSpec } from './world/source-lag'
import type { World } from './world/world'

export type { SourceLagSpec } from './world/source-lag'

export interface JobHealthControl {
  /**
   * The latest instance's checkpoints fail (each interval adds a FAILED one to the history and raises
   * `counts.failed`) until `fail=false`; with `count`, only the next `count` fail, then they complete again.
   */
  failCheckpoints(taskId: number, fail?: boolean, options?: { count?: number }): void
  /**
   * The task's latest instance fails over every `everyTicks` world ticks (default 3) while `on`: RUNNING →
   * RESTARTING (one tick) → RUNNING, each failover raising `failedRestartCount` on the `jobInstance` rows (Dinky's
   * list, `getJobInfoDetail`), Flink's `timestamps.RESTARTING`, an exception-history entry and `counts.restored`.
   * The first failover comes at the next tick the job is RUNNING. `on=false` stops it (RUNNING from the next tick).
   */
  restartLoop(taskId: number, on: boolean, options?: { everyTicks?: number }): void
  /**
   * The task's source lag metric grows by `perSecond` per second of the simulator's clock while set, and is back to
   * 0–10 after `null`. Adds the metric to the task's metrics layout, so it is collected, pushed and stored.
   * Returns the metric id (e.g. `0.Source__KafkaSource.pendingRecords`) and the source vertex id.
   */
  sourceLag(taskId: number, spec: SourceLagSpec | null): { metricId: string; vertexId: string }
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
    failCheckpoints: (taskId, fail = true, options = {}) => {
      const { count } = options
      if (count !== undefined && !(Number.isInteger(count) && count > 0))
        throw new Error('count must be a positive integer')
      world.health.failCheckpoints(latest(taskId), fail, now(), count)
    },
    restartLoop: (taskId, on, options = {}) => {
      if (!world.task(taskId)) throw new Error(`No task ${taskId}`)
      if (on) world.restartLoops.start(taskId, options.everyTicks)
      else world.restartLoops.stop(taskId)
    },
    sourceLag: (taskId, spec) => {
      if (!world.task(taskId)) throw new Error(`No task ${taskId}`)
      const metricId = world.sourceLag.set(taskId, spec, now())
      world.metrics.ensureSourceRow(taskId, metricId)
      return { metricId, vertexId: vertexIdsOf(taskId)[0] }
    },
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
const optionalNum = (q: URLSearchParams, name: string): number | undefined =>
  q.has(name) ? Number(q.get(name)) : undefined

export const JOB_HEALTH_VERBS: Record<string, Verb> = {
  'health/checkpoints': (c, q) =>
    c.jobHealth.failCheckpoints(num(q, 'taskId'), q.get('fail') !== 'false', {
      count: optionalNum(q, 'count')
    }),
  'health/restart-loop': (c, q) =>
    c.jobHealth.restartLoop(num(q, 'taskId'), q.get('on') !== 'false', {
      everyTicks: optionalNum(q, 'everyTicks')
    }),
  'health/source-lag': (c, q) => {
    const perSecond = q.get('perSecond')
    const off = perSecond === null || perSecond === 'none'
    const metric = q.get('metric') ?? undefined
    return c.jobHealth.sourceLag(
      num(q, 'taskId'),
      off ? null : { metric, perSecond: Number(perSecond) }
    )
  },
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
