/**
 * The metrics backfill of one session: after a (re)subscription, the interval each wanted job missed is read from
 * `getFlinkData` a window at a time and handed to its series, at most one pass at a time; a failed pass keeps what
 * was pending and tries again later. Separate from `SessionMetrics` (the wanted set, pushes, diagnosis) because it
 * is the one part that reads history over REST, with its own queue, its own retry and its own bound per answer.
 */
import type { MetricsPoint } from '../../../shared/metrics'
import type { DinkyClient } from '../dinky/types'
import type { Clock, Logger, TimerHandle } from '../ports'
import type { JobSeries } from './job-series'
import * as rest from './metrics-rest'

/** History is read a window at a time: 1.1 answers every job's rows, so a window bounds one answer. */
export const BACKFILL_WINDOW_MS = 15 * 60 * 1000
const RETRY_MS = 10_000
/**
 * Why a growing retry: a real 1.0.3 install without Hadoop answers every `getFlinkData` with an HTTP 500
 * (`NoClassDefFoundError`), for as long as it runs; retrying every 10 s forever, with a WARN each time, was noise.
 */
const RETRY_MAX_MS = 5 * 60 * 1000

export interface MetricsBackfillOptions {
  client: DinkyClient
  clock: Clock
  logger: Logger
  /** The series of `jid`, while it is open. */
  series(jid: string): JobSeries | undefined
  /** Whether the topic stream is live (a backfill that ran while it is down would miss its own seam). */
  streamLive(): boolean
  addPoints(series: JobSeries, points: MetricsPoint[]): void
  /** A series' missed interval is now covered: diagnose it again and tell the listeners. */
  covered(series: JobSeries): void
}

export class MetricsBackfill {
  /** The earliest time still to read, by job. */
  private readonly pending = new Map<string, number>()
  private backfilling: Promise<void> | null = null
  private retryTimer: TimerHandle | null = null
  private stopped = false
  /** Failed passes in a row, and the last error's text: a repeat of it is said at INFO, not WARN. */
  private failures = 0
  private lastError = ''

  constructor(private readonly options: MetricsBackfillOptions) {}

  /** `jid` missed everything since `from` (an earlier pending start wins). */
  want(jid: string, from: number): void {
    this.pending.set(jid, Math.min(this.pending.get(jid) ?? Infinity, from))
  }

  forget(jid: string): void {
    this.pending.delete(jid)
  }

  run(): Promise<void> {
    if (this.backfilling || this.pending.size === 0 || this.stopped)
      return this.backfilling ?? Promise.resolve()
    this.backfilling = this.backfillOnce().finally(() => {
      this.backfilling = null
      if (this.pending.size > 0 && this.options.streamLive() && !this.retryTimer) void this.run()
    })
    return this.backfilling
  }

  /** Waits for the backfill in progress (tests, the CLI's exit). */
  async settled(): Promise<void> {
    while (this.backfilling) await this.backfilling
  }

  stop(): void {
    this.stopped = true
    if (this.retryTimer) this.options.clock.clearTimeout(this.retryTimer)
  }

  /** One pass over what is pending: windows from the earliest start to now, rows handed to their jobs. */
  private async backfillOnce(): Promise<void> {
    const { clock, logger: log, series: seriesOf } = this.options
    const jobs = new Map(this.pending)
    this.pending.clear()
    const to = clock.now()
    // Bounded: at most MAX_WANTED_JOBS entries.
    const from = Math.min(...jobs.values())
    try {
      for (let start = from; start < to; start += BACKFILL_WINDOW_MS) {
        const end = Math.min(to, start + BACKFILL_WINDOW_MS)
        const live = [...jobs.keys()].filter((jid) => seriesOf(jid)?.holders.size)
        if (live.length === 0 || this.stopped) return
        const answer = await rest.fetchFlinkData(this.options.client, start, end, live)
        if (answer.cut) log.warn('metrics history answer cut', { rows: answer.rows })
        for (const jid of live) {
          const series = seriesOf(jid)
          const points = (answer.byJob.get(jid) ?? []).filter((p) => p.at >= (jobs.get(jid) ?? 0))
          if (series) this.options.addPoints(series, points)
        }
      }
      for (const [jid, jobFrom] of jobs) {
        const series = seriesOf(jid)
        if (!series) continue
        series.covered(jobFrom, to)
        this.options.covered(series)
      }
      log.info('metrics backfilled', { jobs: jobs.size, from, to })
      this.failures = 0
      this.lastError = ''
    } catch (error) {
      const text = String(error)
      this.failures += 1
      const retryInMs = Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** (this.failures - 1))
      if (text !== this.lastError) log.warn('metrics backfill failed', { error: text, retryInMs })
      else log.info('metrics backfill still failing', { attempt: this.failures, retryInMs })
      this.lastError = text
      for (const [jid, jobFrom] of jobs) this.want(jid, jobFrom)
      this.retryTimer ??= clock.setTimeout(() => {
        this.retryTimer = null
        if (this.options.streamLive()) void this.run()
      }, retryInMs)
    }
  }
}
