/**
 * Dinky's three ways of writing a time, all in the server's local zone. The simulated server lives in UTC+8 (a
 * typical Dinky install), whatever the zone of the machine running it, so its output is the same everywhere.
 */

const SERVER_OFFSET_MS = 8 * 60 * 60 * 1000

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

function serverLocal(epochMs: number): Date {
  return new Date(epochMs + SERVER_OFFSET_MS)
}

/** `yyyy-MM-dd HH:mm:ss`: hutool's `DateTime.toString()` (Result.time) and `@JsonFormat` fields. */
export function formatDateTime(epochMs: number): string {
  const d = serverLocal(epochMs)
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  )
}

/** `yyyy-MM-dd`: `MetricsVO.date`. */
export function formatDate(epochMs: number): string {
  return formatDateTime(epochMs).slice(0, 10)
}

/**
 * Jackson's ISO form of a `LocalDateTime` without a zone (`2024-08-27T10:15:30.12`): `ISO_LOCAL_DATE_TIME` writes
 * the fraction without trailing zeros and drops a zero one entirely (the recordings of real Dinky show `.83277012`,
 * `.1234`).
 */
export function formatLocalDateTime(epochMs: number): string {
  const base = formatDateTime(epochMs).replace(' ', 'T')
  const ms = serverLocal(epochMs).getUTCMilliseconds()
  return ms === 0 ? base : `${base}.${pad(ms, 3).replace(/0+$/, '')}`
}

/**
 * fastjson2's `LocalDateTime` (`2024-08-27 10:15:30.120`): a space, no fraction when it is zero, else the shortest
 * of 3, 6 or 9 digits that holds it (the recordings show 9 digits, zeros kept: `.249278760`). Dinky writes a finished
 * process to `tmp/log/<name>.json` with fastjson2 and reads it back, so its steps carry this form.
 */
export function formatFastjsonDateTime(epochMs: number): string {
  const ms = serverLocal(epochMs).getUTCMilliseconds()
  const base = formatDateTime(epochMs)
  return ms === 0 ? base : `${base}.${pad(ms, 3)}`
}

/**
 * Spring Boot's error body `timestamp` (a `java.util.Date`): Dinky's `spring.jackson` settings write it as
 * `yyyy-MM-dd HH:mm:ss` in GMT+8 on every release, whatever the server's own zone (a real 1.1.0 in UTC wrote
 * `16:03:02` at 08:03 UTC).
 */
export function formatErrorTimestamp(epochMs: number): string {
  const d = new Date(epochMs + 8 * 60 * 60 * 1000)
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  )
}

/** Sa-Token's cookie `Expires` attribute (RFC 1123 in GMT). */
export function formatCookieExpires(epochMs: number): string {
  return new Date(epochMs).toUTCString()
}
