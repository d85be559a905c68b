/**
 * Which of Dinky 1.2's global WebSockets the simulator serves, from `--version` (dinky-protocol.md §5, §5.1):
 * - `message-token` (`1.2.0-SNAPSHOT`, WS-switch `97dd176ec` of DataLinkDC/dinky): `@ServerEndpoint("/api/ws/global")`,
 *   the token in every message, no `type`, no `TASK_RUN_INSTANCE`, JVM_INFO every 5 s.
 * - `message-token-ping` (the **1.2.0 release**, branch `1.2.0` of gaoyan1998/dlink, `ws/GlobalWebSocket.java`,
 *   `ws/GlobalWebSocketTopic.java`, `ws/topic/TaskRunInstance.java`): the same endpoint; `RequestDTO.type`
 *   `SUBSCRIBE|PING|PONG`, a PING (token checked first) answered `{"sessionKey","type":"PONG"}`; `TASK_RUN_INSTANCE`
 *   checked every 1 s and sent only when the set of running tasks changed (`autoDataSend` returns an empty map
 *   otherwise and `Asserts.isNotNullMap` skips it); JVM_INFO every 5 s; `firstSend` reaches every subscriber.
 * - `path-token` (`e3517ffd`, `ws/GlobalWebSocket.java`, `ws/handler/*.java`): `@ServerEndpoint("/api/ws/global/{token}")`,
 *   the token checked in `onOpen` (an invalid one closes the session, code 1000), no token in messages, JVM_INFO every
 *   3 s, `TASK_RUN_INSTANCE` only to sessions that subscribed the parameter `RunningTaskId`.
 * Per release: 1.2.0 `message-token-ping` (read); 1.2.1 the same plus `setMaxIdleTimeout(30000)` (#4160/#4161);
 * 1.2.2+ `path-token` (#4183, backported as #4263) with the idle timeout; 1.2.3 sends asynchronously (#4315).
 * GUESS: 1.2.1–1.2.3 from the release notes and PR titles, not from their source (no 1.2.1+ code in the snapshots we
 * read). The asynchronous sends of 1.2.3 change nothing a single client can see on the wire (frames of one session
 * still go out one at a time), so 1.2.3+ is served as 1.2.2.
 */

export type WsShape = 'message-token' | 'message-token-ping' | 'path-token'

export interface WsDialect {
  shape: WsShape
  /** The token travels in the path (`/api/ws/global/{token}`), not in messages. */
  pathToken: boolean
  /** `type: PING` is answered with a PONG. */
  pingPong: boolean
  /** The enum has `TASK_RUN_INSTANCE`. */
  taskRunInstance: boolean
  /** `JVM_INFO` period. */
  jvmIntervalMs: number
  /**
   * `setMaxIdleTimeout` (1.2.1+): a socket with no traffic this long is cut without a close frame; null = none.
   * Undertow counts the server's own writes as traffic, so a socket fed JVM_INFO is never cut.
   */
  idleTimeoutMs: number | null
}

interface Release {
  patch: number
  snapshot: boolean
}

function releaseOf(version: string): Release {
  const [major = 0, minor = 0, patch = 0] = version
    .split(/[.-]/)
    .map((part) => Number.parseInt(part, 10) || 0)
  const snapshot = /snapshot/i.test(version)
  if (major > 1 || (major === 1 && minor > 2))
    return { patch: Number.MAX_SAFE_INTEGER, snapshot: false }
  return { patch, snapshot }
}

/** The dialect of a 1.2+ `version`; `jvmIntervalMs`/`idleTimeoutMs` override Dinky's periods when non-zero. */
export function wsDialectFor(
  version: string,
  overrides: { jvmIntervalMs?: number; idleTimeoutMs?: number } = {}
): WsDialect {
  const { patch, snapshot } = releaseOf(version)
  const shape: WsShape =
    patch >= 2 ? 'path-token' : patch === 0 && snapshot ? 'message-token' : 'message-token-ping'
  const pathToken = shape === 'path-token'
  return {
    shape,
    pathToken,
    pingPong: shape !== 'message-token',
    taskRunInstance: shape !== 'message-token',
    jvmIntervalMs: overrides.jvmIntervalMs || (pathToken ? 3_000 : 5_000),
    idleTimeoutMs: patch >= 1 ? overrides.idleTimeoutMs || 30_000 : null
  }
}
