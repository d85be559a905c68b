/**
 * One SSE connection: a fetch through the login-adding fetch (token header, tenant cookie), the status and content
 * type checked as the EventSource spec does, then the body decoded once and fed to one `eventsource-parser`, which
 * yields both the `data:` payloads and the server's `retry:`. Every chunk counts as activity, even one that
 * completes no event. The connection never reconnects: its end is reported once, classified (401, 204, a 502 HTML
 * proxy page, a 200 `text/html`, a reset, the server ending the stream), and the supervisor decides what follows.
 */
import { StringDecoder } from 'node:string_decoder'
import { createParser } from 'eventsource-parser'
import { classifyHttpStatus, classifyNetworkError, describeNetworkError } from '../dinky/classify'
import type { FetchLike } from '../ports'
import type { StreamCloseInfo, StreamConnection, StreamOpenInfo } from './transport'

export interface SseConnectionHandlers {
  onOpen(info: StreamOpenInfo): void
  onData(data: string): void
  onActivity(): void
  onRetry(ms: number): void
  onClose(info: StreamCloseInfo): void
}

const SECRET_HEADER = /token|cookie|authorization/i

/** Response headers minus anything that could carry a secret, for diagnostics. */
export function safeHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  headers.forEach((value, name) => {
    if (!SECRET_HEADER.test(name)) out[name] = value
  })
  return out
}

/** Why a response cannot be an event stream; null when it is one (the spec's "fail the connection" checks). */
function refusedResponse(response: Response): StreamCloseInfo | null {
  const contentType = response.headers.get('content-type')
  if (response.status === 200 && response.body && contentType?.startsWith('text/event-stream')) {
    return null
  }
  return {
    reason: classifyHttpStatus(response.status, contentType),
    detail: `HTTP ${response.status} ${contentType ?? 'no content type'}`,
    status: response.status,
    wasOpen: false
  }
}

function networkClose(error: unknown, wasOpen: boolean): StreamCloseInfo {
  return { reason: classifyNetworkError(error), detail: describeNetworkError(error), wasOpen }
}

/**
 * Why our own reader rather than the `eventsource` package: that package reconnects on its own with no backoff,
 * hides the failing response and keeps `retry:` to itself, so seeing them meant decoding and parsing every chunk a
 * second time beside it (a quarter of the ingest CPU). One decode and one parser do all of it here.
 */
export function openSseConnection(
  url: URL,
  fetch: FetchLike,
  handlers: SseConnectionHandlers
): StreamConnection {
  let closed = false
  const abort = new AbortController()
  const close = () => {
    if (closed) return
    closed = true
    abort.abort()
  }
  const end = (info: StreamCloseInfo) => {
    if (closed) return
    close()
    handlers.onClose(info)
  }
  const parser = createParser({
    // Dinky sends no `event:` field; a named event is not a `message` (the spec's dispatch by type).
    onEvent: (event) => {
      if (!closed && (event.event === undefined || event.event === 'message')) {
        handlers.onData(event.data)
      }
    },
    onRetry: (ms) => {
      if (!closed) handlers.onRetry(ms)
    }
  })

  async function read(body: ReadableStream<Uint8Array>): Promise<StreamCloseInfo | null> {
    const reader = body.getReader()
    // Node's StringDecoder, as `setEncoding('utf8')` uses: ~4× faster than a streaming TextDecoder on ASCII logs.
    const decoder = new StringDecoder('utf8')
    let atStart = true
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>
      try {
        chunk = await reader.read()
      } catch (error) {
        return closed ? null : networkClose(error, true)
      }
      if (closed) return null
      // [spec] At the end of the stream an incomplete event is discarded, not dispatched.
      if (chunk.done)
        return { reason: 'server-closed', detail: 'the server ended the stream', wasOpen: true }
      handlers.onActivity()
      let text = decoder.write(chunk.value)
      if (atStart && text) {
        // [spec] One leading U+FEFF (a byte order mark) is not part of the stream.
        atStart = false
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      }
      parser.feed(text)
    }
  }

  async function run(): Promise<void> {
    let response: Response
    try {
      response = await fetch(url, {
        headers: { Accept: 'text/event-stream' },
        redirect: 'follow',
        signal: abort.signal
      })
    } catch (error) {
      if (!closed) end(networkClose(error, false))
      return
    }
    const refused = refusedResponse(response)
    if (closed || refused) {
      response.body?.cancel().catch(() => undefined)
      if (refused) end(refused)
      return
    }
    handlers.onOpen({
      status: response.status,
      headers: safeHeaders(response.headers),
      url: `${url.origin}${url.pathname}`
    })
    const info = closed ? null : await read(response.body as ReadableStream<Uint8Array>)
    if (info) end(info)
  }

  run().catch((error: unknown) => {
    // A handler threw on what arrived: end the connection, classified, rather than leave it half-read.
    end({ reason: 'malformed-response', detail: `handler failed: ${String(error)}`, wasOpen: true })
  })
  return { close }
}
