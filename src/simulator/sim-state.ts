/**
 * What the route handlers, stream hubs and controls share: options, the world, the token store, the language,
 * the SSE hub, the timers and the request statistics. One object, built once per simulator.
 */

import {
  CODE,
  jsonReply,
  resultBody,
  type Language,
  type MessageKey,
  type Reply
} from './http/envelope'
import type { ConsoleCopies } from './console-copies'
import type { TokenStore } from './http/auth'
import type { ResolvedOptions } from './options'
import type { JvmWorkerPool } from './sse/jvm-worker-pool'
import type { SseHub } from './sse/sse-hub'
import type { TimerRegistry } from './timer-registry'
import type { World } from './world/world'

export interface SimState {
  options: ResolvedOptions
  /** `token` (1.0–1.1) or `dinky-token` (1.2+). */
  tokenName: string
  webSocketMode: boolean
  world: World
  tokens: TokenStore
  language: Language
  sse: SseHub
  /** 1.0/1.1: the pool every `/api/monitor/getJvmInfo` sender takes a thread of, forever. */
  jvmWorkers: JvmWorkerPool
  timers: TimerRegistry
  requestsByPath: Map<string, number>
  /** The console copies the hubs send: one per line, or Dinky's racy interleaving under the fault. */
  consoleCopies: ConsoleCopies
  /** The cluster list answers `data: null` (a malformed side endpoint, issue 13) until cleared. */
  malformedClusterList: boolean
}

/** A successful `Result<T>` reply with a localized message. */
export function ok(state: SimState, data: unknown, key: MessageKey = 'SUCCESS'): Reply {
  return jsonReply(resultBody(data, CODE.SUCCESS, state.language.message(key), state.options.now()))
}

/** A `Result` with another code (HTTP 200 unless said otherwise), as Dinky's handlers answer failures. */
export function failed(
  state: SimState,
  code: number,
  msg: string,
  data: unknown = null,
  status = 200
): Reply {
  return jsonReply(resultBody(data, code, msg, state.options.now()), status)
}
