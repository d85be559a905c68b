/**
 * The job-detail module's cache part (`job-health.json` beside the snapshot): the last detail of recently opened
 * jobs, every job's health summary, and the drawer's extras (alerts, versions), each with its `asOf`. Bounded
 * (most recent first), validated loosely on load (a document that does not look right is ignored, never trusted
 * into the UI), and marked stale when read back.
 */
import type { Fresh } from '../../../shared/models'
import {
  sameHealthReading,
  type AlertHistoryEntry,
  type JobHealthDetail,
  type JobHealthSummary,
  type TaskVersion
} from '../../../shared/job-health'
import type { ModuleCache } from '../cache/module-cache'

export const MODULE_NAME = 'job-health'
const VERSION = 1
const MAX_DETAILS = 30
const MAX_SUMMARIES = 500
const MAX_EXTRAS = 30
/**
 * The background sweep re-reads a job every few seconds, mostly to find what it found before: such a re-read (only a
 * later `asOf`) is held in memory and reaches the file with the next write, or after this long at the latest, not
 * as a rewrite of the whole document each second.
 */
export const SAME_READING_WRITE_MS = 60_000

interface Stamped<T> {
  value: T
  asOf: number
}

interface Document {
  version: number
  details: Array<[number, Stamped<JobHealthDetail>]>
  summaries: Array<[number, JobHealthSummary]>
  alerts: Array<[number, Stamped<AlertHistoryEntry[]>]>
  versions: Array<[number, Stamped<TaskVersion[]>]>
}

function entries<T>(value: unknown, max: number, ok: (item: T) => boolean): Array<[number, T]> {
  if (!Array.isArray(value)) return []
  const out: Array<[number, T]> = []
  for (const entry of value.slice(0, max)) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'number') continue
    const item = entry[1] as T
    if (item && typeof item === 'object' && ok(item)) out.push([entry[0], item])
  }
  return out
}

const stamped = (item: Stamped<unknown>) => typeof item.asOf === 'number' && item.value != null

/** A recency-ordered, bounded map: `touch` moves a key to the front. */
class Recent<T> {
  private readonly map: Map<number, T>
  constructor(
    initial: Array<[number, T]>,
    private readonly max: number
  ) {
    this.map = new Map(initial)
  }
  get(key: number): T | undefined {
    return this.map.get(key)
  }
  set(key: number, value: T): void {
    this.map.delete(key)
    this.map.set(key, value)
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as number)
  }
  values(): T[] {
    return [...this.map.values()]
  }
  toJSON(): Array<[number, T]> {
    return [...this.map.entries()].reverse()
  }
}

export class JobDetailCache {
  private readonly details: Recent<Stamped<JobHealthDetail>>
  private readonly summaries: Recent<JobHealthSummary>
  private readonly alerts: Recent<Stamped<AlertHistoryEntry[]>>
  private readonly versions: Recent<Stamped<TaskVersion[]>>
  /** The `asOf` of what the last write carried (the newest reading's), to space out same-reading writes. */
  private writtenAsOf = Number.NEGATIVE_INFINITY

  constructor(private readonly file: ModuleCache | null) {
    const raw = (file?.read() ?? null) as Partial<Document> | null
    const ok = raw?.version === VERSION
    const load = <T>(value: unknown, max: number, check: (item: T) => boolean) =>
      ok ? entries<T>(value, max, check).reverse() : []
    this.details = new Recent(
      load<Stamped<JobHealthDetail>>(raw?.details, MAX_DETAILS, stamped),
      MAX_DETAILS
    )
    this.summaries = new Recent(
      load<JobHealthSummary>(raw?.summaries, MAX_SUMMARIES, (s) => Array.isArray(s.reasons)),
      MAX_SUMMARIES
    )
    this.alerts = new Recent(
      load<Stamped<AlertHistoryEntry[]>>(raw?.alerts, MAX_EXTRAS, stamped),
      MAX_EXTRAS
    )
    this.versions = new Recent(
      load<Stamped<TaskVersion[]>>(raw?.versions, MAX_EXTRAS, stamped),
      MAX_EXTRAS
    )
  }

  detail(instanceId: number): Fresh<JobHealthDetail> | null {
    const hit = this.details.get(instanceId)
    return hit ? { value: hit.value, asOf: hit.asOf, stale: true } : null
  }

  summariesList(): JobHealthSummary[] {
    return this.summaries.values()
  }

  alertsOf(instanceId: number): Fresh<AlertHistoryEntry[]> | null {
    const hit = this.alerts.get(instanceId)
    return hit ? { ...hit, stale: true } : null
  }

  versionsOf(taskId: number): Fresh<TaskVersion[]> | null {
    const hit = this.versions.get(taskId)
    return hit ? { ...hit, stale: true } : null
  }

  saveDetail(detail: Fresh<JobHealthDetail>, summary: JobHealthSummary, keepDetail: boolean): void {
    const before = this.summaries.get(summary.instanceId)
    if (keepDetail)
      this.details.set(detail.value.instanceId, { value: detail.value, asOf: detail.asOf })
    this.summaries.set(summary.instanceId, summary)
    const news = keepDetail || !before || !sameHealthReading(before, summary)
    if (news || summary.asOf - this.writtenAsOf >= SAME_READING_WRITE_MS) this.write(summary.asOf)
  }

  saveAlerts(instanceId: number, value: Fresh<AlertHistoryEntry[]>): void {
    this.alerts.set(instanceId, { value: value.value, asOf: value.asOf })
    this.write(value.asOf)
  }

  saveVersions(taskId: number, value: Fresh<TaskVersion[]>): void {
    this.versions.set(taskId, { value: value.value, asOf: value.asOf })
    this.write(value.asOf)
  }

  private write(asOf: number): void {
    this.writtenAsOf = Math.max(this.writtenAsOf, asOf)
    if (!this.file) return
    const document: Document = {
      version: VERSION,
      details: this.details.toJSON(),
      summaries: this.summaries.toJSON(),
      alerts: this.alerts.toJSON(),
      versions: this.versions.toJSON()
    }
    this.file.write(document as unknown as Record<string, unknown>)
  }
}
