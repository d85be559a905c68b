/**
 * Keeps one SSE session's server-side topic set equal to the wanted set. `subscribeTopic` replaces the whole set,
 * so sends are serialised and only the latest wanted set is sent after an in-flight one. Each set the server
 * answered with is reported as subscribed; a `["SESSION_INVALID"]` answer or an auth failure ends the connection
 * with a classified reason.
 */
import { DinkyError } from '../dinky/dinky-error'
import type { DinkyClient } from '../dinky/types'
import type { Logger } from '../ports'
import { SSE_TOPIC_PREFIX } from './normalize-message'
import type { StreamCloseInfo, TopicSet } from './transport'

const SESSION_INVALID = 'SESSION_INVALID'

/** Dinky's SSE topic strings for a topic set. */
export function toSseTopics(topics: TopicSet): string[] {
  return [
    ...topics.processes.map((p) => SSE_TOPIC_PREFIX.PROCESS_CONSOLE + p),
    ...topics.metrics.map((m) => SSE_TOPIC_PREFIX.METRICS + m),
    ...topics.printTables.map((t) => SSE_TOPIC_PREFIX.PRINT_TABLE + t)
  ]
}

export interface TopicSubscriber {
  send(topics: TopicSet): void
}

/** Why serialised: two overlapping replace-calls could land out of order and leave a stale set on the server. */
export function createTopicSubscriber(
  client: DinkyClient,
  sessionKey: string,
  logger: Logger,
  fail: (info: StreamCloseInfo) => void,
  subscribed: (topics: TopicSet) => void
): TopicSubscriber {
  let wanted: TopicSet | null = null
  let sending = false

  const loop = async () => {
    sending = true
    while (wanted) {
      const asked = wanted
      const topics = toSseTopics(asked)
      wanted = null
      try {
        const held = await client.subscribeTopic(sessionKey, topics)
        if (held.length === 1 && held[0] === SESSION_INVALID) {
          fail({
            reason: 'session-invalid',
            detail: 'the server forgot the session',
            wasOpen: true
          })
          break
        }
        logger.debug('subscribed', { topics: topics.length })
        subscribed(asked)
      } catch (error) {
        const reason = error instanceof DinkyError ? error.reason : 'connection-reset'
        const detail = error instanceof DinkyError ? error.detail : 'subscribe failed'
        fail({ reason, detail, wasOpen: true })
        break
      }
    }
    sending = false
  }

  return {
    send(topics) {
      wanted = topics
      if (!sending) void loop()
    }
  }
}
