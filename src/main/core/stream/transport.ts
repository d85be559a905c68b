/**
 * The stream transport interface that SSE (Dinky 1.0/1.1) and WebSocket (1.2+) implement, and the transport-neutral
 * message shape both normalise into. A transport makes one connection per `connect()`; reconnecting is the
 * supervisor's job, never the transport's.
 */
import type { ConnectionReason, StreamName } from '../../../shared/connection'
import type { Jvm } from '../../../shared/models'
import type { DinkyProcess, MetricsSample } from '../dinky/types'

/** What a consumer wants pushed, independent of how each transport spells topics. */
export interface TopicSet {
  /** Process names, e.g. `FlinkSubmit/12`. */
  processes: readonly string[]
  /** Flink job ids. */
  metrics: readonly string[]
  /** Print-table identifiers. */
  printTables: readonly string[]
}

export const EMPTY_TOPICS: TopicSet = { processes: [], metrics: [], printTables: [] }

export type StreamMessage =
  | { topic: 'HEART_BEAT' }
  | { topic: 'PROCESS_CONSOLE'; param: string; data: DinkyProcess }
  | { topic: 'JVM_INFO'; data: Jvm }
  | { topic: 'METRICS'; param: string; data: MetricsSample }
  | { topic: 'PRINT_TABLE'; param: string; data: string }
  /** WS only (the Dinky 1.2.0 release on): the answer to a PING; proves the socket and, there, the login. */
  | { topic: 'PONG' }
  /** WS only: the ids of the tasks whose job Dinky is monitoring, sent when that set changes. */
  | { topic: 'TASK_RUN_INSTANCE'; taskIds: number[] }

/** The response that opened a stream, for diagnostics (secrets removed from headers). */
export interface StreamOpenInfo {
  status: number
  headers: Record<string, string>
  /** The URL without query secrets. */
  url: string
}

/** Why a connection ended: always classified; `status` when an HTTP response was seen. */
export interface StreamCloseInfo {
  reason: ConnectionReason
  detail: string
  status?: number
  /** True when the stream had opened before it ended. */
  wasOpen: boolean
}

export interface StreamHandlers {
  /** The stream is open (HTTP 200 event-stream, or the WS handshake and first subscribe went out). */
  onOpen(info: StreamOpenInfo): void
  /** Any bytes arrived: re-arms the watchdog even when no whole message did. */
  onActivity(): void
  onHeartbeat(): void
  onMessage(message: StreamMessage): void
  /** The server's `retry:` value, a floor for the reconnect delay. */
  onRetry(ms: number): void
  /**
   * The server now pushes `topics` on this connection: SSE after every `subscribeTopic` answered with the set (not
   * `SESSION_INVALID`); WS once per connection, at the first frame after the subscribe message (later changes are
   * answered by Dinky's `firstSend`). What is fetched over REST after this can miss nothing: later lines arrive here.
   */
  onSubscribed(topics: TopicSet): void
  /** Called exactly once per connection, unless `close()` was called first. */
  onClose(info: StreamCloseInfo): void
}

/** One live connection of a transport. */
export interface StreamConnection {
  /** Closes without calling `onClose`; idempotent. */
  close(): void
}

export interface StreamTransport {
  readonly kind: 'sse' | 'ws'
  readonly stream: StreamName
  /** How often the server speaks on this stream when idle (SSE heartbeat 9 s, WS JVM_INFO 5 s). */
  readonly heartbeatIntervalMs: number
  /**
   * How often the server sends data (not heartbeats) by itself here, where it must (the SSE JVM stream: a `Jvm` every
   * 10 s). Where set, heartbeats without data for 3 × this mean the stream is starved (`jvm-starvation.ts`).
   */
  readonly dataIntervalMs?: number
  /** Opens one connection; the transport subscribes the current topic set after every open. */
  connect(handlers: StreamHandlers): StreamConnection
  /** Replaces the full topic set; sent at once on an open connection and again after every open. */
  setTopics(topics: TopicSet): void
  topics(): TopicSet
  /**
   * Explains a silence the watchdog caught, when the transport can: on WS an expired token unsubscribes the
   * session without a word, so the transport asks the REST API whether the login is still valid.
   */
  diagnoseSilence?(): Promise<StreamCloseInfo | null>
}
