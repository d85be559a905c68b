/**
 * Dinky's server-local times. Dinky writes `yyyy-MM-dd HH:mm:ss` and zone-less ISO `LocalDateTime`s in its own
 * zone (GMT+8 by default) and says nowhere which zone that is; over WebSocket (1.2) it writes epoch ms computed as
 * if that wall time were UTC+8. Every `Result` envelope carries `time`, the server's local now, so the offset is
 * estimated from it, and every time the console keeps is ISO-8601 with that offset, which `Date.parse` reads right
 * in any zone. Pure apart from the small `ServerZone` holder.
 */

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
/** Real zone offsets are whole quarter hours (e.g. +05:45); rounding absorbs latency and a clock a little off. */
const OFFSET_STEP_MS = 15 * MINUTE_MS
/** `spring.jackson.time-zone: GMT+8`, Dinky's default, until a server time says otherwise. */
export const DINKY_DEFAULT_OFFSET_MS = 8 * HOUR_MS
/** Dinky 1.2's `LocalDateTimeSerializer` writes epoch ms as if the wall time were UTC+8, whatever the zone. */
const WS_EPOCH_ZONE_MS = 8 * HOUR_MS
/** Offsets beyond ±14 h do not exist: such an estimate means a broken clock, not a zone. */
const MAX_OFFSET_MS = 14 * HOUR_MS

const WALL_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/

/** The wall-clock fields of a zone-less Dinky time, as if they were UTC; null when it is not one. */
export function wallClockMs(value: string): number | null {
  const match = WALL_TIME.exec(value.trim())
  if (!match || match[7]) return null
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number)
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  return Number.isNaN(ms) ? null : ms
}

/**
 * Why an estimate: Dinky never states its zone, but its `Result.time` is its local now. Server-local now minus the
 * client's UTC now at receipt, rounded to the nearest 15 minutes; null when `serverTime` is not a wall time or the
 * difference is no zone at all.
 */
export function estimateServerOffsetMs(serverTime: string, receivedAtMs: number): number | null {
  const wall = wallClockMs(serverTime)
  if (wall === null) return null
  const offset = Math.round((wall - receivedAtMs) / OFFSET_STEP_MS) * OFFSET_STEP_MS
  return Math.abs(offset) > MAX_OFFSET_MS ? null : offset + 0 // + 0 turns -0 into 0
}

/** `+08:00`, `-05:00`, `+05:45`, `+00:00`. */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+'
  const minutes = Math.abs(Math.round(offsetMs / MINUTE_MS))
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

function isoWall(wallMs: number, offsetMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 19) + formatOffset(offsetMs)
}

/**
 * Why one function for every wire format: a time seen over REST, SSE (zone-less text) and WS (epoch ms as if
 * UTC+8) must come out the same, `2024-08-27T10:15:30+08:00`, to the second. Text that already names its zone, or
 * that is not a time at all, is kept as it is.
 */
export function toZonedTime(
  value: string | number | null | undefined,
  offsetMs: number
): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') {
    const wall = value + WS_EPOCH_ZONE_MS
    return isoWall(Math.floor(wall / 1000) * 1000, offsetMs)
  }
  const key = `${offsetMs}|${value}`
  const known = ZONED.get(key)
  if (known !== undefined) return known
  const wall = wallClockMs(value)
  const zoned = wall === null ? value : isoWall(wall, offsetMs)
  if (ZONED.size >= ZONED_KEPT) ZONED.clear()
  ZONED.set(key, zoned)
  return zoned
}

/**
 * Text times already converted. Why: a poll of 2,000 jobs converts 6,000 of them, nearly all the same as the poll
 * before (a job's times change when its row does), and the conversion was most of a poll's cost. Bounded: cleared
 * when full, a cost paid again at worst, never memory.
 */
const ZONED = new Map<string, string>()
const ZONED_KEPT = 20_000

/** The offset of one server, updated from every `Result.time` it sends. */
export interface ServerZone {
  offsetMs(): number
  /** Reads a `Result.time` received at `receivedAtMs`; returns true when the offset changed. */
  observe(serverTime: unknown, receivedAtMs: number): boolean
}

export function createServerZone(initialOffsetMs = DINKY_DEFAULT_OFFSET_MS): ServerZone {
  let offset = initialOffsetMs
  return {
    offsetMs: () => offset,
    observe(serverTime, receivedAtMs) {
      if (typeof serverTime !== 'string') return false
      const estimate = estimateServerOffsetMs(serverTime, receivedAtMs)
      if (estimate === null || estimate === offset) return false
      offset = estimate
      return true
    }
  }
}
