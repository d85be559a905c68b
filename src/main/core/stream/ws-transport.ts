/**
 * The WebSocket transport of Dinky 1.2 (`/api/ws/global`): one socket carries every topic. After every open it
 * sends `{token, topics}` with `JVM_INFO` always subscribed, whose 5 s pushes serve as the heartbeat; protocol pings
 * keep proxies from cutting an idle socket. An expired token makes Dinky drop
 * the subscription without a word: the watchdog notices the silence and `diagnoseSilence` asks REST whether the
 * login is still valid.
 */
import { rootCertificates } from 'node:tls'
import WebSocket from 'ws'
import { classifyHttpStatus } from '../dinky/classify'
import { DinkyError } from '../dinky/dinky-error'
import type { DinkyClient } from '../dinky/types'
import type { Logger } from '../ports'
import { normalizeWsFrame } from './normalize-message'
import { classifyWsClose, classifyWsError, DEFAULT_MAX_EVENT_BYTES } from './stream-limits'
import { wsRedirectClose } from './stream-limits'
import type { StreamCloseInfo, StreamHandlers, StreamTransport, TopicSet } from './transport'
import { EMPTY_TOPICS } from './transport'

export const WS_HEARTBEAT_MS = 5_000

export interface WsTransportOptions {
  client: DinkyClient
  logger: Logger
  /** Dinky's JVM_INFO period; the watchdog defaults to 3 × this. */
  heartbeatIntervalMs?: number
  /** Protocol ping period; default the heartbeat interval. */
  pingIntervalMs?: number
  /** Largest message (all fragments together) accepted; larger closes with 1009 (`event-too-large`). */
  maxEventBytes?: number
}

/** The subscribe message: the whole wanted set, JVM_INFO always included. */
export function toWsSubscription(token: string, topics: TopicSet) {
  return {
    token,
    topics: {
      JVM_INFO: [] as string[],
      PROCESS_CONSOLE: [...topics.processes],
      PRINT_TABLE: [...topics.printTables],
      METRICS: [...topics.metrics]
    }
  }
}

function wsUrl(baseUrl: string): string {
  const url = new URL('/api/ws/global', baseUrl)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  return url.toString()
}

/** Why one transport for everything: Dinky 1.2 has a single global socket; JVM_INFO rides on it. */
export function createWsTransport(options: WsTransportOptions): StreamTransport {
  const { client } = options
  const logger = options.logger.child('ws')
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? WS_HEARTBEAT_MS
  const maxPayload = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES
  let topics: TopicSet = EMPTY_TOPICS
  /** The socket whose subscription follows `setTopics`; `open` once the handshake is done. */
  let current: { socket: WebSocket; open: boolean } | null = null

  /** Sends the wanted set; returns what was sent, or null when nothing could be. */
  const subscribe = (socket: WebSocket): TopicSet | null => {
    const auth = client.streamAuth()
    if (!auth || socket.readyState !== WebSocket.OPEN) return null
    socket.send(JSON.stringify(toWsSubscription(auth.tokenValue, topics)))
    return topics
  }
  const wanted = (topic: string, param: string) =>
    (topic === 'PROCESS_CONSOLE' && topics.processes.includes(param)) ||
    (topic === 'METRICS' && topics.metrics.includes(param)) ||
    (topic === 'PRINT_TABLE' && topics.printTables.includes(param))

  return {
    kind: 'ws',
    stream: 'topics',
    heartbeatIntervalMs,
    topics: () => topics,
    setTopics(next) {
      topics = next
      if (current?.open) subscribe(current.socket)
    },
    async diagnoseSilence() {
      try {
        await client.tokenInfo()
        return null
      } catch (error) {
        if (error instanceof DinkyError && error.reason === 'token-expired') {
          return {
            reason: 'token-expired',
            detail: 'the server dropped the subscription',
            wasOpen: true
          }
        }
        return null
      }
    },
    connect(handlers: StreamHandlers) {
      const ca = client.extraCaPem ? [...rootCertificates, client.extraCaPem] : undefined
      const socket = new WebSocket(wsUrl(client.baseUrl), {
        ca,
        handshakeTimeout: 15_000,
        maxPayload,
        followRedirects: false
      })
      const conn = { socket, open: false }
      current = conn
      let done = false
      let ping: ReturnType<typeof setInterval> | null = null
      const upgradeHeaders: Record<string, string> = {}
      const finish = (info: StreamCloseInfo | null) => {
        if (done) return
        done = true
        if (ping) clearInterval(ping)
        if (current === conn) current = null
        socket.removeAllListeners()
        socket.on('error', () => {})
        socket.terminate()
        if (info) handlers.onClose(info)
      }
      socket.on('upgrade', (response) => {
        for (const [name, value] of Object.entries(response.headers)) {
          if (!/token|cookie/i.test(name) && typeof value === 'string') upgradeHeaders[name] = value
        }
      })
      socket.on('unexpected-response', (_request, response) => {
        const contentType = response.headers['content-type'] ?? null
        const reason = classifyHttpStatus(response.statusCode ?? 0, contentType)
        const status = response.statusCode ?? 0
        response.resume()
        const redirect = wsRedirectClose(status, response.headers.location, wsUrl(client.baseUrl))
        if (redirect) return finish(redirect)
        finish({
          reason,
          detail: `HTTP ${status} ${contentType ?? ''}`.trim(),
          status,
          wasOpen: false
        })
      })
      // The handshake is not authenticated: the stream counts as open, and subscribed, at the first frame after
      // subscribing (Dinky sends nothing to a session without a subscription).
      let confirmed = false
      let firstSubscription: TopicSet = EMPTY_TOPICS
      socket.on('open', () => {
        conn.open = true
        firstSubscription = subscribe(socket) ?? EMPTY_TOPICS
        ping = setInterval(() => socket.ping(), options.pingIntervalMs ?? heartbeatIntervalMs)
      })
      // Pongs prove the socket, not the subscription: an expired token leaves the socket answering pings while
      // Dinky sends nothing, so only data frames re-arm the watchdog. Pings are for proxies' idle timeouts.
      socket.on('message', (data, isBinary) => {
        // Dinky sends text only: a binary frame is neither data nor a sign of a live subscription.
        if (isBinary) return
        if (!confirmed) {
          confirmed = true
          handlers.onOpen({ status: 101, headers: upgradeHeaders, url: wsUrl(client.baseUrl) })
          if (done) return
          handlers.onSubscribed(firstSubscription)
        }
        handlers.onActivity()
        const result = normalizeWsFrame(data.toString(), wanted, client.serverUtcOffsetMs())
        if (!result.ok) {
          logger.warn('dropped a stream frame', {
            reason: 'malformed-response',
            detail: result.detail
          })
          return
        }
        for (const message of result.messages) {
          if (message.topic === 'JVM_INFO') handlers.onHeartbeat()
          handlers.onMessage(message)
        }
      })
      socket.on('close', (code) => finish(classifyWsClose(code, confirmed)))
      socket.on('error', (error) => finish(classifyWsError(error, confirmed, maxPayload)))
      return { close: () => finish(null) }
    }
  }
}
