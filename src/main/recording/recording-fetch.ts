/**
 * The fetch port `record` hands the session: every REST exchange and every SSE stream passes through it (the SSE
 * transport fetches through the client too). The answer goes on to the core unchanged, its body passed through
 * chunk by chunk while a bounded copy is kept; an SSE body is cut into events as they pass, each stamped with its
 * time. The login answer teaches the mask the token before anything carrying it is written down.
 */
import { findLoginToken } from '../core/dinky/login-token'
import type { FetchLike } from '../core/ports'
import { toRecordedBody, trimFrame } from './body-trim'
import type { Recorder } from './recorder'
import { TOKEN_PLACEHOLDER, type HttpEntry, type RecordedBody } from './recording-format'
import { createSseSplitter } from './sse-splitter'

/** Bytes of a REST body copied for the recording; past this the copy stops (the core still reads it all). */
const MAX_COPIED_BYTES = 4 * 1024 * 1024
/** Response headers that matter to the console or to a proxy question. */
const KEPT_HEADERS = [
  'content-type',
  'access-control-expose-headers',
  'cache-control',
  'x-accel-buffering',
  'location',
  'content-encoding',
  'transfer-encoding'
]
const KEPT_REQUEST_HEADERS = ['content-type', 'accept', 'language', 'cookie']

function requestOf(input: Parameters<FetchLike>[0], init: Parameters<FetchLike>[1]) {
  const url = new URL(input instanceof Request ? input.url : String(input))
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : {}))
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
  const body = typeof init?.body === 'string' ? init.body : null
  return { url, headers, method, body }
}

export function createRecordingFetch(recorder: Recorder, inner: FetchLike): FetchLike {
  const mask = recorder.mask

  return async (input, init) => {
    const request = requestOf(input, init)
    for (const [name, value] of request.headers)
      if (mask.isTokenName(name)) mask.addToken(name, value)
    const auth = [...request.headers.keys()].some((name) => mask.isTokenName(name))
    const t = recorder.t()
    const requestHeaders: Record<string, string> = {}
    for (const [name, value] of request.headers) {
      if (mask.isTokenName(name)) requestHeaders[name] = TOKEN_PLACEHOLDER
      else if (name === 'cookie') requestHeaders[name] = mask.cookieHeader(value)
      else if (KEPT_REQUEST_HEADERS.includes(name)) requestHeaders[name] = mask.text(value)
    }
    const trimmed: string[] = []
    const requestBody: RecordedBody =
      request.body === null
        ? null
        : (mask.json(
            toRecordedBody(mask.text(request.body), 'application/json', trimmed)
          ) as RecordedBody)
    const base = {
      kind: 'http' as const,
      t,
      id: recorder.id(),
      method: request.method,
      path: mask.text(request.url.pathname),
      query: mask.query(request.url.searchParams),
      auth,
      requestHeaders,
      requestBody
    }
    let response: Response
    try {
      response = await inner(input, init)
    } catch (error) {
      recorder.http({
        ...base,
        status: 0,
        headers: {},
        body: null,
        durationMs: recorder.t() - t,
        error: String(error)
      })
      throw error
    }
    if (request.url.pathname.endsWith('/api/login') && response.status === 200) {
      const token = findLoginToken(response.headers)
      if (token) mask.addToken(token.name, token.value, true)
    }
    const headers = keptHeaders(response.headers, mask)
    const contentType = response.headers.get('content-type')
    const entry = (body: RecordedBody, extra: Partial<HttpEntry> = {}): HttpEntry => ({
      ...base,
      status: response.status,
      headers,
      body,
      durationMs: recorder.t() - t,
      ...(trimmed.length ? { trimmed } : {}),
      ...extra
    })

    if (!response.body || [101, 204, 205, 304].includes(response.status)) {
      recorder.http(entry(null))
      return response
    }
    if (/text\/event-stream/i.test(contentType ?? '')) {
      const stream = entry(null, { stream: 'sse' })
      recorder.http(stream)
      const split = createSseSplitter((raw) => {
        const masked = trimFrame(mask.text(raw))
        recorder.frame(
          stream.id,
          { kind: 'sse', t: recorder.t(), stream: stream.id, raw: masked },
          masked.length
        )
      })
      return passThrough(
        response,
        (chunk) => split.push(chunk),
        () => split.end()
      )
    }
    const copied: Uint8Array[] = []
    let copiedBytes = 0
    let finished = false
    const finish = (complete: boolean) => {
      if (finished) return
      finished = true
      const text = Buffer.concat(copied).toString('utf8')
      const body = mask.json(toRecordedBody(mask.text(text), contentType, trimmed)) as RecordedBody
      if (!complete || copiedBytes > MAX_COPIED_BYTES)
        trimmed.push('/: body not recorded to its end')
      recorder.http(entry(body))
    }
    return passThrough(
      response,
      (chunk) => {
        if (copiedBytes <= MAX_COPIED_BYTES) copied.push(chunk)
        copiedBytes += chunk.byteLength
      },
      (complete) => finish(complete)
    )
  }
}

/** The response with its body read through `onChunk`; `onEnd(true)` at its end, `(false)` if cut or cancelled. */
function passThrough(
  response: Response,
  onChunk: (chunk: Uint8Array) => void,
  onEnd: (complete: boolean) => void
): Response {
  const reader = response.body!.getReader()
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read()
          if (done) {
            onEnd(true)
            controller.close()
            return
          }
          onChunk(value)
          controller.enqueue(value)
        } catch (error) {
          onEnd(false)
          controller.error(error)
        }
      },
      cancel(reason) {
        onEnd(false)
        return reader.cancel(reason)
      }
    },
    { highWaterMark: 0 }
  )
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers
  })
}

function keptHeaders(headers: Headers, mask: Recorder['mask']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of headers) {
    if (name === 'set-cookie') continue
    if (mask.isTokenName(name)) out[name] = TOKEN_PLACEHOLDER
    else if (KEPT_HEADERS.includes(name)) out[name] = mask.text(value)
  }
  const cookies = headers.getSetCookie()
  if (cookies.length) out['set-cookie'] = cookies.map((line) => mask.setCookie(line))
  return out
}
