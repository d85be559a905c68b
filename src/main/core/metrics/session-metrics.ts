/**
 * The live metrics of one session: which jobs are wanted (a Metrics tab, a pinned chart, the CLI), the topic set
 * they add to the stream, pushed samples, and — after every reconnect — a backfill of the missed interval from
 * `getFlinkData`, merged by heart time with what was pushed so each sample is kept once and in order. It also
 * tells when Dinky collects nothing (a running job with a layout, no sample for 3 periods, no history). The
 * history reads are `MetricsBackfill`; the diagnosis itself is `diagnoseSeries`.
 */
import type { Job } from '../../../shared/models'
import {
  DEFAULT_METRICS_INTERVAL_MS,
  type JobMetricsLayout,
  type JobMetricsView,
  type MetricsDiagnosis,
  type MetricsPoint,
  type MetricsUpdate
} from '../../../shared/metrics'
import type { DinkyClient, MetricsSample } from '../dinky/types'
import type { Clock, Logger, TimerHandle } from '../ports'
import { JobSeries } from './job-series'
import { MetricsBackfill } from './metrics-backfill'
import type { MetricsCache } from './metrics-cache'
import { diagnoseSeries } from './metrics-diagnosis'
import * as rest from './metrics-rest'
import { ReadOnlyServerError } from '../session/read-only-error'

/** Jobs wanted at once at most (each is a topic and a series in memory). */
export const MAX_WANTED_JOBS = 64

export interface SessionMetricsOptions {
  client: DinkyClient
  clock: Clock
  logger: Logger
  /** The session's job list (status by jid). */
  jobs: () => readonly Job[]
  /** A read-only profile (issue 23): `saveLayout` is refused before any request. */
  readOnly?: boolean
  /** The wanted set changed: the topic stream must now carry these jobs. */
  onTopicsChanged: (jids: readonly string[]) => void
  cache?: MetricsCache
  /** Dinky's refresh period for the "collection looks disabled" check until samples show the real one. */
  refreshIntervalMs?: number
}

/** What the app and the CLI use of a session's metrics. */
export type MetricsHandle = Pick<
  SessionMetrics,
  'open' | 'close' | 'view' | 'subscribe' | 'layoutOf' | 'items' | 'saveLayout' | 'settled'
>

export class SessionMetrics {
  private readonly series = new Map<string, JobSeries>()
  private readonly listeners = new Set<(update: MetricsUpdate) => void>()
  private readonly backfill: MetricsBackfill
  private streamLive = false
  private checkTimer: TimerHandle | null = null
  private stopped = false

  constructor(private readonly options: SessionMetricsOptions) {
    this.backfill = new MetricsBackfill({
      client: options.client,
      clock: options.clock,
      logger: options.logger,
      series: (jid) => this.series.get(jid),
      streamLive: () => this.streamLive,
      addPoints: (series, points) => this.addPoints(series, points),
      covered: (series) => this.refresh(series)
    })
  }

  /** Jobs the stream must carry. */
  wanted(): string[] {
    return [...this.series.values()].filter((s) => s.holders.size > 0).map((s) => s.jid)
  }

  /** A holder (a tab, a pinned chart, the CLI) wants `jid`: subscribes it and returns what is known now. */
  open(jid: string, holder: string): JobMetricsView {
    let series = this.series.get(jid)
    const now = this.options.clock.now()
    if (!series) {
      if (this.wanted().length >= MAX_WANTED_JOBS)
        throw new Error(`at most ${MAX_WANTED_JOBS} jobs' metrics at once`)
      series = new JobSeries(jid)
      this.series.set(jid, series)
      const cached = this.options.cache?.load(jid)
      if (cached) {
        series.add(cached.points, now)
        series.stale = !this.streamLive
        series.asOf = cached.asOf
        series.layout = cached.layout
        if (!this.streamLive) series.beginOutage(cached.asOf)
      }
    }
    const first = series.holders.size === 0
    series.holders.add(holder)
    if (first) {
      if (!this.streamLive) series.beginOutage(series.lastSampleAt ?? now)
      this.options.onTopicsChanged(this.wanted())
      void this.readLayout(series)
      // The stream is live: read its history now, for the chart; the subscription that adds it is announced
      // again once the server holds the topic (both transports report every subscription taken), which reads
      // what fell between the two.
      if (this.streamLive) this.onSubscribed([jid])
      this.armCheck()
    }
    return series.view(now)
  }

  close(jid: string, holder: string): void {
    const series = this.series.get(jid)
    if (!series || !series.holders.delete(holder) || series.holders.size > 0) return
    this.options.cache?.save(jid, series.points, this.options.clock.now(), series.layout)
    this.series.delete(jid)
    this.backfill.forget(jid)
    this.options.onTopicsChanged(this.wanted())
  }

  view(jid: string): JobMetricsView | null {
    return this.series.get(jid)?.view(this.options.clock.now()) ?? null
  }

  subscribe(listener: (update: MetricsUpdate) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** A `MetricsVO` from the stream. */
  acceptPush(sample: MetricsSample): void {
    const series = this.series.get(sample.model)
    if (!series || series.holders.size === 0) return
    const at = rest.heartTimeMs(sample.heartTime, this.options.client.serverUtcOffsetMs())
    const values = rest.parseContent(sample.content)
    if (at === null || values === null) return
    this.addPoints(series, [{ at, values, source: 'push' }])
  }

  /** The topic stream is down: every wanted job's outage starts now. */
  onStreamDown(): void {
    if (!this.streamLive) return
    this.streamLive = false
    const now = this.options.clock.now()
    for (const series of this.series.values()) series.beginOutage(now)
  }

  /** The server now pushes these jobs on a fresh subscription: close their outages and read what was missed. */
  onSubscribed(jids: readonly string[]): void {
    this.streamLive = true
    const now = this.options.clock.now()
    for (const jid of jids) {
      const series = this.series.get(jid)
      if (!series || series.holders.size === 0) continue
      series.endOutage(now)
      series.stale = false
      this.backfill.want(jid, series.backfillFrom(now))
    }
    this.armCheck()
    void this.backfill.run()
  }

  async layoutOf(jid: string): Promise<JobMetricsLayout | null> {
    const series = this.series.get(jid)
    if (series) await this.readLayout(series)
    return series?.layout ?? (await rest.fetchLayoutOf(this.options.client, jid))
  }

  items(address: string, jid: string, vertex: string): Promise<string[]> {
    return rest.fetchMetricItems(this.options.client, address, jid, vertex)
  }

  /** Saves the layout (Dinky restarts the job's refresh task) and reads it back. */
  async saveLayout(jid: string, layout: JobMetricsLayout): Promise<JobMetricsLayout | null> {
    if (this.options.readOnly) throw new ReadOnlyServerError('save-metrics-layout')
    await rest.saveLayout(this.options.client, layout)
    return this.layoutOf(jid)
  }

  /** Waits for the backfill in progress (tests, the CLI's exit). */
  settled(): Promise<void> {
    return this.backfill.settled()
  }

  /** Stops the timers and writes every wanted job's history to the cache. */
  async stop(): Promise<void> {
    this.stopped = true
    const now = this.options.clock.now()
    for (const series of this.series.values())
      this.options.cache?.save(series.jid, series.points, now, series.layout)
    if (this.checkTimer) this.options.clock.clearTimeout(this.checkTimer)
    this.backfill.stop()
    await this.options.cache?.flush()
  }

  private addPoints(series: JobSeries, points: MetricsPoint[]): void {
    const now = this.options.clock.now()
    const added = series.add(points, now)
    const before = series.diagnosis
    this.diagnose(series, now)
    if (added.length > 0 || before !== series.diagnosis) this.emit(series, added, now)
    if (added.length > 0) this.options.cache?.save(series.jid, series.points, now, series.layout)
  }

  private emit(series: JobSeries, added: MetricsPoint[], now: number): void {
    const update = series.update(added, now)
    for (const listener of this.listeners) listener(update)
  }

  /** Diagnoses `series` again and tells the listeners, with no new points. */
  private refresh(series: JobSeries): void {
    const now = this.options.clock.now()
    this.diagnose(series, now)
    this.emit(series, [], now)
  }

  private async readLayout(series: JobSeries): Promise<void> {
    if (!this.options.client.isLoggedIn()) return
    try {
      series.layout = await rest.fetchLayoutOf(this.options.client, series.jid)
      series.layoutKnown = true
      this.refresh(series)
    } catch (error) {
      this.options.logger.debug('metrics layout unavailable', { error: String(error) })
    }
  }

  private diagnose(series: JobSeries, now: number): MetricsDiagnosis {
    const job = this.options.jobs().find((j) => j.jid === series.jid)
    series.diagnosis = diagnoseSeries(series, job, now, this.refreshMs())
    return series.diagnosis
  }

  private refreshMs(): number {
    return this.options.refreshIntervalMs ?? DEFAULT_METRICS_INTERVAL_MS
  }

  /** Re-checks the diagnosis once per refresh period while some job still has none settled. */
  private armCheck(): void {
    if (this.checkTimer || this.stopped) return
    this.checkTimer = this.options.clock.setTimeout(() => {
      this.checkTimer = null
      const now = this.options.clock.now()
      let again = false
      for (const series of this.series.values()) {
        const before = series.diagnosis
        const after = this.diagnose(series, now)
        if (after !== before) this.emit(series, [], now)
        if (after === 'waiting') again = true
      }
      if (again) this.armCheck()
    }, this.refreshMs())
  }
}
