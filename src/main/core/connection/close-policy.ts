/**
 * What each close reason means to the supervisor: which closes are routine for a long-lived stream (reconnect at
 * once, invisibly) and which login failures never reached Dinky (try the same login again later).
 */
import type { ConnectionReason } from '../../../shared/connection'

/** Closes that are routine for a long-lived stream: reconnect at once, show nothing if it is back quickly. */
export const ROUTINE_CLOSES: ReadonlySet<ConnectionReason> = new Set([
  'server-closed',
  'connection-reset',
  'session-invalid'
])

/** A login that failed for one of these never got an answer from Dinky: try the same login again later. */
export const LOGIN_RETRYABLE: ReadonlySet<ConnectionReason> = new Set([
  'connection-refused',
  'connection-reset',
  'dns-failure',
  'timeout',
  'network-offline',
  'http-5xx',
  'proxy-html',
  'wrong-content-type'
])
