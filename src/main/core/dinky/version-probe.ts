/**
 * The first contact's question "which Dinky is this?", answered on every release. `GET /api/version` is public only
 * from 1.2.0 (Dinky #3693); on 1.0.x–1.1.x it carries `@SaCheckLogin` and answers an anonymous call with HTTP 401 and
 * Dinky's `NOT_TOKEN` envelope (code 7, "Can Not Read Token"), while `GET /openapi/version` answers without a login.
 * So: `/api/version` anonymously; on Dinky's 401, `/openapi/version`; if that is blocked too (a proxy that closes
 * `/openapi/**`, which on those releases runs as admin without a login), the version is asked after the login.
 */
import { DinkyError } from './dinky-error'
import type { DinkyHttp } from './dinky-http'
import { versionSchema } from './schemas'

/** Dinky's `CodeEnum.AUTHORIZE_ERROR`, the code of its 401 envelope. */
const AUTHORIZE_ERROR = 7

/** True for Dinky's own login wall: a 401 in Dinky's envelope, which is evidence that the address is Dinky. */
export function isDinkyLoginWall(error: unknown): error is DinkyError {
  return error instanceof DinkyError && error.status === 401 && error.code === AUTHORIZE_ERROR
}

/**
 * A 401 from a version probe is never a refused password: Dinky's wall before a login, or after one a token that
 * died at once (retried like any REST failure), or something in front of Dinky asking for its own login.
 */
function probeFailure(error: unknown, authenticated: boolean): unknown {
  if (!(error instanceof DinkyError) || error.reason !== 'token-expired') return error
  const why = authenticated
    ? 'the fresh login was not accepted'
    : 'not in Dinky’s envelope: is a proxy asking for its own login?'
  return new DinkyError({
    endpoint: error.endpoint,
    reason: 'http-4xx',
    detail: `${error.detail} (${why})`,
    status: error.status,
    code: error.code
  })
}

/**
 * The server's version, or null when this Dinky answers it only after a login (ask again once logged in: with a
 * token, `/api/version` answers on every release).
 */
export async function probeVersion(http: DinkyHttp): Promise<string | null> {
  if (http.auth.tokenValue !== null) {
    try {
      return (await http.result('/api/version', versionSchema)).data
    } catch (error) {
      throw probeFailure(error, true)
    }
  }
  try {
    return (await http.result('/api/version', versionSchema, { anonymous: true })).data
  } catch (error) {
    if (!isDinkyLoginWall(error)) throw probeFailure(error, false)
  }
  try {
    return (await http.result('/openapi/version', versionSchema, { anonymous: true })).data
  } catch {
    return null
  }
}
