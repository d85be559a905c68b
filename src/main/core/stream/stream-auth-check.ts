/**
 * A stream refused before it opened with a server fault may be a dead login in disguise. Dinky 1.0.x–1.1.x answer a
 * request with an invalid or expired token by rendering their 401 `Result` as JSON; an `EventSource` accepts only
 * `text/event-stream`, so Spring cannot write it and the NotLoginException ends as Spring Boot's empty HTTP 500. So
 * before a 5xx on a stream's connect counts as a server fault, one cheap REST call (`/api/tokenInfo`) asks whether
 * the token still holds; if Dinky says it does not, the close is a `token-expired` (the supervisor logs in again).
 */
import { DinkyError, isAuthError } from '../dinky/dinky-error'
import type { DinkyClient } from '../dinky/types'
import type { Logger } from '../ports'
import type { StreamCloseInfo } from './transport'

/** True for a close worth the token check: a 5xx before the stream opened. */
export function needsAuthCheck(info: StreamCloseInfo): boolean {
  return !info.wasOpen && info.reason === 'http-5xx'
}

/** The close to report: `info`, or a `token-expired` one when the token check says the login is gone. */
export async function recheckStreamAuth(
  info: StreamCloseInfo,
  client: Pick<DinkyClient, 'tokenInfo'>,
  logger: Logger
): Promise<StreamCloseInfo> {
  if (!needsAuthCheck(info)) return info
  try {
    await client.tokenInfo()
    return info
  } catch (error) {
    if (!isAuthError(error)) return info
    logger.info('the stream’s server fault was a dead login', { detail: info.detail })
    return {
      ...info,
      reason: 'token-expired',
      detail: `${info.detail}; /api/tokenInfo: ${error.detail}`
    }
  }
}

/**
 * A silent WebSocket explained when it can be: an expired token unsubscribes Dinky's message-token session
 * without a word, so a token REST no longer takes is `token-expired`; anything else is left to the caller (null).
 */
export async function explainWsSilence(
  client: Pick<DinkyClient, 'tokenInfo'>
): Promise<StreamCloseInfo | null> {
  try {
    await client.tokenInfo()
    return null
  } catch (error) {
    if (!(error instanceof DinkyError) || error.reason !== 'token-expired') return null
    return { reason: 'token-expired', detail: 'the server dropped the subscription', wasOpen: true }
  }
}
