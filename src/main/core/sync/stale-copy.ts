/**
 * Recognising a late copy of a console log. Dinky sends every appended line from a pool thread, serializing the
 * shared `ProcessEntity` when the task runs (`ConsoleContextHolder.appendLog`: `CompletableFuture.runAsync(() ->
 * sendTopic(...))`), so a client sees exact repeats, copies caught between a line and its separator, and older copies
 * after newer ones. Within one key the log only grows, so a copy shorter than what was read whose text matches our
 * samples of it is stale. The samples are bounded: the log's head, the text before the cursor, the held-back text,
 * and a probe at each of the last few line ends; comparing them costs a few hundred characters, never the log.
 */
import { ownedString } from './owned-string'

/** Characters sampled before each recorded line end. */
export const CHECKPOINT_PROBE_CHARS = 32
/** Line ends remembered per process: how many lines late a copy can be and still have its end checked. */
export const MAX_CHECKPOINTS = 32

/** The text just before a line end (the offset past its separator) of the log as it was read. */
export interface LogCheckpoint {
  end: number
  probe: string
}

/** What of a cursor the check needs (a `LogCursor` has all of it). */
export interface ReadLog {
  consumed: number
  head: string
  tail: string
  pending: string
  checkpoints: readonly LogCheckpoint[]
}

/**
 * True when `log` is shorter than what was read and agrees with every sample that covers it: an older, repeated
 * or torn copy of this run. Why trust a copy older than the checkpoints reach on its head alone: with the same key
 * the server's log cannot have shrunk, so the only shorter copies are late ones; a log that disagrees with any
 * sample that covers it is a real rewrite and restarts.
 */
export function isStaleCopy(read: ReadLog, log: string): boolean {
  const length = log.length
  if (length >= read.consumed + read.pending.length) return false
  if (!log.startsWith(read.head.slice(0, Math.min(read.head.length, length)))) return false
  if (length >= read.consumed) {
    // Inside the held-back text: what the copy has past the cursor is the start of it.
    return (
      read.pending.startsWith(log.slice(read.consumed)) &&
      log.startsWith(read.tail, read.consumed - read.tail.length)
    )
  }
  let nearest: LogCheckpoint | null = null
  for (const checkpoint of read.checkpoints) if (checkpoint.end <= length) nearest = checkpoint
  return nearest === null || log.startsWith(nearest.probe, nearest.end - nearest.probe.length)
}

/**
 * The checkpoints after an event: the previous ones plus the last few of `lineEnds` (offsets past each separator
 * just consumed, ascending), at most `MAX_CHECKPOINTS`. Why only the last few: a copy later than that is checked by
 * the head alone, and recording every line of a large event would cost as much as the event's lines again.
 */
export function recordCheckpoints(
  previous: readonly LogCheckpoint[],
  log: string,
  lineEnds: readonly number[]
): LogCheckpoint[] {
  const fresh = lineEnds.slice(Math.max(0, lineEnds.length - MAX_CHECKPOINTS)).map((end) => ({
    end,
    probe: ownedString(log.slice(Math.max(0, end - CHECKPOINT_PROBE_CHARS), end))
  }))
  const kept = previous.filter((checkpoint) => checkpoint.end < (fresh[0]?.end ?? Infinity))
  const all = kept.concat(fresh)
  return all.length > MAX_CHECKPOINTS ? all.slice(all.length - MAX_CHECKPOINTS) : all
}
