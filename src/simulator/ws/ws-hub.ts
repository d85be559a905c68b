/**
 * Dinky 1.2's `GlobalWebSocket` (`dinky-admin/.../ws/GlobalWebSocket.java`) in the dialect of the simulated version
 * (`ws-dialect.ts`): an unauthenticated handshake (or, from 1.2.2, the path token checked at open), then each text
 * frame replaces the session's whole subscription, or silently drops it when the token is missing/invalid/expired
 * or `topics` is empty. After each accepted message `firstSend` pushes the current state; afterwards pushes are
 * `{sessionKey, topic, data:{<param>: payload}}` serialized with `NON_NULL` and epoch-ms times. No heartbeat topic;
 * from the 1.2.0 release a `{type:"PING"}` is answered `{"sessionKey","type":"PONG"}`. `firstSend` sends the current
 * state of every subscribed topic to every session subscribed to it, not only to the one that just subscribed
 * (1.2.0: `firstSend()` → `sendTopic(topic, allParams, …)` over `TOPICS`).
 */

import { randomBytes } from 'node:crypto'
import type { WebSocket } from 'ws'
import type { StreamHub } from '../control'
import { processToWire, stringifyNonNull } from '../http/wire-process'
import type { SimState } from '../sim-state'
import { WS_TOPICS, WsClient, type WsTopic } from './ws-client'
import type { WsDialect } from './ws-dialect'
import { firstRunningTasks } from './task-run-push'

export const NONE_PARAMS = 'none-params'

export class WsHub implements StreamHub {
  private readonly clients = new Set<WsClient>()
  private subscribes = 0

  constructor(
    private readonly state: SimState,
    readonly dialect: WsDialect
  ) {}

  /**
   * Registers a socket after the handshake. On the path-token endpoint `onOpen` checks the token and closes the
   * session at once when it is not a login's (`onClose(session)` → `session.close()`: code 1000, no reason).
   */
  accept(socket: WebSocket, pathToken: string | null = null): WsClient | null {
    if (this.dialect.pathToken && !this.state.tokens.check(pathToken ?? undefined).ok) {
      socket.close(1000)
      return null
    }
    const client = new WsClient(randomBytes(24).toString('base64url'), socket)
    this.clients.add(client)
    const idle = this.idleTimer(client)
    client.onWrite = () => idle.touch()
    socket.on('message', (data, isBinary) => {
      idle.touch()
      if (!isBinary) this.onMessage(client, data.toString())
    })
    const forget = () => {
      idle.stop()
      this.clients.delete(client)
    }
    socket.on('close', forget)
    socket.on('error', forget)
    return client
  }

  /** Pushes `data` (a map keyed by parameter) to every client subscribed to `topic` with one of those keys. */
  push(topic: WsTopic, data: Record<string, unknown>): void {
    const keys = Object.keys(data)
    let payload: string | null = null
    for (const client of this.clients) {
      if (!keys.some((key) => client.subscribes(topic, key === NONE_PARAMS ? undefined : key)))
        continue
      payload ??= stringifyNonNull(data)
      client.send(
        `{"sessionKey":${JSON.stringify(client.sessionKey)},"topic":"${topic}","data":${payload}}`
      )
    }
  }

  /** Pushes `data` to every subscriber of `topic` whatever their parameters (Dinky's `sendTopic(topic, params, …)`). */
  pushAll(topic: WsTopic, data: Record<string, unknown>): void {
    const payload = stringifyNonNull(data)
    for (const client of this.clients) {
      if (!client.subscribes(topic)) continue
      client.send(
        `{"sessionKey":${JSON.stringify(client.sessionKey)},"topic":"${topic}","data":${payload}}`
      )
    }
  }

  /** The periodic `JVM_INFO` push to every JVM_INFO subscriber. */
  pushJvm(): void {
    if ([...this.clients].some((client) => client.subscribes('JVM_INFO'))) {
      this.push('JVM_INFO', { [NONE_PARAMS]: this.state.world.jvm.sample() })
    }
  }

  hasSubscriber(topic: WsTopic, param: string): boolean {
    for (const client of this.clients) if (client.subscribes(topic, param)) return true
    return false
  }

  sessionCount(): number {
    return [...this.clients].filter((client) => client.subscription !== null).length
  }

  openStreamCount(): number {
    return [...this.clients].filter((client) => client.isOpen).length
  }

  async drained(): Promise<void> {
    await Promise.all([...this.clients].map((client) => client.drained()))
  }

  /**
   * Fault: Dinky's `GlobalWebSocket.onError` (a failed send) removes the session from `TOPICS` but leaves the socket
   * open, so PING is still answered while nothing else ever arrives.
   */
  dropSubscriptions(): void {
    for (const client of this.clients) {
      client.subscription = null
      client.unknownTopic = false
    }
  }

  subscribeCount(): number {
    return this.subscribes
  }

  dropStreams(): void {
    for (const client of this.clients) client.socket.terminate()
  }

  stallStreams(): void {
    for (const client of this.clients) client.stalled = true
  }

  closeAll(): void {
    this.dropStreams()
    this.clients.clear()
  }

  /**
   * `session.setMaxIdleTimeout(30000)` (1.2.1+). Undertow's idle timeout counts reads and the server's own writes
   * (`onWrite`), and closes the channel without a close frame: the client sees 1006. So a socket fed JVM_INFO is
   * never cut; one whose subscription is gone and that does not ping is.
   */
  private idleTimer(client: WsClient): { touch(): void; stop(): void } {
    const ms = this.dialect.idleTimeoutMs
    const { timers } = this.state
    let handle: ReturnType<typeof timers.timeout> | null = null
    const touch = (): void => {
      if (ms === null) return
      if (handle) timers.clear(handle)
      handle = timers.timeout(() => client.socket.terminate(), ms)
    }
    touch()
    return {
      touch,
      stop: () => {
        if (handle) timers.clear(handle)
        handle = null
      }
    }
  }

  private onMessage(client: WsClient, text: string): void {
    let request: { token?: unknown; topics?: unknown; type?: unknown }
    try {
      request = JSON.parse(text) as typeof request
    } catch {
      return
    }
    const { dialect } = this
    const valid =
      dialect.pathToken ||
      (typeof request?.token === 'string' && this.state.tokens.check(request.token).ok)
    if (!valid) {
      client.subscription = null
      client.unknownTopic = false
      return
    }
    if (dialect.pingPong && request?.type === 'PING') {
      client.send(`{"sessionKey":${JSON.stringify(client.sessionKey)},"type":"PONG"}`)
      return
    }
    const { topics, unknown } = parseTopics(request?.topics, dialect)
    if (topics.size === 0 && !unknown) {
      client.subscription = null
      client.unknownTopic = false
      return
    }
    client.subscription = topics
    client.unknownTopic = unknown
    this.subscribes += 1
    // An enum name this version lacks is read as a null key (`READ_UNKNOWN_ENUM_VALUES_AS_NULL`): the subscription is
    // stored, but `firstSend` dies on `topic.getInstance()` of that null key (first in the HashMap), so while any
    // session holds one nothing is sent straight away to anyone.
    if (![...this.clients].some((other) => other.unknownTopic)) this.firstSend()
  }

  /**
   * `firstSend`: the current state of each topic anyone subscribed, computed for the union of every session's
   * parameters and sent to every session subscribed to that topic. The release (1.2.0) sends a topic's empty map
   * too (`data: {}` for METRICS and PRINT_TABLE); the path-token socket only non-empty ones.
   */
  private firstSend(): void {
    const wanted = new Map<WsTopic, Set<string>>()
    for (const client of this.clients)
      for (const [topic, params] of client.subscription ?? []) {
        const union = wanted.get(topic) ?? new Set<string>()
        params.forEach((param) => union.add(param))
        wanted.set(topic, union)
      }
    for (const [topic, params] of wanted) {
      const data = this.firstData(topic, params)
      if (Object.keys(data).length === 0 && this.dialect.pathToken) continue
      this.pushAll(topic, data)
    }
  }

  private firstData(topic: WsTopic, params: Set<string>): Record<string, unknown> {
    if (topic === 'JVM_INFO') return { [NONE_PARAMS]: this.state.world.jvm.current() }
    if (topic === 'TASK_RUN_INSTANCE') return firstRunningTasks(this.state.world)
    const data: Record<string, unknown> = {}
    if (topic !== 'PROCESS_CONSOLE') return data
    for (const name of params) {
      const process = this.state.world.console.get(name)
      if (process) data[name] = processToWire(process, 'epoch', true)
    }
    return data
  }
}

/** `topics` of a request: known enum names with string parameters; `unknown` when a name is not in this version. */
function parseTopics(
  raw: unknown,
  dialect: WsDialect
): { topics: Map<WsTopic, Set<string>>; unknown: boolean } {
  const topics = new Map<WsTopic, Set<string>>()
  let unknown = false
  if (typeof raw !== 'object' || raw === null) return { topics, unknown }
  for (const [name, params] of Object.entries(raw as Record<string, unknown>)) {
    const known =
      (WS_TOPICS as readonly string[]).includes(name) &&
      (name !== 'TASK_RUN_INSTANCE' || dialect.taskRunInstance)
    if (!known) {
      unknown = true
      continue
    }
    topics.set(name as WsTopic, new Set(Array.isArray(params) ? params.map(String) : []))
  }
  return { topics, unknown }
}
