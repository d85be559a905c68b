/**
 * The last 6 hours of each watched job's metrics on disk, for the offline view: one file per job under the
 * profile's cache folder (`metrics/<jid>.json`), replaced whole through a temporary file and a rename like the
 * log tails, at most once per interval per job. A file that does not parse is ignored (and overwritten later).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  METRICS_WINDOW_MS,
  type JobMetricsLayout,
  type MetricsPoint
} from '../../../shared/metrics'
import { encodeSegment } from '../cache/cache-paths'
import { diskLogFileWriter, type LogFileWriter } from '../cache/log-file-writer'
import type { Clock, Logger, TimerHandle } from '../ports'
import { MAX_POINTS_PER_JOB } from './job-series'

export interface MetricsCache {
  /** The job's cached points (marked `backfill`-or-`push` as they were) and when they were saved. */
  load(
    jid: string
  ): { points: MetricsPoint[]; asOf: number; layout: JobMetricsLayout | null } | null
  save(
    jid: string,
    points: readonly MetricsPoint[],
    asOf: number,
    layout?: JobMetricsLayout | null
  ): void
  flush(): Promise<void>
}

const VERSION = 1
/** A metrics file bigger than this is not read (a 6 h file at 1 s with many series is far below). */
const MAX_FILE_BYTES = 32 * 1024 * 1024

export function createMetricsCache(options: {
  dir: string
  clock: Clock
  logger: Logger
  writer?: LogFileWriter
  intervalMs?: number
}): MetricsCache {
  const writer = options.writer ?? diskLogFileWriter
  const pending = new Map<
    string,
    { points: readonly MetricsPoint[]; asOf: number; layout: JobMetricsLayout | null }
  >()
  let timer: TimerHandle | null = null
  let writing: Promise<void> = Promise.resolve()
  const pathOf = (jid: string) => join(options.dir, `${encodeSegment(jid)}.json`)

  const writeAll = (): Promise<void> => {
    const batch = [...pending]
    pending.clear()
    writing = writing.then(async () => {
      for (const [jid, { points, asOf, layout }] of batch) {
        const kept = points
          .filter((p) => p.at >= asOf - METRICS_WINDOW_MS)
          .slice(-MAX_POINTS_PER_JOB)
        const body = JSON.stringify({ version: VERSION, jid, asOf, layout, points: kept })
        await writer.replace(pathOf(jid), body).catch((error: unknown) => {
          options.logger.warn('metrics cache write failed', { jid, error: String(error) })
        })
      }
    })
    return writing
  }

  return {
    load(jid) {
      try {
        const text = readFileSync(pathOf(jid), 'utf8')
        if (text.length > MAX_FILE_BYTES) return null
        const doc = JSON.parse(text) as {
          version?: unknown
          asOf?: unknown
          points?: unknown
          layout?: JobMetricsLayout | null
        }
        if (doc.version !== VERSION || typeof doc.asOf !== 'number' || !Array.isArray(doc.points))
          return null
        const points = doc.points.filter(
          (p): p is MetricsPoint =>
            typeof p === 'object' &&
            p !== null &&
            typeof (p as MetricsPoint).at === 'number' &&
            typeof (p as MetricsPoint).values === 'object' &&
            ((p as MetricsPoint).source === 'push' || (p as MetricsPoint).source === 'backfill')
        )
        const layout =
          doc.layout && Array.isArray(doc.layout.entries) && typeof doc.layout.name === 'string'
            ? doc.layout
            : null
        return { points, asOf: doc.asOf, layout }
      } catch {
        return null
      }
    },
    save(jid, points, asOf, layout = null) {
      pending.set(jid, { points, asOf, layout })
      timer ??= options.clock.setTimeout(() => {
        timer = null
        void writeAll()
      }, options.intervalMs ?? 5_000)
    },
    flush() {
      if (timer) options.clock.clearTimeout(timer)
      timer = null
      return writeAll()
    }
  }
}
