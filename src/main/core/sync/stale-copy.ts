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
/** Line ends remembered per process (at least; up to twice as many between trims). */
export const MAX_CHECKPOINTS = 32

/**
 * The text just before a line end (the offset past its separator) of the log as it was read. A chain, newest first:
 * adding one shares the rest, so an event costs one node per line recorded, never a copy of the others.
 */
export interface LogCheckpoint {
  end: number
  probe: string
  older: LogCheckpoint | null
  /** Nodes in this chain, this one included. */
  length: number
}

/** What of a cursor the check needs (a `LogCursor` has all of it). */
export interface ReadLog {
  consumed: number
  head: string
  tail: string
  pending: string
  checkpoints: LogCheckpoint | null
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
  let nearest = read.checkpoints
  while (nearest && nearest.end > length) nearest = nearest.older
  return nearest === null || log.startsWith(nearest.probe, nearest.end - nearest.probe.length)
}

/**
 * The checkpoints after an event: the previous ones plus the last few of `lineEnds` (offsets past each separator
 * just consumed, ascending). Why only the last few: a copy later than that is checked by the head alone, and
 * recording every line of a large event would cost as much as the event's lines again. The chain is trimmed back to
 * `MAX_CHECKPOINTS` when it reaches twice that, so the copying is rare and memory stays bounded.
 */
export function recordCheckpoints(
  previous: LogCheckpoint | null,
  log: string,
  lineEnds: readonly number[]
): LogCheckpoint | null {
  let newest = previous
  for (let i = Math.max(0, lineEnds.length - MAX_CHECKPOINTS); i < lineEnds.length; i++) {
    const end = lineEnds[i]
    const probe = ownedString(log.slice(Math.max(0, end - CHECKPOINT_PROBE_CHARS), end))
    newest = { end, probe, older: newest, length: (newest?.length ?? 0) + 1 }
  }
  return newest && newest.length >= 2 * MAX_CHECKPOINTS ? trimmed(newest) : newest
}

/** The newest `MAX_CHECKPOINTS` of a chain, as a chain of their own. */
function trimmed(newest: LogCheckpoint): LogCheckpoint {
  const kept: LogCheckpoint[] = []
  for (
    let node: LogCheckpoint | null = newest;
    node && kept.length < MAX_CHECKPOINTS;
    node = node.older
  )
    kept.push(node)
  let chain = null as LogCheckpoint | null
  for (let i = kept.length - 1; i >= 0; i--) {
    chain = {
      end: kept[i].end,
      probe: kept[i].probe,
      older: chain,
      length: (chain?.length ?? 0) + 1
    }
  }
  return chain as LogCheckpoint
}
