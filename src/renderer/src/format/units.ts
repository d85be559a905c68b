/** Number, size, time and age formatting for the views, in the UI language. */
import type { TFunction } from 'i18next'

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB']

/** Bytes in binary units with one decimal, as Dinky's own UI prints memory. */
export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${BYTE_UNITS[unit]}`
}

/** A duration as its two largest units ("2h 5m"), which is what an operator scans a table for. */
export function formatDuration(ms: number | null, t: TFunction): string {
  if (ms === null || ms < 0) return t('common.none')
  // Under a second (a 10 ms checkpoint timeout) in milliseconds: rounded to seconds it would read "0s".
  if (ms > 0 && ms < 1000) return t('units.duration.ms', { value: Math.round(ms) })
  const seconds = Math.floor(ms / 1000)
  const parts: Array<[keyof typeof UNIT_SECONDS, number]> = []
  let rest = seconds
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const value = Math.floor(rest / UNIT_SECONDS[unit])
    rest -= value * UNIT_SECONDS[unit]
    if (value > 0 || (unit === 's' && parts.length === 0)) parts.push([unit, value])
  }
  return parts
    .slice(0, 2)
    .map(([unit, value]) => t(`units.duration.${unit}`, { value }))
    .join(' ')
}
const UNIT_SECONDS = { d: 86_400, h: 3_600, m: 60, s: 1 } as const

/** Flink's tolerable failed checkpoints; `Integer.MAX_VALUE` is its "never fail the job for it" (real Flink 1.18.1). */
export function formatTolerableFailures(count: number | null, t: TFunction): string {
  if (count === null) return t('common.none')
  return count >= 2_147_483_647 ? t('jobHealth.unlimited') : String(count)
}

/** Wall-clock time `HH:MM` (24 h), as in "Stale since 10:42". */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs)
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** Date and time `yyyy-MM-dd HH:MM:SS`, the format Dinky's UI uses. */
export function formatDateTime(epochMs: number): string {
  const date = new Date(epochMs)
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  return `${day} ${formatClock(epochMs)}:${pad(date.getSeconds())}`
}

/** "5 minutes ago" / "5 分钟前", from the platform's own relative-time rules. */
export function formatAgo(epochMs: number, now: number, language: string): string {
  const seconds = Math.round((epochMs - now) / 1000)
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  if (Math.abs(seconds) < 60) return format.format(seconds, 'second')
  const minutes = Math.round(seconds / 60)
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute')
  const hours = Math.round(minutes / 60)
  if (Math.abs(hours) < 48) return format.format(hours, 'hour')
  return format.format(Math.round(hours / 24), 'day')
}

/**
 * Parses a time from Dinky: ISO-8601 with the server's offset as the core maps it, or a bare `yyyy-MM-dd HH:mm:ss`
 * (taken as local time). Null when absent or malformed.
 */
export function parseDinkyTime(value: string | null): number | null {
  if (!value) return null
  const ms = Date.parse(value.replace(' ', 'T'))
  return Number.isNaN(ms) ? null : ms
}

/** A Dinky time shown in the viewer's own time zone, `yyyy-MM-dd HH:MM:SS`; the raw text when it can't be read. */
export function formatDinkyTime(value: string | null, none = '—'): string {
  const ms = parseDinkyTime(value)
  return ms === null ? (value ?? none) : formatDateTime(ms)
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
