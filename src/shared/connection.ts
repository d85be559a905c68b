/**
 * Connection states and their classified reasons. A connection is always in exactly one named state, and every
 * transition says why; the UI shows the state and never guesses it from missing data.
 */
import { DIAGNOSIS_CODES } from './diagnosis'

export type StreamName = 'topics' | 'jvm' | 'rest'

export const DISCONNECT_REASONS = [
  'connection-refused',
  'connection-reset',
  'dns-failure',
  'tls-failure',
  'timeout',
  'heartbeat-lost',
  'http-5xx',
  'http-4xx',
  'http-204',
  'proxy-html',
  'wrong-content-type',
  'malformed-response',
  'session-invalid',
  'server-closed',
  'token-expired',
  'login-failed',
  'network-offline',
  'resumed',
  'clock-jump',
  'user-retry',
  'started',
  'stopped-by-user',
  'redirect-refused',
  'event-too-large',
  'malformed-login',
  // Each named diagnosis of the path to Dinky is also the reason of the state it explains.
  ...DIAGNOSIS_CODES
] as const
export type ConnectionReason = (typeof DISCONNECT_REASONS)[number]

export type ConnectionState =
  | { kind: 'connecting'; reason: ConnectionReason; since: number }
  | { kind: 'live'; since: number }
  | {
      kind: 'reconnecting'
      attempt: number
      /** Epoch ms of the next attempt. */
      retryAt: number
      reason: ConnectionReason
      since: number
      /** What the failure said, when it names something to check (a refused redirect's two URLs). */
      detail?: string
    }
  | { kind: 'offline'; reason: ConnectionReason; since: number }
  | { kind: 'auth-expired'; reason: ConnectionReason; since: number }
  | { kind: 'stopped'; reason: ConnectionReason; since: number }
  | {
      /**
       * The stream cannot get through (a buffering proxy) while REST answers: what it would carry comes by polling,
       * and the stream is retried in the background (`attempt`, `retryAt` of that retry).
       */
      kind: 'degraded'
      reason: ConnectionReason
      attempt: number
      retryAt: number
      since: number
    }

export type ConnectionKind = ConnectionState['kind']

/** Worst first: the order used to combine streams into one badge and servers into one tray colour. */
export const SEVERITY: readonly ConnectionKind[] = [
  'auth-expired',
  'offline',
  'reconnecting',
  'connecting',
  'stopped',
  'degraded',
  'live'
]

/** The worst of several states (ties keep the first). */
export function worstState(states: readonly ConnectionState[]): ConnectionState | undefined {
  let worst: ConnectionState | undefined
  for (const state of states) {
    if (!worst || SEVERITY.indexOf(state.kind) < SEVERITY.indexOf(worst.kind)) worst = state
  }
  return worst
}

/** One entry of a connection's history, for the diagnostics panel. */
export interface StateChange {
  stream: StreamName
  state: ConnectionState
  at: number
}
