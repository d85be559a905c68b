/**
 * Which of Dinky 1.2's global WebSockets the simulator serves, from `--version`. Three shapes were read in Dinky's
 * history (dinky-protocol.md §5, §5.1):
 * - `message-token` (1.2.0-SNAPSHOT, `97dd176ec`): `@ServerEndpoint("/api/ws/global")`, the token in every message,
 *   no `type`, JVM_INFO every 5 s (`ws/GlobalWebSocketTopic.java`).
 * - `message-token-ping` (`42e96423`, `ws/GlobalWebSocket.java`): the same endpoint; `RequestDTO.type`
 *   `SUBSCRIBE|PING|PONG`, a PING (token checked first) answered `{"sessionKey","type":"PONG"}`, and the
 *   `TASK_RUN_INSTANCE` topic (`ws/topic/TaskRunInstance.java`). The 30 s idle timeout came with the path token.
 * - `path-token` (`e3517ffd`, `ws/GlobalWebSocket.java`, `ws/handler/JvmInfo.java`, `ws/handler/TaskRunInstance.java`):
 *   `@ServerEndpoint("/api/ws/global/{token}")`, the token checked in `onOpen` (an invalid one closes the session,
 *   code 1000), no token in messages, `session.setMaxIdleTimeout(30000)`, JVM_INFO every 3 s.
 * GUESS: which release carries which shape. No 1.2.x tag was in the snapshot we read; we take 1.2.0 as the snapshot,
 * 1.2.1 as `42e96423` and 1.2.2+ as `e3517ffd` (the Spring-event socket the 1.2.2 release notes describe).
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
  /** `setMaxIdleTimeout`: a socket that received nothing this long is cut; null = none. */
  idleTimeoutMs: number | null
}

function patchOf(version: string): number {
  const [major = 0, minor = 0, patch = 0] = version
    .split(/[.-]/)
    .map((part) => Number.parseInt(part, 10) || 0)
  if (major > 1 || (major === 1 && minor > 2)) return Number.MAX_SAFE_INTEGER
  return patch
}

/** The dialect of a 1.2+ `version`; `jvmIntervalMs`/`idleTimeoutMs` override Dinky's periods when non-zero. */
export function wsDialectFor(
  version: string,
  overrides: { jvmIntervalMs?: number; idleTimeoutMs?: number } = {}
): WsDialect {
  const patch = patchOf(version)
  const shape: WsShape =
    patch >= 2 ? 'path-token' : patch === 1 ? 'message-token-ping' : 'message-token'
  const pathToken = shape === 'path-token'
  return {
    shape,
    pathToken,
    pingPong: shape !== 'message-token',
    taskRunInstance: shape !== 'message-token',
    jvmIntervalMs: overrides.jvmIntervalMs || (pathToken ? 3_000 : 5_000),
    idleTimeoutMs: pathToken ? overrides.idleTimeoutMs || 30_000 : null
  }
}
