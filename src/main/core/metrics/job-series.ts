/**
 * One job's metrics as the console holds them: samples in time order, each heart time once whatever way it came
 * (push, backfill, cache), the last 6 hours only, and our own outages until history fills them. Pure state: the
 * session's metrics module decides when to backfill and what to tell the user.
 */
import {
  METRICS_WINDOW_MS,
  mergePoints,
  observedInterval,
  type JobMetricsLayout,
  type JobMetricsState,
  type JobMetricsView,
  type MetricsDiagnosis,
  type MetricsPoint,
  type MetricsRange,
  type MetricsUpdate
} from '../../../shared/metrics'

/** Samples kept per job at most, whatever the server's period (6 h at 1 s). */
export const MAX_POINTS_PER_JOB = 21_600
/** Outage ranges kept per job at most (the oldest merge into the next). */
const MAX_OUTAGES = 100

export class JobSeries {
  points: MetricsPoint[] = []
  outages: MetricsRange[] = []
  /** Start of the outage in progress (stream not live while this job was wanted). */
  openOutageFrom: number | null = null
  layout: JobMetricsLayout | null = null
  /** True once Dinky answered the layout question (null layout then means "none"). */
  layoutKnown = false
  diagnosis: MetricsDiagnosis = 'waiting'
  /** True once a backfill of this job answered, even with nothing. */
  historyRead = false
  /** The end of the history read so far: a job with no samples is not read from the horizon again. */
  readUntil: number | null = null
  /** When the stream last started carrying this job; null while it does not. */
  liveSince: number | null = null
  stale = false
  asOf: number | null = null
  readonly holders = new Set<string>()

  constructor(readonly jid: string) {}

  get lastSampleAt(): number | null {
    return this.points.length > 0 ? this.points[this.points.length - 1].at : null
  }

  intervalMs(): number {
    return observedInterval(this.points)
  }

  /** Adds what is new (by heart time), keeps the window; returns the added points in ascending order. */
  add(incoming: readonly MetricsPoint[], now: number): MetricsPoint[] {
    if (incoming.length === 0) return []
    const sorted = [...incoming].sort((a, b) => a.at - b.at)
    const known = new Set<number>()
    for (let i = this.points.length - 1; i >= 0 && this.points[i].at >= sorted[0].at; i--)
      known.add(this.points[i].at)
    const horizon = now - METRICS_WINDOW_MS
    const added: MetricsPoint[] = []
    for (const point of sorted) {
      if (point.at < horizon || known.has(point.at)) continue
      known.add(point.at)
      added.push(point)
    }
    if (added.length === 0) return []
    this.points = mergePoints(this.points, added)
    this.trim(now)
    this.stale = false
    return added
  }

  /** Forgets what fell out of the window (and beyond the count bound). */
  trim(now: number): void {
    const horizon = now - METRICS_WINDOW_MS
    let cut = 0
    while (cut < this.points.length && this.points[cut].at < horizon) cut++
    cut = Math.max(cut, this.points.length - MAX_POINTS_PER_JOB)
    if (cut > 0) this.points = this.points.slice(cut)
    this.outages = this.outages.filter((o) => o.to >= horizon)
  }

  beginOutage(at: number): void {
    if (this.openOutageFrom === null) this.openOutageFrom = at
    this.liveSince = null
  }

  /** The stream carries the job again: the outage in progress becomes a range awaiting backfill. */
  endOutage(at: number): void {
    if (this.openOutageFrom !== null && at > this.openOutageFrom) {
      this.outages.push({ from: this.openOutageFrom, to: at })
      if (this.outages.length > MAX_OUTAGES) {
        const [a, b] = this.outages.splice(0, 2)
        this.outages.unshift({ from: a.from, to: b.to })
      }
    }
    this.openOutageFrom = null
    this.liveSince = at
  }

  /** History for [from, to] was read: outages inside it are filled (what is still missing there is a hole). */
  covered(from: number, to: number): void {
    this.historyRead = true
    this.readUntil = Math.max(this.readUntil ?? to, to)
    this.outages = this.outages.filter((o) => !(o.from >= from && o.to <= to))
  }

  /**
   * Where a backfill must start: the last sample or the end of what was read (the later), or the oldest unfilled
   * outage, or the window's start. Why the end of what was read: the open of a job and its subscription both ask
   * for a backfill, and a job with no samples would otherwise be read over the whole window twice.
   */
  backfillFrom(now: number): number {
    const horizon = now - METRICS_WINDOW_MS
    const read = Math.max(this.lastSampleAt ?? -Infinity, this.readUntil ?? -Infinity)
    let from = Number.isFinite(read) ? read : horizon
    const oldest = this.outages[0]?.from ?? this.openOutageFrom
    if (oldest !== null) from = Math.min(from, oldest)
    return Math.max(horizon, from)
  }

  view(now: number): JobMetricsView {
    return { ...this.state(now), points: this.points }
  }

  update(added: MetricsPoint[], now: number): MetricsUpdate {
    return { ...this.state(now), added }
  }

  private state(now: number): JobMetricsState {
    return {
      jid: this.jid,
      outages: this.currentOutages(now),
      lastSampleAt: this.lastSampleAt,
      intervalMs: this.intervalMs(),
      diagnosis: this.diagnosis,
      layout: this.layout,
      stale: this.stale,
      asOf: this.asOf
    }
  }

  /** Closed outages plus the one in progress (up to now). */
  currentOutages(now?: number): MetricsRange[] {
    if (this.openOutageFrom === null || now === undefined) return [...this.outages]
    return [...this.outages, { from: this.openOutageFrom, to: now }]
  }
}
