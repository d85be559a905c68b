/**
 * One SSE connection on the `eventsource` package. Its custom fetch goes through the login-adding fetch (token
 * header, tenant cookie), records the response so a failure can be classified (401, 204, a 502 HTML proxy page, a
 * 200 `text/html`), and taps the body without decoding it: every chunk counts as activity, and a byte scan finds the
 * server's `retry:`. eventsource would reconnect on its own, after the server's raw `retry:` (a hostile figure
 * overflows Node's timers and fires at once): so whatever ends the stream — a refused fetch, the body's end or
 * error — closes the EventSource *before* eventsource hears of it, which then finds itself closed and schedules
 * nothing. One classified close is reported, and the supervisor alone decides what follows.
 */
import { EventSource } from 'eventsource'
import { classifyHttpStatus, classifyNetworkError, describeNetworkError } from '../dinky/classify'
import type { FetchLike } from '../ports'
import { ClassifiedFetchError } from '../dinky/classified-fetch-error'
import { createRetryScanner } from './retry-scanner'
import { createSseEventMeter } from './sse-event-meter'
import { DEFAULT_MAX_EVENT_BYTES, eventTooLargeDetail } from './stream-limits'
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

interface Observed {
  response: Response | null
  fetchError: unknown
  bodyEnded: 'clean' | 'error' | null
  bodyError: unknown
}

/**
 * Wraps a body so each complete event is activity (not each chunk: a line that never ends is no sign of life),
 * `retry:` is seen, and an event growing past `maxEventBytes` ends the body, classified; records how it ended and
 * calls `ended` before eventsource reads that end (so it is closed by then and arms no reconnect timer).
 */
function tapBody(
  body: ReadableStream<Uint8Array>,
  observed: Observed,
  h: SseConnectionHandlers,
  maxEventBytes: number,
  ended: () => void
) {
  const reader = body.getReader()
  const scanRetry = createRetryScanner((ms) => h.onRetry(ms))
  const meter = createSseEventMeter()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read()
          if (done) {
            observed.bodyEnded = 'clean'
            ended()
            controller.close()
            return
          }
          const reading = meter(value)
          if (reading.openEventBytes > maxEventBytes) {
            void reader.cancel().catch(() => {})
            throw new ClassifiedFetchError('event-too-large', eventTooLargeDetail(maxEventBytes))
          }
          if (reading.eventEnded) h.onActivity()
          scanRetry(value)
          controller.enqueue(value)
        } catch (error) {
          observed.bodyEnded = 'error'
          observed.bodyError = error
          ended()
          controller.error(error)
        }
      },
      cancel: (reason) => reader.cancel(reason)
    },
    // Nothing read ahead: the end is pulled only once eventsource has parsed (and dispatched) every chunk before it,
    // so closing it at the end loses no event.
    { highWaterMark: 0 }
  )
}

function classifyClose(observed: Observed, wasOpen: boolean): StreamCloseInfo {
  const { response } = observed
  if (wasOpen) {
    if (observed.bodyEnded === 'error') {
      const reason = classifyNetworkError(observed.bodyError)
      return { reason, detail: describeNetworkError(observed.bodyError), wasOpen }
    }
    return { reason: 'server-closed', detail: 'the server ended the stream', wasOpen }
  }
  if (response) {
    const contentType = response.headers.get('content-type')
    const reason = classifyHttpStatus(response.status, contentType)
    const detail = `HTTP ${response.status} ${contentType ?? 'no content type'}`
    return { reason, detail, status: response.status, wasOpen }
  }
  const error = observed.fetchError
  return { reason: classifyNetworkError(error), detail: describeNetworkError(error), wasOpen }
}

/** Why our own wrapper around eventsource: its reconnect loop has no backoff and hides the failing response. */
export function openSseConnection(
  url: URL,
  fetch: FetchLike,
  handlers: SseConnectionHandlers,
  limits: { maxEventBytes?: number } = {}
): StreamConnection {
  const maxEventBytes = limits.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES
  let closed = false
  let wasOpen = false
  const observed: Observed = { response: null, fetchError: null, bodyEnded: null, bodyError: null }

  const tappedFetch: FetchLike = async (input, init) => {
    try {
      const response = await fetch(input, init)
      observed.response = response
      if (!response.body || response.status !== 200) return response
      const body = tapBody(response.body, observed, handlers, maxEventBytes, failed)
      return new Response(body, { status: response.status, headers: response.headers })
    } catch (error) {
      observed.fetchError = error
      failed()
      throw error
    }
  }

  const source = new EventSource(url, { fetch: tappedFetch as never })
  const detach = () => {
    closed = true
    source.onopen = source.onmessage = source.onerror = null
  }
  const close = () => {
    if (closed) return
    detach()
    source.close()
  }
  const end = (info: StreamCloseInfo) => {
    if (closed) return
    detach()
    source.close()
    // Only if eventsource got to an error first (a path the taps do not see): its timer is armed after its error
    // handler returns, and a second close clears it.
    queueMicrotask(() => source.close())
    handlers.onClose(info)
  }
  /** The fetch or the body failed or ended: closed now, before eventsource sees it and schedules a reconnect. */
  function failed() {
    end(classifyClose(observed, wasOpen))
  }
  source.onopen = () => {
    if (closed || !observed.response) return
    wasOpen = true
    handlers.onOpen({
      status: observed.response.status,
      headers: safeHeaders(observed.response.headers),
      url: `${url.origin}${url.pathname}`
    })
  }
  source.onmessage = (event) => {
    if (closed) return
    try {
      handlers.onData(event.data)
    } catch (error) {
      // A handler threw on what arrived: end the connection, classified, rather than leave it half-read.
      end({
        reason: 'malformed-response',
        detail: `handler failed: ${String(error)}`,
        wasOpen: true
      })
    }
  }
  source.onerror = () => end(classifyClose(observed, wasOpen))
  return { close }
}
