/**
 * Classifies console-log lines by level. Dinky's process logs are Log4j-style lines
 * (`2024-08-27 10:15:30.123 ERROR ...`); stack-trace lines that follow an entry carry no level of their own and
 * belong to the entry above them, so a level filter keeps a whole exception together.
 */

export const LOG_LEVELS = ['ERROR', 'WARN', 'INFO', 'DEBUG'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Level codes stored per line in a Uint8Array; CONTINUATION means "same as the entry above". */
export const LEVEL_CODE = { ERROR: 1, WARN: 2, INFO: 3, DEBUG: 4, CONTINUATION: 0 } as const

const LEVEL_IN_HEADER = /^\S.{0,48}?\b(ERROR|SEVERE|FATAL|WARN|WARNING|INFO|DEBUG|TRACE)\b/
const CONTINUATION = /^(\s|at\s|Caused by:|\.\.\.\s\d+ more|Suppressed:)/

/** Level code of a line on its own, or CONTINUATION when it only continues the entry above. */
export function classifyLine(line: string): number {
  if (line.length === 0 || CONTINUATION.test(line)) return LEVEL_CODE.CONTINUATION
  const match = LEVEL_IN_HEADER.exec(line)
  if (!match) return LEVEL_CODE.CONTINUATION
  switch (match[1]) {
    case 'ERROR':
    case 'SEVERE':
    case 'FATAL':
      return LEVEL_CODE.ERROR
    case 'WARN':
    case 'WARNING':
      return LEVEL_CODE.WARN
    case 'INFO':
      return LEVEL_CODE.INFO
    default:
      return LEVEL_CODE.DEBUG
  }
}

const LEADING_TIMESTAMP = /^\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?\]?\s?/

/** The line without its leading timestamp, for the "hide timestamps" toggle. */
export function stripTimestamp(line: string): string {
  return line.replace(LEADING_TIMESTAMP, '')
}
