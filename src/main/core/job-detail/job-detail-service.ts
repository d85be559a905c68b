/**
 * The job-detail module of a session, beside the sync engine: the open drawers' detail every 3 s, the budgeted
 * health sweep of running jobs, the drawer's other reads (alerts, versions, savepoints, task managers, Flink logs
 * and their "follow"), and the module's cache part. Results go out as `job-health` and `log` session updates, so
 * they are numbered and batched like everything else. Works from the cache when the server is unreachable.
 */
import { z } from 'zod'
import type { Fresh, Job, LogChunk } from '../../../shared/models'
import type {
  AlertHistoryEntry,
  FlinkLogRef,
  JobHealthDetail,
  JobHealthSummary,
  SavepointEntry,
  TaskManagerEntry,
  TaskVersion
} from '../../../shared/job-health'
import type { SessionUpdate } from '../../../shared/session'
import type { ProfileCache } from '../cache/cache-store'
import type { DinkyClient } from '../dinky/types'
import { toZonedTime } from '../dinky/server-zone'
import type { Clock, Logger, TimerHandle } from '../ports'
import { DetailScheduler, type DetailReason } from './detail-scheduler'
import { FlinkLogFollow, readFlinkLog } from './flink-log-source'
import { JobDetailCache, MODULE_NAME } from './job-detail-cache'
import * as s from './job-detail-schemas'
import { JobFlows, MAX_SKEW_SUBTASKS } from './job-flow'
import { toJobHealthDetail, toJobHealthSummary } from './map-job-health'

export interface JobDetailServiceOptions {
  client: DinkyClient
  cache: ProfileCache
  clock: Clock
  logger: Logger
  budgetPerSecond: () => number
  isLive: () => boolean
  /** The session's current job list (the sweep visits its running jobs). */
  jobs: () => readonly Job[]
  emit: (update: SessionUpdate) => void
  openIntervalMs?: number
  sweepMinAgeMs?: number
  flinkLogPollMs?: number
}

const SWEPT_STATUSES = new Set(['RUNNING', 'RESTARTING', 'RECONNECTING'])
const MAX_LIST = 500
const MAX_FOLLOWED_LOGS = 8

export class JobDetailService {
  readonly scheduler: DetailScheduler
  private readonly cache: JobDetailCache
  private readonly live = new Map<number, Fresh<JobHealthDetail>>()
  private readonly flows = new JobFlows()
  private readonly follows = new Map<string, FlinkLogFollow>()
  private followTimer: TimerHandle | null = null
  private started = false

  constructor(private readonly options: JobDetailServiceOptions) {
    this.cache = new JobDetailCache(options.cache.module?.(MODULE_NAME) ?? null)
    this.scheduler = new DetailScheduler({
      clock: options.clock,
      logger: options.logger,
      budgetPerSecond: options.budgetPerSecond,
      isLive: options.isLive,
      openIntervalMs: options.openIntervalMs,
      sweepMinAgeMs: options.sweepMinAgeMs,
      candidates: () =>
        options
          .jobs()
          .filter((job) => SWEPT_STATUSES.has(job.status))
          .map((job) => job.id),
      fetch: (id, reason) => this.fetchDetail(id, reason)
    })
  }

  start(): void {
    this.started = true
    this.scheduler.start()
    this.scheduleFollow()
  }

  stop(): void {
    this.started = false
    this.scheduler.stop()
    if (this.followTimer) this.options.clock.clearTimeout(this.followTimer)
    this.followTimer = null
  }

  /** Opens a drawer: polled every 3 s from now on; returns what is known already (live, else cached). */
  open(instanceId: number): Fresh<JobHealthDetail> | null {
    this.scheduler.openJob(instanceId)
    return this.live.get(instanceId) ?? this.cache.detail(instanceId)
  }

  close(instanceId: number): void {
    this.scheduler.closeJob(instanceId)
    this.live.delete(instanceId)
  }

  refresh(instanceId: number): void {
    this.scheduler.force(instanceId)
  }

  summaries(): JobHealthSummary[] {
    return this.cache.summariesList()
  }

  async alerts(instanceId: number): Promise<Fresh<AlertHistoryEntry[]>> {
    return this.readOrCached(
      async () => {
        const list = await this.options.client.request(
          '/api/alertHistory/list',
          z.array(z.unknown()),
          { query: { jobInstanceId: instanceId } }
        )
        return s.boundedList(s.alertHistorySchema, list, MAX_LIST).map((a) => ({
          id: a.id,
          title: a.title ?? '',
          content: a.content ?? '',
          status: a.status ?? null,
          log: a.log ?? null,
          createTime: this.zoned(a.createTime),
          groupName: a.alertGroup?.name ?? null
        }))
      },
      (value) => this.cache.saveAlerts(instanceId, value),
      () => this.cache.alertsOf(instanceId)
    )
  }

  async versions(taskId: number): Promise<Fresh<TaskVersion[]>> {
    return this.readOrCached(
      async () => {
        const list = await this.options.client.request('/api/task/version', z.array(z.unknown()), {
          query: { taskId }
        })
        return s.boundedList(s.taskVersionSchema, list, MAX_LIST).map((v) => ({
          id: v.id,
          versionId: v.versionId ?? null,
          statement: v.statement ?? '',
          createTime: this.zoned(v.createTime)
        }))
      },
      (value) => this.cache.saveVersions(taskId, value),
      () => this.cache.versionsOf(taskId)
    )
  }

  async savepoints(taskId: number): Promise<SavepointEntry[]> {
    const { rows } = await this.options.client.requestPage('/api/savepoints', z.unknown(), {
      method: 'POST',
      body: { taskId, current: 1, pageSize: 50 }
    })
    return s.boundedList(s.savepointSchema, rows, 50).map((p) => ({
      id: p.id,
      name: p.name ?? null,
      type: p.type ?? null,
      path: p.path,
      createTime: this.zoned(p.createTime)
    }))
  }

  async taskManagers(address: string): Promise<TaskManagerEntry[]> {
    const list = await this.options.client.request(
      '/api/jobInstance/getTaskManagerList',
      z.array(z.unknown()),
      { query: { address } }
    )
    return s.boundedList(s.taskManagerEntrySchema, list, MAX_LIST).map((tm) => ({
      containerId: tm.containerId,
      dataPort: tm.dataPort ?? null,
      slotsNumber: tm.slotsNumber ?? null,
      freeSlots: tm.freeSlots ?? null,
      sinceHeartbeatMs: tm.timeSinceLastHeartbeat ?? null
    }))
  }

  /** Starts following a Flink log (polled); returns its first lines as chunks, also emitted as `log` updates. */
  async followFlinkLog(ref: FlinkLogRef): Promise<{ process: string; chunks: LogChunk[] }> {
    let follow = [...this.follows.values()].find((f) => sameRef(f.ref, ref))
    if (!follow) {
      follow = new FlinkLogFollow(ref)
      this.follows.set(follow.process, follow)
      if (this.follows.size > MAX_FOLLOWED_LOGS)
        this.follows.delete(this.follows.keys().next().value as string)
    }
    const chunks = await this.pollFollow(follow)
    return { process: follow.process, chunks }
  }

  unfollowFlinkLog(process: string): void {
    this.follows.delete(process)
  }

  private async pollFollow(follow: FlinkLogFollow): Promise<LogChunk[]> {
    const text = await readFlinkLog(this.options.client, follow.ref)
    const chunks = follow.accept(text, this.options.clock.now())
    for (const chunk of chunks) this.options.emit({ type: 'log', chunk })
    return chunks
  }

  private scheduleFollow(): void {
    if (!this.started) return
    const { clock } = this.options
    this.followTimer = clock.setTimeout(async () => {
      if (this.options.isLive()) {
        for (const follow of [...this.follows.values()]) {
          await this.pollFollow(follow).catch((error: unknown) =>
            this.options.logger.debug('flink log poll failed', {
              process: follow.process,
              error: String(error)
            })
          )
        }
      }
      this.scheduleFollow()
    }, this.options.flinkLogPollMs ?? 5_000)
  }

  /** Dinky's zone-less server-local times, with the server's offset (as every other model carries them). */
  private zoned(value: string | number | null | undefined): string | null {
    return toZonedTime(value, this.options.client.serverUtcOffsetMs())
  }

  /** One detail read, and for an open drawer one vertex's subtask counts; resolves to the extra requests made. */
  private async fetchDetail(instanceId: number, reason: DetailReason): Promise<number> {
    const data = await this.options.client.request(
      '/api/jobInstance/refreshJobInfoDetail',
      s.refreshDetailSchema,
      { query: { id: instanceId, isForce: reason === 'force' } }
    )
    const asOf = this.options.clock.now()
    const version = this.options.client.knownVersion?.() ?? null
    const flinkNow = s.part(s.flinkJobSchema, data.jobDataDto?.job)?.now ?? null
    const mapped = this.flows.apply(toJobHealthDetail(data, version), flinkNow, asOf)
    const open = this.scheduler.isOpen(instanceId)
    const extra = open ? await this.readSkew(mapped) : 0
    const value = extra > 0 ? this.flows.apply(mapped, flinkNow, asOf) : mapped
    const detail: Fresh<JobHealthDetail> = { value, asOf, stale: false }
    const summary = toJobHealthSummary(detail.value, asOf, asOf)
    if (open) this.live.set(instanceId, detail)
    else this.live.delete(instanceId)
    this.cache.saveDetail(detail, summary, open)
    this.options.emit({ type: 'job-health', summary, detail: open ? detail : null })
    return extra
  }

  /**
   * Flink's per-subtask `<i>.numRecordsIn` of one keyed vertex through Dinky's `getJobMetricsData` (Flink's
   * `/jobs/:jid/vertices/:vid/metrics`), round-robin over the job's keyed vertices, so skew costs one request per
   * open-drawer read (counted against the budget) and a wide job's vertices are each read in turn. Only while
   * Flink is reachable and readable; a failed read leaves the vertex's skew as it was. Resolves to 1 when asked.
   */
  private async readSkew(detail: JobHealthDetail): Promise<number> {
    if (detail.flinkLost || detail.flinkHttpsBlocked || detail.status !== 'RUNNING') return 0
    if (!detail.jid || !detail.jobManagerAddress) return 0
    const vertex = this.flows.nextSkewVertex(detail)
    if (!vertex?.parallelism) return 0
    const count = Math.min(vertex.parallelism, MAX_SKEW_SUBTASKS)
    const names = Array.from({ length: count }, (_, i) => `${i}.numRecordsIn`)
    try {
      const list = await this.options.client.request(
        '/api/jobInstance/getJobMetricsData',
        z.array(z.unknown()).nullable(),
        {
          query: {
            address: detail.jobManagerAddress,
            jobId: detail.jid,
            verticeId: vertex.id,
            metrics: names.join(',')
          }
        }
      )
      const bySubtask = new Map<string, number>()
      for (const metric of s.boundedList(s.metricValueSchema, list, count))
        bySubtask.set(metric.id, Number(metric.value))
      // Every subtask or none: a partial answer would make skew out of the subtasks Flink happened to give.
      const values = names.map((name) => bySubtask.get(name) ?? NaN)
      this.flows.saveSkew(detail.instanceId, detail.jid, vertex.id, values)
    } catch (error) {
      this.options.logger.debug('skew read failed', { id: detail.instanceId, error: String(error) })
    }
    return 1
  }

  private async readOrCached<T>(
    read: () => Promise<T>,
    save: (value: Fresh<T>) => void,
    cached: () => Fresh<T> | null
  ): Promise<Fresh<T>> {
    try {
      const value: Fresh<T> = { value: await read(), asOf: this.options.clock.now(), stale: false }
      save(value)
      return value
    } catch (error) {
      const hit = cached()
      if (hit) return hit
      throw error
    }
  }
}

function sameRef(a: FlinkLogRef, b: FlinkLogRef): boolean {
  return (
    a.kind === b.kind && a.address === b.address && (a.containerId ?? '') === (b.containerId ?? '')
  )
}
