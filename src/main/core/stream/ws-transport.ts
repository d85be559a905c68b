/**
 * The WebSocket transport of Dinky 1.2: one global socket carries every topic. Which socket a server has is probed,
 * not looked up (`ws-endpoints.ts`): `/api/ws/global/{token}` and `/api/ws/global` in the order the version
 * suggests, a 404 moving on to the other, and what answered remembered per server version. After every open it
 * sends the wanted set with `JVM_INFO` always subscribed (its pushes, every 5 s or 3 s, are the heartbeat) and
 * `TASK_RUN_INSTANCE` where the server has it. Where the server answers `PING` (always on the path-token socket; on
 * the other once it answered the PING sent before the first subscription) the console pings it, which also keeps
 * Dinky's 30 s idle timeout and proxies at bay; elsewhere protocol pings keep proxies from cutting an idle socket.
 * Expired tokens: the path-token socket is closed with 1000 right after it opens; the other shape drops the
 * subscription without a word, which the watchdog notices and `explainWsSilence` explains by asking REST.
 */
import { trustedCaCertificates } from '../dinky/trusted-cas'
import WebSocket from 'ws'
import { classifyHttpStatus } from '../dinky/classify'
import type { DinkyClient } from '../dinky/types'
import type { Logger } from '../ports'
import { normalizeWsFrame } from './normalize-message'
import { classifyWsClose, classifyWsError, DEFAULT_MAX_EVENT_BYTES } from './stream-limits'
import { wsRedirectClose } from './stream-limits'
import type { StreamCloseInfo, StreamHandlers, StreamTransport, TopicSet } from './transport'
import { EMPTY_TOPICS } from './transport'
import { describeWsUrl, WsEndpointMemory, wsUrlFor, type WsEndpoint } from './ws-endpoints'
import { toWsPing, toWsSubscription } from './ws-messages'
import { explainWsSilence } from './stream-auth-check'
import { WsSubscription } from './ws-subscription'
import { watchTopicLife, type TopicLife } from './topic-life'

export const WS_HEARTBEAT_MS = 5_000

export interface WsTransportOptions {
  client: DinkyClient
  logger: Logger
  /** Dinky's JVM_INFO period; the watchdog defaults to 3 × this. */
  heartbeatIntervalMs?: number
  /** Ping period (PING messages, or protocol pings); default the heartbeat interval. */
  pingIntervalMs?: number
  /** What this server's versions were seen to speak; keep one per session so reconnects skip the probe. */
  endpoints?: WsEndpointMemory
  /** The server's version as last probed: orders the endpoint probe and keys the memory. */
  serverVersion?: () => string | null
  /** Largest message (all fragments together) accepted; larger closes with 1009 (`event-too-large`). */
  maxEventBytes?: number
  /**
   * Silence of the subscribed topics (PONGs do not count) after which the subscription is sent again, and after
   * another such silence the connection ends (`topic-life.ts`); default 3 × the heartbeat interval.
   */
  topicSilenceMs?: number
}

/** Dinky's `onOpen` refusing the token of `/api/ws/global/{token}`: `session.close()`, code 1000, before any frame. */
const PATH_TOKEN_REFUSED: StreamCloseInfo = {
  reason: 'token-expired',
  detail: 'the server closed the socket at open (1000): it refused the token in the path',
  wasOpen: false
}

/** The socket of one connection: its endpoint, whether the server answers PING, the subscription's state. */
interface WsConn {
  socket: WebSocket
  endpoint: WsEndpoint
  open: boolean
  /** The server answers PING (path-token, or it answered one): ping it, and subscribe TASK_RUN_INSTANCE. */
  pongs: boolean
  /** When the wanted set goes out on this socket (changes coalesced), and which set the server took. */
  subscription: WsSubscription
}

/** Why one transport for everything: Dinky 1.2 has a single global socket; JVM_INFO rides on it. */
export function createWsTransport(options: WsTransportOptions): StreamTransport {
  const { client } = options
  const logger = options.logger.child('ws')
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? WS_HEARTBEAT_MS
  const maxPayload = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES
  const endpoints = options.endpoints ?? new WsEndpointMemory()
  const version = () => options.serverVersion?.() ?? null
  let topics: TopicSet = EMPTY_TOPICS
  /** The socket whose subscription follows `setTopics`; `open` once the handshake is done. */
  let current: WsConn | null = null

  /** The token a message carries: none on the path-token socket. Null when there is no login. */
  const messageToken = (conn: WsConn): string | null | undefined => {
    if (conn.endpoint === 'path-token') return null
    return client.streamAuth()?.tokenValue
  }
  /** Sends the wanted set; returns what was sent, or null when nothing could be. */
  const subscribe = (conn: WsConn): TopicSet | null => {
    const token = messageToken(conn)
    if (token === undefined || conn.socket.readyState !== WebSocket.OPEN) return null
    conn.socket.send(JSON.stringify(toWsSubscription(token, topics, { taskRuns: conn.pongs })))
    return topics
  }
  const ping = (conn: WsConn): void => {
    const token = messageToken(conn)
    if (token !== undefined && conn.socket.readyState === WebSocket.OPEN)
      conn.socket.send(JSON.stringify(toWsPing(token)))
  }
  const wanted = (topic: string, param: string) =>
    (topic === 'PROCESS_CONSOLE' && topics.processes.includes(param)) ||
    (topic === 'METRICS' && topics.metrics.includes(param)) ||
    (topic === 'PRINT_TABLE' && topics.printTables.includes(param))

  /**
   * One connection: tries the endpoints in order, moving on only when the upgrade was answered 404 (no endpoint at
   * that path), so every other failure is the supervisor's to classify and retry.
   */
  function connect(handlers: StreamHandlers) {
    const order = endpoints.order(version())
    const remembered = endpoints.traits(version())
    let cancel: (() => void) | null = null
    let cancelled = false
    const attempt = (index: number): void => {
      const endpoint = order[index]
      cancel = openSocket(endpoint, handlers, (refused) => {
        if (cancelled) return
        if (refused.status === 404 && index + 1 < order.length) {
          if (remembered?.endpoint === endpoint) endpoints.forget(version())
          logger.info('no WebSocket at this path; trying the other shape', {
            url: describeWsUrl(client.baseUrl, endpoint)
          })
          return attempt(index + 1)
        }
        handlers.onClose(refused)
      })
    }
    attempt(0)
    return {
      close: () => {
        cancelled = true
        cancel?.()
      }
    }
  }

  /** Opens one socket at `endpoint`; a refused upgrade goes to `onRefused`, every other end to `onClose`. */
  function openSocket(
    endpoint: WsEndpoint,
    handlers: StreamHandlers,
    onRefused: (info: StreamCloseInfo) => void
  ): () => void {
    const ca = client.extraCaPem ? [...trustedCaCertificates(), client.extraCaPem] : undefined
    const token = client.streamAuth()?.tokenValue ?? null
    const url = describeWsUrl(client.baseUrl, endpoint)
    const open = client.webSocket ?? ((at, init) => new WebSocket(at, init))
    const socket = open(wsUrlFor(client.baseUrl, endpoint, token), {
      ca,
      handshakeTimeout: 15_000,
      maxPayload,
      followRedirects: false
    })
    const knownPong = endpoints.traits(version())?.pong === true
    const conn: WsConn = {
      socket,
      endpoint,
      open: false,
      pongs: endpoint === 'path-token' || knownPong,
      subscription: new WsSubscription({ send: () => subscribe(conn) })
    }
    current = conn
    let done = false
    let pinger: ReturnType<typeof setInterval> | null = null
    let life: TopicLife | null = null
    const upgradeHeaders: Record<string, string> = {}
    const finish = (info: StreamCloseInfo | null, refused = false) => {
      if (done) return
      done = true
      if (pinger) clearInterval(pinger)
      life?.stop()
      conn.subscription.stop()
      if (current === conn) current = null
      socket.removeAllListeners()
      socket.on('error', () => {})
      socket.terminate()
      if (info && refused) onRefused(info)
      else if (info) handlers.onClose(info)
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
      const redirect = wsRedirectClose(status, response.headers.location, url)
      if (redirect) return finish(redirect)
      finish(
        { reason, detail: `HTTP ${status} ${contentType ?? ''}`.trim(), status, wasOpen: false },
        true
      )
    })
    // The subscription counts as taken, and the stream as open, at the first topic frame after subscribing (Dinky
    // sends nothing to a session without a subscription; a PONG answers the PING, not the subscription).
    let confirmed = false
    socket.on('open', () => {
      conn.open = true
      // A message-token server not yet known to answer PING is asked once, before the subscription: a server
      // older than the 1.2.0 release (its SNAPSHOT) reads it as an empty subscription, harmless while it holds none.
      if (!conn.pongs && endpoint === 'message-token') ping(conn)
      conn.subscription.now()
      pinger = setInterval(
        () => (conn.pongs ? ping(conn) : socket.ping()),
        options.pingIntervalMs ?? heartbeatIntervalMs
      )
      life = watchTopicLife({
        silenceMs: options.topicSilenceMs ?? 3 * heartbeatIntervalMs,
        logger,
        resubscribe: () => void conn.subscription.now(),
        // Explained when it can be (an expired token), as the watchdog's silence is.
        dead: (detail) =>
          void explainWsSilence(client).then((info) =>
            finish(info ?? { reason: 'heartbeat-lost', detail, wasOpen: confirmed })
          )
      })
    })
    // Protocol pongs prove the socket, not the subscription: only frames re-arm the watchdog. A PONG does, as
    // Dinky checks the token before answering a PING on the message-token socket and at open on the other.
    socket.on('message', (data, isBinary) => {
      // Dinky sends text only: a binary frame is neither data nor a sign of a live subscription.
      if (isBinary) return
      handlers.onActivity()
      const result = normalizeWsFrame(data.toString(), wanted, client.serverUtcOffsetMs())
      if (!result.ok) {
        logger.warn('dropped a stream frame', {
          reason: 'malformed-response',
          detail: result.detail
        })
        return
      }
      // Any frame but a PONG went to a session the server holds subscribed: the topics are alive.
      if (
        result.messages.some((message) => message.topic !== 'PONG') ||
        result.messages.length === 0
      )
        life?.touch()
      for (const message of result.messages) {
        if (message.topic === 'PONG') {
          onPong(conn)
          handlers.onHeartbeat()
          handlers.onMessage(message)
          if (done) return
          continue
        }
        if (!confirmed) {
          confirmed = true
          endpoints.remember(version(), endpoint)
          handlers.onOpen({ status: 101, headers: upgradeHeaders, url })
          if (done) return
          handlers.onSubscribed(conn.subscription.taken() ?? EMPTY_TOPICS)
        } else {
          // A later subscription (topics changed, a resubscribe): what it added is the server's from here on.
          const taken = conn.subscription.taken()
          if (taken) handlers.onSubscribed(taken)
          if (done) return
        }
        if (message.topic === 'JVM_INFO') handlers.onHeartbeat()
        handlers.onMessage(message)
        if (done) return
      }
    })
    socket.on('close', (code) => {
      if (!confirmed && code === 1000 && endpoint === 'path-token')
        return finish(PATH_TOKEN_REFUSED)
      finish(classifyWsClose(code, confirmed))
    })
    socket.on('error', (error) => finish(classifyWsError(error, confirmed, maxPayload)))
    return () => finish(null)
  }

  /** The first PONG from a message-token server: remember it, and subscribe again now with TASK_RUN_INSTANCE. */
  function onPong(conn: WsConn): void {
    endpoints.rememberPong(version(), conn.endpoint)
    if (conn.pongs) return
    conn.pongs = true
    conn.subscription.now()
  }

  return {
    kind: 'ws',
    stream: 'topics',
    heartbeatIntervalMs,
    topics: () => topics,
    setTopics(next) {
      topics = next
      if (current?.open) current.subscription.changed()
    },
    diagnoseSilence: () => explainWsSilence(client),
    connect
  }
}
