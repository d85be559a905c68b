/** How the job graph writes a vertex's figures: names cut to fit, compact rates, skew ratios, watermark times. */
import { formatClock } from '../../format/units'

/** Roughly how many characters of the name fit on the vertex's first line. */
export const NAME_CHARS = 26

export function ellipsis(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** One formatter per language: building an Intl formatter costs far more than using one (60 per redraw). */
const rateFormats = new Map<string, Intl.NumberFormat>()

/** Records per second, compact ("1.2K", "3.4万"). */
export function formatRate(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  let format = rateFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 })
    rateFormats.set(language, format)
  }
  return format.format(value)
}

export const formatRatio = (ratio: number) => ratio.toFixed(1)

/** `HH:MM:SS` of a watermark; Flink's "no watermark" (Long.MIN_VALUE) never reaches here as a number. */
export function formatWatermark(epochMs: number): string {
  const seconds = String(new Date(epochMs).getSeconds()).padStart(2, '0')
  return `${formatClock(epochMs)}:${seconds}`
}
