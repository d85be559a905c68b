/**
 * Public types of the connection supervisor: one supervisor per stream (topics, jvm) owns its transport's
 * connections, its `ConnectionState` and every reconnect decision.
 */
import type { ConnectionState, StreamName } from '../../../shared/connection'
import type { Diagnosis, DiagnosisCode } from '../../../shared/diagnosis'
import type { Clock, Disposer, Logger } from '../ports'
import type { StreamMessage, StreamOpenInfo, StreamTransport, TopicSet } from '../stream/transport'
import type { BackoffOptions } from './backoff'

export interface StreamSupervisorOptions {
  transport: StreamTransport
  clock: Clock
  logger: Logger
  /** Uniform [0, 1); injected so tests can pin the jitter. */
  random?: () => number
  backoff?: Partial<BackoffOptions>
  /** Watchdog timeout; default 3 × the transport's heartbeat interval. */
  heartbeatTimeoutMs?: number | null
  /**
   * Heartbeats but no data for this long: the stream is starved (`jvm-starvation.ts`). Default 3 × the transport's
   * `dataIntervalMs`; never where the transport has none.
   */
  starvedAfterMs?: number | null
  /** How long a starved stream waits before it is tried again (each try costs Dinky a thread); default 10 min. */
  starvedRetryMs?: number
  /** A stable stream that drops cleanly and is back within this long never shows `reconnecting`; default 3 s. */
  invisibleReconnectMs?: number
  /** Use the server's `retry:` as a floor for reconnect delays; default true. */
  honourServerRetry?: boolean
  /**
   * One silent re-login after a 401 / code 7; rejects when the login fails. Without it an auth failure goes
   * straight to `auth-expired`.
   */
  relogin?: () => Promise<void>
  /** Starts a clock-jump detector that calls `onJump` when timers drift (sleep, clock change); returns its disposer. */
  detectClockJump?: (onJump: () => void) => Disposer
  onState(state: ConnectionState): void
  onMessage(message: StreamMessage): void
  /** The response that opened the stream (diagnostics). */
  onOpen?(info: StreamOpenInfo): void
  /**
   * The server took `topics` on the current connection (see `StreamHandlers.onSubscribed`): the moment after which a
   * REST fetch of a followed process cannot miss a line.
   */
  onSubscribed?(topics: TopicSet): void
  /** Every heartbeat, with its arrival time (diagnostics: intervals, burstiness). */
  onHeartbeat?(at: number): void
  /**
   * Whether REST answers now: a stream blocked while it does is blocked by a proxy, and goes `degraded` (REST polling
   * carries its data) instead of `reconnecting`. Without it the stream never degrades.
   */
  restLive?(): boolean
  /** A proxy problem was recognised on this stream (see `proxy-diagnosis.ts`). */
  onDiagnosis?(diagnosis: Diagnosis): void
  /** A proxy problem recognised on this stream no longer holds (the stream flows again, a longer silence survived). */
  onDiagnosisResolved?(code: DiagnosisCode, at: number): void
}

export interface StreamSupervisor {
  readonly stream: StreamName
  state(): ConnectionState
  /** Starts connecting; the disposer is `stop()`. Calling it twice returns the same disposer. */
  start(): Disposer
  /** Skips any wait (also leaves `auth-expired`, allowing one more re-login) and connects now. */
  retryNow(): void
  /** Host network knowledge: offline closes the stream and waits; online reconnects at once. */
  notifyNetwork(online: boolean): void
  /** After sleep: the old connection is presumed dead; reconnect now. */
  notifyResume(): void
  /** Closes the connection and every timer; idempotent; ends in `stopped`. */
  stop(): Promise<void>
}
