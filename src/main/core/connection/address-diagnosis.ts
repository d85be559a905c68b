/**
 * What a failed REST answer says about the address: a 502/503/504 or an HTML page from a proxy while Dinky behind it
 * is down (`proxy-error-page`), or, for the version probe, an address that is not Dinky at all (`not-dinky`: a 404, a
 * web page or JSON without Dinky's envelope, typically Dinky's URL with `/api` appended or another server's port).
 * `not-dinky` is a configuration error: the session retries it slowly and says how to fix the URL.
 */
import type { Diagnosis } from '../../../shared/diagnosis'
import type { StreamName } from '../../../shared/connection'
import { DinkyError } from '../dinky/dinky-error'

/** How long a session waits before trying an address that is not Dinky again. */
export const NOT_DINKY_RETRY_MS = 60_000

const PROXY_STATUSES = new Set([502, 503, 504])

/** The content type from a `DinkyError` detail (`HTTP 404 text/html; charset=utf-8`). */
function contentTypeOf(error: DinkyError): string {
  const match = /^HTTP \d+ (.+)$/.exec(error.detail)
  return match && match[1] !== 'no content type'
    ? match[1].replace(/[^\x20-\x7e]/g, '').slice(0, 100)
    : ''
}

/** The root URL to suggest: the one tried without a trailing `/api` (the most common mistake). */
function suggestedUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/api$/i, '')
}

/**
 * Classifies one failure; null when it says nothing about the address (a refused connection, a timeout, a Dinky
 * error envelope). Why the version probe alone may say `not-dinky`: it is anonymous and every Dinky answers it in its
 * envelope (the version from 1.2.0; on 1.0.x–1.1.x a 401 with code 7, which carries `code` and so is no finding).
 */
export function diagnoseAddress(
  error: unknown,
  baseUrl: string,
  stream: StreamName,
  now: number
): Diagnosis | null {
  if (!(error instanceof DinkyError) || error.code !== undefined) return null
  const status = error.status
  const contentType = contentTypeOf(error)
  if (
    status !== undefined &&
    (PROXY_STATUSES.has(status) || (error.reason === 'proxy-html' && status >= 500))
  ) {
    return {
      code: 'proxy-error-page',
      stream,
      at: now,
      detail:
        `${error.endpoint} answered HTTP ${status} ${contentType} from a proxy instead of Dinky`.trim(),
      advice:
        'Dinky behind the proxy is down or unreachable from it: start Dinky, or point proxy_pass at where it runs.',
      evidence: { status, contentType }
    }
  }
  if (error.endpoint !== '/api/version') return null
  const notAnEnvelope =
    status === 404 ||
    (status !== undefined &&
      status < 300 &&
      ['wrong-content-type', 'malformed-response'].includes(error.reason)) ||
    (status === undefined && error.reason === 'malformed-response') ||
    (error.reason === 'proxy-html' && status !== undefined && status < 500)
  if (!notAnEnvelope) return null
  const url = `${baseUrl.replace(/\/+$/, '')}/api/version`
  const root = suggestedUrl(baseUrl)
  const fix =
    root !== baseUrl.replace(/\/+$/, '')
      ? `use ${root} (the server URL without /api)`
      : "use Dinky's own address, e.g. http://host:8888 (Dinky's default port), without /api"
  return {
    code: 'not-dinky',
    stream,
    at: now,
    detail:
      `${url} answered ${status === undefined ? 'a body' : `HTTP ${status}`} ${contentType} without Dinky's envelope: this address is not Dinky`.replace(
        /\s+/g,
        ' '
      ),
    advice: `Check the server URL: ${fix}. Retrying once a minute.`,
    evidence: { ...(status === undefined ? {} : { status }), contentType, url }
  }
}
