/**
 * Cuts an SSE body into events as its bytes arrive, keeping each event's text exactly as it came (`data:{...}`,
 * `retry:1000`), so the recording shows the server's own framing. Events end at a blank line (LF, CRLF or CR).
 */

/** Longest event held while waiting for its end; a longer one is passed on cut. */
const MAX_PENDING_CHARS = 1024 * 1024

export function createSseSplitter(onEvent: (raw: string) => void) {
  const decoder = new TextDecoder()
  let pending = ''
  const drain = () => {
    for (;;) {
      const match = /\r\n\r\n|\n\n|\r\r/.exec(pending)
      if (!match) break
      const raw = pending.slice(0, match.index)
      pending = pending.slice(match.index + match[0].length)
      if (raw.replace(/[\r\n]/g, '') !== '') onEvent(raw)
    }
    if (pending.length > MAX_PENDING_CHARS) {
      onEvent(pending.slice(0, MAX_PENDING_CHARS))
      pending = ''
    }
  }
  return {
    push(chunk: Uint8Array): void {
      pending += decoder.decode(chunk, { stream: true })
      drain()
    },
    end(): void {
      pending += decoder.decode()
      drain()
      if (pending.replace(/[\r\n]/g, '') !== '') onEvent(pending)
      pending = ''
    }
  }
}
