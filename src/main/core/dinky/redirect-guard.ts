/**
 * The only way a request of the console follows a redirect. Every fetch goes out with `redirect: 'manual'`, so the
 * token header, the tenant cookie and a login's password never travel anywhere the console did not choose: a GET
 * may follow a few redirects within its own origin (scheme, host and port: an `https` profile never talks `http`);
 * a redirect to another origin, or of any request with a body or another method, is refused with
 * `redirect-refused` naming both URLs. `fetch`'s default `redirect: 'follow'` re-sends every header to any host
 * and, on 307/308, the body too.
 */
import type { FetchLike } from '../ports'
import { ClassifiedFetchError } from './classified-fetch-error'

/** Same-origin hops a GET may take (Dinky behind a path-rewriting proxy needs one at most). */
export const MAX_SAME_ORIGIN_REDIRECTS = 3

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/** A URL as it may be logged: no user info, no query (a stream's session key), no fragment. */
export function printableUrl(url: URL): string {
  return `${url.origin}${url.pathname}`
}

function requestUrl(input: Parameters<FetchLike>[0]): URL {
  if (input instanceof URL) return input
  if (typeof input === 'string') return new URL(input)
  return new URL(input.url)
}

/** Why a wrapper and not per call: the SSE library passes `redirect: 'follow'` itself; this overrides every caller. */
export function createRedirectGuardedFetch(fetch: FetchLike): FetchLike {
  return async (input, init) => {
    let url = requestUrl(input)
    const method = (init?.method ?? 'GET').toUpperCase()
    const hasBody = init?.body !== undefined && init?.body !== null
    for (let hop = 0; ; hop++) {
      const response = await fetch(hop === 0 ? input : url, { ...init, redirect: 'manual' })
      const location = response.headers.get('location')
      if (!REDIRECT_STATUSES.has(response.status) || location === null) return response
      await response.body?.cancel().catch(() => {})
      let target: URL
      try {
        target = new URL(location, url)
      } catch {
        throw refused(url, null, `HTTP ${response.status} to an invalid location`)
      }
      if (hasBody || (method !== 'GET' && method !== 'HEAD')) {
        throw refused(url, target, `a ${method} request is never redirected`)
      }
      if (target.origin !== url.origin) {
        throw refused(url, target, 'credentials never leave their origin')
      }
      if (hop + 1 > MAX_SAME_ORIGIN_REDIRECTS) {
        throw refused(url, target, `more than ${MAX_SAME_ORIGIN_REDIRECTS} redirects`)
      }
      url = target
    }
  }
}

function refused(from: URL, to: URL | null, why: string): ClassifiedFetchError {
  const target = to ? printableUrl(to) : '?'
  return new ClassifiedFetchError('redirect-refused', `${printableUrl(from)} -> ${target}: ${why}`)
}
