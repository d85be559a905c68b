/**
 * Classification of failures into `ConnectionReason`s, shared by the REST client and the stream transports: an
 * HTTP status with its content type, a thrown network error (node's fetch wraps the socket error in `cause`), or a
 * Dinky envelope code.
 */
import type { ConnectionReason } from '../../../shared/connection'
import { ClassifiedFetchError } from './classified-fetch-error'

/** Why a response that is not a 200 JSON (or event-stream) body is unusable. */
export function classifyHttpStatus(status: number, contentType: string | null): ConnectionReason {
  const html = (contentType ?? '').toLowerCase().includes('text/html')
  if (status === 401) return 'token-expired'
  if (status === 204) return 'http-204'
  // A proxy's error page (nginx 502/503/504) or a captive portal is HTML, never Dinky's JSON.
  if (html && status >= 300) return 'proxy-html'
  if (status >= 500) return 'http-5xx'
  if (status >= 300) return 'http-4xx'
  // A 2xx that is not what was asked for: an SPA fallback page, a portal, an empty tenant-interceptor reply.
  return 'wrong-content-type'
}

const CODE_REASONS: Record<string, ConnectionReason> = {
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  ECONNABORTED: 'connection-reset',
  UND_ERR_SOCKET: 'connection-reset',
  UND_ERR_CLOSED: 'connection-reset',
  ENOTFOUND: 'dns-failure',
  EAI_AGAIN: 'dns-failure',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ENETUNREACH: 'network-offline',
  EHOSTUNREACH: 'connection-refused',
  ENETDOWN: 'network-offline'
}

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME|ALTNAME/i

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

/** The reason behind a thrown fetch/socket error, looking through `cause` chains and AggregateErrors. */
export function classifyNetworkError(error: unknown): ConnectionReason {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof ClassifiedFetchError) return current.reason
    const name = (current as { name?: unknown }).name
    if (name === 'TimeoutError') return 'timeout'
    const code = errorCode(current)
    if (code && CODE_REASONS[code]) return CODE_REASONS[code]
    if (code && TLS_CODE.test(code)) return 'tls-failure'
    const nested = (current as { errors?: unknown[] }).errors
    if (Array.isArray(nested) && nested.length > 0) return classifyNetworkError(nested[0])
    current = (current as { cause?: unknown }).cause
  }
  return 'connection-reset'
}

/** A short, secret-free description of a thrown network error for logs and `DinkyError.detail`. */
export function describeNetworkError(error: unknown): string {
  let current: unknown = error
  let deepest = ''
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof ClassifiedFetchError) return current.detail
    const code = errorCode(current)
    const message = (current as { message?: unknown }).message
    deepest = code ?? (typeof message === 'string' ? message : deepest)
    current = (current as { cause?: unknown }).cause
  }
  return deepest || 'network error'
}

/** Dinky `Result.code`: 7 AUTHORIZE_ERROR, 6 PARAMS_ERROR, 1 ERROR and 5 EXCEPTION are server-side failures. */
export function classifyEnvelopeCode(code: number, loginCall: boolean): ConnectionReason {
  if (code === 7) return loginCall ? 'login-failed' : 'token-expired'
  if (code === 6) return 'http-4xx'
  return 'http-5xx'
}
