/**
 * Finds the server's `retry:` field in an event stream's raw bytes, without decoding them. The `eventsource` package
 * honours `retry:` itself but keeps it private; our supervisor needs it as the floor of its own backoff. Decoding and
 * parsing every chunk a second time just for that cost a quarter of the ingest CPU, so this looks only at what can
 * be a `retry:` line: a native byte search, then the few bytes after a match. Lines may span chunks.
 *
 * Linear in the bytes and bounded: a value of more than `MAX_RETRY_DIGITS` digits is absurd and ignored without
 * reading further (a hostile server sent megabytes of digits; appending them one by one and re-testing a regex
 * blocked the event loop for seconds). What is reported is bounded again where it is used (the backoff's cap).
 */

const RETRY = Buffer.from('retry:')
const LF = 0x0a
const CR = 0x0d
/** Fifteen digits still parse exactly (below 2^53); anything longer is not a reconnection time, just load. */
export const MAX_RETRY_DIGITS = 15
const MAX_LINE = RETRY.length + MAX_RETRY_DIGITS

function isLineBreak(byte: number | undefined): boolean {
  return byte === LF || byte === CR
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39
}

/** True while `text` (at most `MAX_LINE` long) may still grow into a valid retry line. */
function couldBeRetryLine(text: string): boolean {
  if (text.length <= RETRY.length) return 'retry:'.startsWith(text)
  return text.length <= MAX_LINE && /^retry:\d+$/.test(text)
}

/** Returns a function to feed each chunk to; `onRetry` gets every valid value (ASCII digits only, as the spec says). */
export function createRetryScanner(onRetry: (ms: number) => void): (chunk: Uint8Array) => void {
  /** The start of a line that may still become a `retry:` line, carried over from the previous chunk. */
  let pending: string | null = null
  let atLineStart = true
  let atStreamStart = true

  const finish = (line: string) => {
    if (line.length > RETRY.length && couldBeRetryLine(line)) onRetry(Number(line.slice(6)))
  }

  return (chunk) => {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    if (bytes.length === 0) return
    /** Where scanning starts, and whether a line starts there. */
    let pos = 0
    let lineStartsAtPos = atLineStart
    if (atStreamStart) {
      atStreamStart = false
      // [spec] One leading U+FEFF (a byte order mark) is not part of the stream.
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) pos = 3
    }
    if (pending !== null) {
      // Continue the carried line until it breaks, or until it can no longer be a retry line (at most MAX_LINE).
      while (pos < bytes.length && !isLineBreak(bytes[pos])) {
        pending += String.fromCharCode(bytes[pos]!)
        pos++
        if (!couldBeRetryLine(pending)) {
          pending = null
          break
        }
      }
      if (pending !== null && pos < bytes.length) {
        finish(pending)
        pending = null
      }
      if (pending !== null) return
      lineStartsAtPos = false
    }
    const startsLine = (at: number) => (at === pos ? lineStartsAtPos : isLineBreak(bytes[at - 1]))
    for (let at = bytes.indexOf(RETRY, pos); at !== -1; at = bytes.indexOf(RETRY, at + 1)) {
      if (!startsLine(at)) continue
      // Only digits may follow, and at most MAX_RETRY_DIGITS of them: never read further than that.
      const limit = Math.min(bytes.length, at + MAX_LINE + 1)
      let end = at + RETRY.length
      while (end < limit && isDigit(bytes[end])) end++
      if (end === bytes.length && end - at <= MAX_LINE) {
        pending = bytes.toString('latin1', at, end)
        return
      }
      if (isLineBreak(bytes[end])) finish(bytes.toString('latin1', at, end))
    }
    // A chunk may end inside the word `retry:` itself, at the start of a line.
    const tailStart = Math.max(pos, bytes.lastIndexOf(LF) + 1, bytes.lastIndexOf(CR) + 1)
    const tail = bytes.length - tailStart
    if (tail > 0 && tail < RETRY.length && startsLine(tailStart)) {
      const text = bytes.toString('latin1', tailStart)
      if ('retry:'.startsWith(text)) pending = text
    }
    atLineStart = isLineBreak(bytes[bytes.length - 1])
  }
}
