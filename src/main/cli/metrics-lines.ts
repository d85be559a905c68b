/**
 * What `watch --metrics <jid>` prints: one line per vertex × metric of every new sample, each sample once (the
 * core merges pushes and backfills by heart time), `source` saying how it came. Server text is printed inert:
 * JSON-escaped in NDJSON, control characters replaced in the readable view.
 */
import { parseMetricValue, type JobMetricsView, type MetricsUpdate } from '../../shared/metrics'

/**
 * NDJSON objects of an update's new points, in time order. Dinky sends every value as a string (`"10.5"`): `value`
 * is the number the charts read from it (the same parser), or null with the text in `valueText` when it is none.
 */
export function metricsJsonLines(
  update: Pick<MetricsUpdate, 'jid' | 'added'>,
  ts: number
): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = []
  for (const point of update.added) {
    for (const [vertex, metrics] of Object.entries(point.values)) {
      for (const [metric, text] of Object.entries(metrics)) {
        const value = parseMetricValue(text)
        lines.push({
          ts,
          type: 'metrics',
          jid: update.jid,
          vertex,
          metric,
          time: new Date(point.at).toISOString(),
          value,
          ...(value === null ? { valueText: text } : {}),
          source: point.source
        })
      }
    }
  }
  return lines
}

/**
 * What a job's view holds when it is opened: with `--cache-dir`, the history cached by an earlier run, printed first
 * and marked `stale` with its `asOf` like every cached line; live and backfilled samples follow, each once (the core
 * merges them into the same series, so a sample already printed from the cache is not added again).
 */
export function cachedMetricsJsonLines(
  view: JobMetricsView,
  ts: number
): Record<string, unknown>[] {
  const stale = view.stale ? { stale: true, asOf: view.asOf } : {}
  return metricsJsonLines({ jid: view.jid, added: view.points }, ts).map((line) => ({
    ...line,
    ...stale
  }))
}

/** A diagnosis worth a line of its own (collection off on the server, no layout). */
export function metricsNoticeLine(
  update: MetricsUpdate,
  ts: number
): Record<string, unknown> | null {
  if (update.diagnosis !== 'collection-disabled' && update.diagnosis !== 'no-layout') return null
  return { ts, type: 'metrics-state', jid: update.jid, diagnosis: update.diagnosis }
}

/** Control characters (terminal escapes included) become `?`. */
const inert = (text: string) =>
  [...text]
    .map((c) => (c.charCodeAt(0) < 0x20 || (c >= '\u007f' && c <= '\u009f') ? '?' : c))
    .join('')

/** Readable lines: `12:00:05 metrics 9b2f… cbc357…/0.numRecordsInPerSecond = 1234.5 (backfill)`. */
export function metricsTextLines(
  update: Pick<MetricsUpdate, 'jid' | 'added'>,
  cached = false
): string[] {
  return metricsJsonLines(update, 0).map((line) => {
    const time = String(line.time).slice(11, 19)
    const where = `${inert(String(line.vertex)).slice(0, 8)}…/${inert(String(line.metric))}`
    const tag = (line.source === 'backfill' ? ' (backfill)' : '') + (cached ? ' (cached)' : '')
    const value = String(line.valueText ?? line.value)
    return `${time} metrics ${update.jid.slice(0, 8)}… ${where} = ${inert(value)}${tag}`
  })
}
