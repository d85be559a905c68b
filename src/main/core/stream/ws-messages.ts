/**
 * What the console sends on Dinky 1.2's global WebSocket (`GlobalWebSocket.RequestDTO`): the subscription, which
 * replaces the session's whole set, and the PING. On the `message-token` endpoint each message carries the token
 * (Dinky checks it first and silently unregisters the session otherwise); on `path-token` none does. `type` is
 * ignored by servers older than the 1.2.0 release (Dinky's `JsonUtils` skips unknown properties), so it is always sent.
 */
import type { TopicSet } from './transport'

/** The one parameter Dinky publishes `TASK_RUN_INSTANCE` under (`ws/handler/TaskRunInstance.java`). */
export const RUNNING_TASK_PARAM = 'RunningTaskId'

export interface WsSubscribeOptions {
  /**
   * Subscribe `TASK_RUN_INSTANCE` too. Only where the server has it: an enum name Dinky lacks is read as a null key
   * that makes its `firstSend` throw, for every session of that server.
   */
  taskRuns?: boolean
}

/** The subscribe message: the whole wanted set, JVM_INFO always included. */
export function toWsSubscription(
  token: string | null,
  topics: TopicSet,
  options: WsSubscribeOptions = {}
) {
  const wanted: Record<string, string[]> = {
    JVM_INFO: [],
    PROCESS_CONSOLE: [...topics.processes],
    PRINT_TABLE: [...topics.printTables],
    METRICS: [...topics.metrics]
  }
  if (options.taskRuns) wanted.TASK_RUN_INSTANCE = [RUNNING_TASK_PARAM]
  return token === null
    ? { type: 'SUBSCRIBE', topics: wanted }
    : { token, type: 'SUBSCRIBE', topics: wanted }
}

/** A PING; Dinky from the 1.2.0 release answers `{"sessionKey","type":"PONG"}`. */
export function toWsPing(token: string | null) {
  return token === null ? { type: 'PING' } : { token, type: 'PING' }
}
