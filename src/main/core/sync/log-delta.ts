/**
 * Console-log deltas. Dinky's PROCESS_CONSOLE resends a process's whole log with every appended line; this turns
 * that stream of ever-growing strings into append-only lines, each delivered once. Pure: the cursor is the only
 * state, and the work per event grows with the new text, not with the log (lengths and short probes are compared,
 * never the whole string). Everything kept of a log (lines, probes, the held-back text) is an owned copy, so no
 * retained line pins the whole log it was cut from.
 *
 * Dinky serializes the shared `ProcessEntity` on a pool thread (`CompletableFuture.runAsync(sendTopic)`), so copies
 * repeat, arrive older-after-newer, or catch a line before its separator (dinky-protocol.md §5.2). Within one key
 * the log only grows: a shorter copy whose text matches what was read (`stale-copy.ts`) changes nothing.
 */
import { ownedString } from './owned-string'
import { isStaleCopy, recordCheckpoints, type LogCheckpoint } from './stale-copy'

export const DEFAULT_MAX_LINE_CHARS = 16_384
/** How many characters of the log's head and of the text before the cursor are kept to recognise the same log. */
const PROBE_CHARS = 64
export const TRUNCATED_MARKER = ' …[line truncated]'
export const RESTART_MARKER =
  "[dinky-console] The server's log for this run no longer continues the lines shown; showing it again from the start."

/** How far one process's log has been read, and samples to check that the next log continues it. */
export interface LogCursor {
  /** `ProcessEntity.key` on the server. */
  key: string
  /** The run id given downstream: the key, or `key#n` after the log stopped continuing what we had. */
  run: string
  restarts: number
  /** Characters of the log consumed: complete lines already emitted (or skipped past a cut long line). */
  consumed: number
  /** The first characters of the log. */
  head: string
  /** The characters just before `consumed`. */
  tail: string
  /** Text after `consumed`: a line without its separator yet, held back. */
  pending: string
  /** Inside a line cut at the cap: its rest is dropped up to the next separator. */
  skippingLongLine: boolean
  ended: boolean
  /** Lines from the cache whose place in the log is found at the first live event of the same run. */
  seededLines: string[] | null
  /** Probes at the last few line ends consumed, newest first: what recognises an older copy as ours. */
  checkpoints: LogCheckpoint | null
}

/** What the extractor needs of a `ProcessEntity`. */
export interface ProcessLog {
  key: string
  log: string
  /** The run finished: a held-back last line is complete now. */
  ended: boolean
}

export interface LogDeltaChunk {
  run: string
  lines: string[]
}

export interface LogDelta {
  cursor: LogCursor
  chunks: LogDeltaChunk[]
  /** The log no longer continued what we had: its lines start again under a new run id. */
  restarted: boolean
  /** A late or torn copy of what was already read: nothing changed. */
  stale: boolean
  /** Characters examined: the cost of this event, for checking it stays proportional to the new text. */
  work: number
}

export interface LogDeltaOptions {
  maxLineChars?: number
}

/** A fresh cursor for a run we know nothing of. */
export function newLogCursor(key: string, run = key, restarts = 0): LogCursor {
  return {
    key,
    run,
    restarts,
    consumed: 0,
    head: '',
    tail: '',
    pending: '',
    skippingLongLine: false,
    ended: false,
    seededLines: null,
    checkpoints: null
  }
}

/** A cursor for a run whose last lines came from the cache, so the first live event yields only what follows them. */
export function seededLogCursor(key: string, run: string, lines: readonly string[]): LogCursor {
  return { ...newLogCursor(key, run), consumed: -1, seededLines: [...lines] }
}

/** Cuts a line to the cap with a marker, never splitting a surrogate pair. */
export function capLine(line: string, maxLineChars: number): string {
  if (line.length <= maxLineChars) return line
  let cut = maxLineChars
  const code = line.charCodeAt(cut - 1)
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1
  return line.slice(0, cut) + TRUNCATED_MARKER
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line
}

/** The line at `start..end` of the log as a string of its own, capped and without its `\r`. */
function takeLine(log: string, start: number, end: number, max: number): string {
  return ownedString(capLine(stripCr(log.slice(start, end)), max))
}

/**
 * Turns the next whole-log event of a process into the lines not delivered yet. Why a cursor and not the previous
 * string: holding and comparing whole logs would make every event cost as much as the log, which grows without end.
 */
export function extractLogDelta(
  previous: LogCursor | null,
  event: ProcessLog,
  options: LogDeltaOptions = {}
): LogDelta {
  const max = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS
  const chunks: LogDeltaChunk[] = []
  const log = event.log
  let work = 0
  let restarted = false
  let cursor: LogCursor

  if (!previous || previous.key !== event.key) {
    // A new key is a new run: the old run's held-back line is as complete as it will ever be.
    if (previous && !previous.ended && previous.pending && !previous.skippingLongLine) {
      chunks.push({
        run: previous.run,
        lines: [ownedString(capLine(stripCr(previous.pending), max))]
      })
    }
    cursor = newLogCursor(event.key)
  } else if (previous.seededLines) {
    const aligned = alignSeededLines(previous.seededLines, log, event.ended, max)
    work += log.length
    cursor =
      aligned === null
        ? restartCursor(previous)
        : { ...previous, consumed: aligned, seededLines: null, pending: '' }
    restarted = aligned === null
  } else if (isStaleCopy(previous, log)) {
    // An older copy, or one torn before its separator: the run only grows, so it holds nothing new.
    return {
      cursor: previous,
      chunks,
      restarted,
      stale: true,
      work: previous.head.length + PROBE_CHARS
    }
  } else {
    work += previous.head.length + previous.tail.length
    const continues =
      log.length >= previous.consumed &&
      log.startsWith(previous.head) &&
      log.startsWith(previous.tail, previous.consumed - previous.tail.length)
    cursor = continues ? { ...previous } : restartCursor(previous)
    restarted = !continues
  }

  const lines: string[] = restarted ? [RESTART_MARKER] : []
  const lineEnds: number[] = []
  let pos = cursor.consumed
  work += log.length - pos
  if (cursor.skippingLongLine) {
    const end = log.indexOf('\n', pos)
    pos = end < 0 ? log.length : end + 1
    cursor.skippingLongLine = end < 0
  }
  for (let end = log.indexOf('\n', pos); end >= 0; end = log.indexOf('\n', pos)) {
    lines.push(takeLine(log, pos, end, max))
    pos = end + 1
    lineEnds.push(pos)
  }
  const rest = log.length - pos
  if (rest > 0 && event.ended && !cursor.skippingLongLine) {
    lines.push(takeLine(log, pos, log.length, max))
    pos = log.length
  } else if (rest > max && !cursor.skippingLongLine) {
    lines.push(ownedString(capLine(log.slice(pos), max)))
    pos = log.length
    cursor.skippingLongLine = true
  } else if (event.ended) {
    pos = log.length
  }

  if (cursor.head.length < PROBE_CHARS) cursor.head = ownedString(log.slice(0, PROBE_CHARS))
  cursor.tail = ownedString(log.slice(Math.max(0, pos - PROBE_CHARS), pos))
  cursor.consumed = pos
  cursor.pending = cursor.skippingLongLine || pos === log.length ? '' : ownedString(log.slice(pos))
  // Sticky within a run: a late copy sent before the end must not reopen it.
  cursor.ended = cursor.ended || event.ended
  cursor.checkpoints = recordCheckpoints(cursor.checkpoints, log, lineEnds)
  if (lines.length) chunks.push({ run: cursor.run, lines })
  return { cursor, chunks, restarted, stale: false, work }
}

function restartCursor(previous: LogCursor): LogCursor {
  const restarts = previous.restarts + 1
  return newLogCursor(previous.key, `${previous.key}#${restarts}`, restarts)
}

/**
 * Finds where cached lines end in a live log: the offset just past the last cached line, or null when the cached
 * lines are not there. Walks complete lines backwards from the end, so the usual case (a few new lines) is quick.
 */
function alignSeededLines(
  seeded: readonly string[],
  log: string,
  ended: boolean,
  max: number
): number | null {
  const ends: number[] = []
  if (ended && log.length > 0 && !log.endsWith('\n')) ends.push(log.length)
  for (let at = log.lastIndexOf('\n'); at >= 0; at = at > 0 ? log.lastIndexOf('\n', at - 1) : -1) {
    ends.push(at)
  }
  // ends[i] is the end of a line (exclusive of its separator), last line first.
  const lineAt = (i: number): string => {
    const start = i + 1 < ends.length ? ends[i + 1] + 1 : 0
    return capLine(stripCr(log.slice(start, ends[i])), max)
  }
  const wanted = seeded[0] === RESTART_MARKER ? seeded.slice(1) : seeded
  if (wanted.length === 0) return 0
  const last = wanted[wanted.length - 1]
  for (let i = 0; i < ends.length; i++) {
    if (lineAt(i) !== last) continue
    let matches = true
    for (let k = 1; k < wanted.length && matches; k++) {
      matches = i + k < ends.length && lineAt(i + k) === wanted[wanted.length - 1 - k]
    }
    if (matches) return ends[i] === log.length ? log.length : ends[i] + 1
  }
  return null
}
