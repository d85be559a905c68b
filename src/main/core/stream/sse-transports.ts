/**
 * The two SSE streams of a Dinky 1.0/1.1 server. The topic stream (`/api/sse/connect?sessionKey=<uuid>`) carries
 * console logs, metrics and print tables: after every open it subscribes the full topic set, reports each set the
 * server took (`onSubscribed`), and a `["SESSION_INVALID"]` answer closes it so the supervisor reconnects with a new key. The JVM stream
 * (`/api/monitor/getJvmInfo`) needs no subscription. Both carry Dinky's 9 s `HEART_BEAT`.
 */
import { randomUUID } from 'node:crypto'
import type { DinkyClient } from '../dinky/types'
import type { Logger } from '../ports'
import { normalizeSseData } from './normalize-message'
import { openSseConnection } from './sse-connection'
import { needsAuthCheck, recheckStreamAuth } from './stream-auth-check'
import { createTopicSubscriber, type TopicSubscriber } from './sse-topic-subscriber'
import type { StreamHandlers, StreamTransport, TopicSet } from './transport'
import { EMPTY_TOPICS } from './transport'

export const SSE_HEARTBEAT_MS = 9_000

export interface SseTransportOptions {
  client: DinkyClient
  logger: Logger
  /** Dinky's `HEART_BEAT` period; the supervisor's watchdog defaults to 3 × this. */
  heartbeatIntervalMs?: number
  /** Largest event accepted (default 64 MB); a larger one is dropped and the stream reconnected. */
  maxEventBytes?: number
}

function dispatch(raw: string, offsetMs: number, handlers: StreamHandlers, logger: Logger): void {
  const result = normalizeSseData(raw, offsetMs)
  if (!result.ok) {
    logger.warn('dropped a stream frame', { reason: 'malformed-response', detail: result.detail })
    return
  }
  for (const message of result.messages) {
    if (message.topic === 'HEART_BEAT') handlers.onHeartbeat()
    else handlers.onMessage(message)
  }
}

function createSseTransport(
  stream: 'topics' | 'jvm',
  options: SseTransportOptions
): StreamTransport {
  let topics: TopicSet = EMPTY_TOPICS
  let subscriber: TopicSubscriber | null = null
  const logger = options.logger.child(stream)

  return {
    kind: 'sse',
    stream,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? SSE_HEARTBEAT_MS,
    topics: () => topics,
    setTopics(next) {
      topics = next
      subscriber?.send(topics)
    },
    connect(handlers) {
      const sessionKey = randomUUID()
      const url =
        stream === 'topics'
          ? new URL(`/api/sse/connect?sessionKey=${sessionKey}`, options.client.baseUrl)
          : new URL('/api/monitor/getJvmInfo', options.client.baseUrl)
      let closed = false
      /** Closed by the supervisor: a close still being checked (`recheckStreamAuth`) is not reported. */
      let released = false
      let mine: TopicSubscriber | null = null
      const closeWith = (info: Parameters<StreamHandlers['onClose']>[0]) => {
        if (closed) return
        connection.close()
        handlers.onClose(info)
      }
      const connection = {
        close() {
          closed = released = true
          if (subscriber === mine) subscriber = null
          sse.close()
        }
      }
      const sse = openSseConnection(
        url,
        options.client.authorizedFetch,
        {
          onOpen(info) {
            if (closed) return
            handlers.onOpen(info)
            if (stream !== 'topics') return
            const subscribed = (set: TopicSet) => {
              if (!closed) handlers.onSubscribed(set)
            }
            mine = createTopicSubscriber(options.client, sessionKey, logger, closeWith, subscribed)
            subscriber = mine
            mine.send(topics)
          },
          onData: (data) => dispatch(data, options.client.serverUtcOffsetMs(), handlers, logger),
          onActivity: () => handlers.onActivity(),
          onRetry: (ms) => handlers.onRetry(ms),
          onClose(info) {
            if (closed) return
            closed = true
            if (subscriber === mine) subscriber = null
            if (!needsAuthCheck(info)) return handlers.onClose(info)
            // An empty 500 on connect is how Dinky 1.0/1.1 refuse a dead token to an EventSource.
            void recheckStreamAuth(info, options.client, logger).then((checked) => {
              if (!released) handlers.onClose(checked)
            })
          }
        },
        { maxEventBytes: options.maxEventBytes }
      )
      return connection
    }
  }
}

/** The topic stream: console logs, metrics, print tables, subscribed after every open. */
export function createSseTopicTransport(options: SseTransportOptions): StreamTransport {
  return createSseTransport('topics', options)
}

/** The JVM footer stream: a `Jvm` every 10 s plus heartbeats; nothing to subscribe. */
export function createSseJvmTransport(options: SseTransportOptions): StreamTransport {
  return createSseTransport('jvm', options)
}
