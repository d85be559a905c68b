/**
 * The REST transport under the client: one place that adds the token header, the tenant cookie and the language,
 * applies the timeout, and turns every failure into a `DinkyError` with a classified reason. Bodies come back
 * unwrapped from Dinky's `Result` / `ProTableResult` envelopes but not yet validated against a payload schema.
 */
import type { z } from 'zod'
import type { FetchLike, Logger } from '../ports'
import { classifyEnvelopeCode, classifyHttpStatus, classifyNetworkError } from './classify'
import { describeNetworkError } from './classify'
import { DinkyError } from './dinky-error'
import { proTableEnvelope, resultEnvelope } from './schemas'

export interface AuthState {
  tokenName: string
  tokenValue: string | null
  tenantId: number | null
}

export interface RequestSpec {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  query?: Record<string, string | number | boolean>
  body?: unknown
  /** Public calls (version, login) go without the token and tenant cookie. */
  anonymous?: boolean
}

export interface RawResponse {
  status: number
  headers: Headers
  json: unknown
  /** Client wall time at which the response arrived. */
  receivedAt: number
}

export interface DinkyHttp {
  auth: AuthState
  /** Adds the token, tenant cookie and language to a request's headers. */
  decorate(headers: Headers): void
  raw(endpoint: string, spec?: RequestSpec): Promise<RawResponse>
  /** `Result<T>`: checks the envelope and returns `{data, msg}` with `data` validated by `schema`. */
  result<T>(
    endpoint: string,
    schema: z.ZodType<T>,
    spec?: RequestSpec
  ): Promise<{ data: T; msg: string; headers: Headers }>
  /** `ProTableResult<T>` page. */
  page<T>(
    endpoint: string,
    schema: z.ZodType<T>,
    spec?: RequestSpec
  ): Promise<{ rows: T[]; total: number }>
}

/**
 * A 401: Dinky's (`WebExceptionHandler.notLoginException`: a `Result` with code 7 and the reason in `msg`) carries
 * that code and message, so a caller can tell Dinky's login wall from anything else answering 401 (a proxy's own
 * authentication, which is no evidence that Dinky is there).
 */
function unauthorized(endpoint: string, text: string, contentType: string | null): DinkyError {
  let envelope: { code: number; msg?: string | null } | null = null
  if ((contentType ?? '').includes('json') && text.length <= 64 * 1024) {
    try {
      const parsed = resultEnvelope.safeParse(JSON.parse(text))
      if (parsed.success) envelope = parsed.data
    } catch {
      envelope = null
    }
  }
  if (!envelope) {
    const detail = `HTTP 401 ${contentType ?? 'no content type'}`
    return new DinkyError({ endpoint, reason: 'token-expired', detail, status: 401 })
  }
  const detail = `HTTP 401: ${(envelope.msg ?? `code ${envelope.code}`).slice(0, 200)}`
  return new DinkyError({
    endpoint,
    reason: 'token-expired',
    detail,
    status: 401,
    code: envelope.code
  })
}

/** Why a single choke point: tokens must never leak into errors, and every failure must be classified alike. */
export function createDinkyHttp(options: {
  baseUrl: string
  fetch: FetchLike
  logger: Logger
  language?: string
  timeoutMs: number
  /** Wall clock of the receipt of each answer; default `Date.now`. */
  now?: () => number
  /** Every `Result.time` (the server's local now) with the client time it was received at. */
  onServerTime?: (serverTime: unknown, receivedAtMs: number) => void
}): DinkyHttp {
  const base = options.baseUrl.replace(/\/+$/, '')
  const now = options.now ?? Date.now
  const auth: AuthState = { tokenName: 'token', tokenValue: null, tenantId: null }

  const decorate = (headers: Headers): void => {
    if (auth.tokenValue) headers.set(auth.tokenName, auth.tokenValue)
    if (auth.tenantId !== null) headers.set('cookie', `tenantId=${auth.tenantId}`)
    if (options.language) headers.set('language', options.language)
  }

  const raw = async (endpoint: string, spec: RequestSpec = {}): Promise<RawResponse> => {
    const url = new URL(base + endpoint)
    for (const [key, value] of Object.entries(spec.query ?? {}))
      url.searchParams.set(key, String(value))
    const headers = new Headers({ accept: 'application/json' })
    if (!spec.anonymous) decorate(headers)
    else if (options.language) headers.set('language', options.language)
    if (spec.body !== undefined) headers.set('content-type', 'application/json')
    let response: Response
    try {
      response = await options.fetch(url, {
        method: spec.method ?? 'GET',
        headers,
        // Redirects are the guard's to follow (same origin, GET only), never fetch's.
        redirect: 'manual',
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: AbortSignal.timeout(options.timeoutMs)
      })
    } catch (error) {
      const reason = classifyNetworkError(error)
      throw new DinkyError({ endpoint, reason, detail: describeNetworkError(error) })
    }
    const receivedAt = now()
    const contentType = response.headers.get('content-type')
    const text = await response.text().catch(() => '')
    if (response.status === 401) throw unauthorized(endpoint, text, contentType)
    if (response.status !== 200 || !(contentType ?? '').includes('json')) {
      const reason = classifyHttpStatus(response.status, contentType)
      const detail = `HTTP ${response.status} ${contentType ?? 'no content type'}`
      throw new DinkyError({ endpoint, reason, detail, status: response.status })
    }
    try {
      const json: unknown = JSON.parse(text)
      return { status: response.status, headers: response.headers, json, receivedAt }
    } catch {
      throw new DinkyError({ endpoint, reason: 'malformed-response', detail: 'body is not JSON' })
    }
  }

  const validate = <T>(endpoint: string, schema: z.ZodType<T>, value: unknown): T => {
    const parsed = schema.safeParse(value)
    if (parsed.success) return parsed.data
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : 'body'
    throw new DinkyError({
      endpoint,
      reason: 'malformed-response',
      detail: `${where}: ${issue?.message ?? 'invalid'}`
    })
  }

  const result = async <T>(endpoint: string, schema: z.ZodType<T>, spec: RequestSpec = {}) => {
    const { json, headers, receivedAt } = await raw(endpoint, spec)
    const envelope = validate(endpoint, resultEnvelope, json)
    options.onServerTime?.(envelope.time, receivedAt)
    if (envelope.code !== 0) {
      const reason = classifyEnvelopeCode(envelope.code, endpoint === '/api/login')
      const detail = envelope.msg ?? `code ${envelope.code}`
      throw new DinkyError({ endpoint, reason, detail, code: envelope.code })
    }
    return { data: validate(endpoint, schema, envelope.data), msg: envelope.msg ?? '', headers }
  }

  const page = async <T>(endpoint: string, schema: z.ZodType<T>, spec: RequestSpec = {}) => {
    const { json } = await raw(endpoint, spec)
    const envelope = validate(endpoint, proTableEnvelope, json)
    if (envelope.success === false) {
      throw new DinkyError({ endpoint, reason: 'http-5xx', detail: 'ProTable success=false' })
    }
    const rows = (envelope.data ?? []).map((row) => validate(endpoint, schema, row))
    return { rows, total: envelope.total }
  }

  return { auth, decorate, raw, result, page }
}
