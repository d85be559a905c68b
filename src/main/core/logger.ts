/** Loggers for the core: a line logger over any writer, and a silent one for tests that assert on nothing logged. */
import type { LogFields, LogLevel, Logger } from './ports'
import { redactSecrets } from './log-redaction'

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Keys whose values are never written, whatever a caller passes. */
const SECRET_KEY = /token|password|secret|cookie|authorization/i
/** What `JSON.stringify` leaves raw but a terminal acts on or reorders: DEL, C1 (0x9b is CSI), bidi controls. */
const TERMINAL_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const unicodeEscape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

function formatFields(fields: LogFields | undefined): string {
  if (!fields) return ''
  const parts: string[] = []
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    // Field values may be server text: JSON-quoted and stripped of what a terminal would obey, on one line.
    const text = SECRET_KEY.test(key)
      ? '[redacted]'
      : JSON.stringify(value).replace(TERMINAL_UNSAFE, unicodeEscape)
    parts.push(`${key}=${text}`)
  }
  return parts.length ? ' ' + parts.join(' ') : ''
}

/** A logger that writes one line per entry: `2026-01-01T00:00:00.000Z INFO [scope] message key=value`. */
export function createLineLogger(
  write: (line: string, level: LogLevel) => void,
  options: {
    level?: LogLevel
    scope?: string
    now?: () => number
    /** Exact secrets to mask too (the passwords the app holds); patterns for tokens apply anyway. */
    knownSecrets?: () => Iterable<string>
  } = {}
): Logger {
  const threshold = ORDER[options.level ?? 'info']
  const now = options.now ?? Date.now
  const scope = options.scope
  const log = (level: LogLevel, message: string, fields?: LogFields) => {
    if (ORDER[level] < threshold) return
    const prefix = scope ? ` [${scope}]` : ''
    const line = `${new Date(now()).toISOString()} ${level.toUpperCase()}${prefix} ${message}${formatFields(fields)}`
    write(redactSecrets(line, options.knownSecrets?.() ?? []), level)
  }
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
    child: (child) =>
      createLineLogger(write, { ...options, scope: scope ? `${scope}/${child}` : child })
  }
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger
}
