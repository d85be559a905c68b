/**
 * The bounds every stream lives within, and how a stream that crossed one is reported. One event (an SSE event or
 * a WebSocket message) may be at most `maxEventBytes`: Dinky's whole-log console events of a long submission reach
 * tens of MB, so the default is 64 MB, but a server that never ends an event must not grow the main process
 * without limit. The WebSocket's close codes and `ws`'s own errors are classified here too.
 */
import type { ConnectionReason } from '../../../shared/connection'
import { classifyNetworkError, describeNetworkError } from '../dinky/classify'
import { printableUrl } from '../dinky/redirect-guard'
import type { StreamCloseInfo } from './transport'

/** Default cap of one event or message, in bytes. */
export const DEFAULT_MAX_EVENT_BYTES = 64 * 1024 * 1024

/** What a too-large event's close says. */
export function eventTooLargeDetail(maxEventBytes: number): string {
  return `an event passed ${maxEventBytes} bytes; dropped and reconnecting`
}

/** RFC 6455 close codes as reasons: 1009 is "message too big", 1011 the server's own failure. */
export function classifyWsClose(code: number, wasOpen: boolean): StreamCloseInfo {
  let reason: ConnectionReason = 'connection-reset'
  if (code === 1000 || code === 1001) reason = 'server-closed'
  else if (code === 1009) reason = 'event-too-large'
  else if (code === 1011 || code === 1013 || code === 1014) reason = 'http-5xx'
  return { reason, detail: `WebSocket closed with ${code}`, wasOpen }
}

/** `ws` reports a message past `maxPayload` as an error with this code before it closes with 1009. */
export function classifyWsError(
  error: unknown,
  wasOpen: boolean,
  maxEventBytes: number
): StreamCloseInfo {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
    return { reason: 'event-too-large', detail: eventTooLargeDetail(maxEventBytes), wasOpen }
  }
  return { reason: classifyNetworkError(error), detail: describeNetworkError(error), wasOpen }
}

/** A 3xx answer to the upgrade: `ws` never follows it (followRedirects is off), and we say so by name. */
export function wsRedirectClose(
  status: number,
  location: string | undefined,
  from: string
): StreamCloseInfo | null {
  if (status < 300 || status >= 400 || !location) return null
  const source = new URL(from)
  let target = '?'
  try {
    target = printableUrl(new URL(location, source))
  } catch {
    // an unparsable location is still a refused redirect
  }
  return {
    reason: 'redirect-refused',
    detail: `${printableUrl(source)} -> ${target}: the stream never follows a redirect`,
    status,
    wasOpen: false
  }
}
