/**
 * Dinky 1.2's `GlobalWebSocket`: an unauthenticated handshake, then each text frame `{token, topics}` replaces the
 * session's whole subscription, or silently drops it when the token is missing/invalid/expired or `topics` is
 * empty. After each accepted message `firstSend` pushes the current state; afterwards pushes are
 * `{sessionKey, topic, data:{<param>: payload}}` serialized with `NON_NULL` and epoch-ms times. No heartbeat.
 */

import { randomBytes } from 'node:crypto'
import type { WebSocket } from 'ws'
import type { StreamHub } from '../control'
import { processToWire, stringifyNonNull } from '../http/wire-process'
import type { SimState } from '../sim-state'
import { WS_TOPICS, WsClient, type WsTopic } from './ws-client'

export const NONE_PARAMS = 'none-params'

export class WsHub implements StreamHub {
  private readonly clients = new Set<WsClient>()

  constructor(private readonly state: SimState) {}

  /** Registers a socket after the (unauthenticated) handshake. */
  accept(socket: WebSocket): WsClient {
    const client = new WsClient(randomBytes(24).toString('base64url'), socket)
    this.clients.add(client)
    socket.on('message', (data, isBinary) => {
      if (!isBinary) this.onMessage(client, data.toString())
    })
    socket.on('close', () => this.clients.delete(client))
    socket.on('error', () => this.clients.delete(client))
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

  /** The 5 s `JVM_INFO` push to every JVM_INFO subscriber. */
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

  private onMessage(client: WsClient, text: string): void {
    let request: { token?: unknown; topics?: unknown }
    try {
      request = JSON.parse(text) as typeof request
    } catch {
      return
    }
    const topics = parseTopics(request?.topics)
    const valid = typeof request?.token === 'string' && this.state.tokens.check(request.token).ok
    if (!valid || topics.size === 0) {
      client.subscription = null
      return
    }
    client.subscription = topics
    this.firstSend(client)
  }

  /** `firstSend`: the current state of each subscribed topic, straight away. */
  private firstSend(client: WsClient): void {
    const send = (topic: WsTopic, data: Record<string, unknown>): void =>
      client.send(
        `{"sessionKey":${JSON.stringify(client.sessionKey)},"topic":"${topic}","data":${stringifyNonNull(data)}}`
      )
    for (const [topic, params] of client.subscription ?? []) {
      if (topic === 'JVM_INFO') send(topic, { [NONE_PARAMS]: this.state.world.jvm.current() })
      if (topic === 'PROCESS_CONSOLE') {
        const data: Record<string, unknown> = {}
        for (const name of params) {
          const process = this.state.world.console.get(name)
          if (process) data[name] = processToWire(process, 'epoch')
        }
        if (Object.keys(data).length > 0) send(topic, data)
      }
    }
  }
}

/** `topics` of a request: known enum names with string parameters; anything else is ignored. */
function parseTopics(raw: unknown): Map<WsTopic, Set<string>> {
  const topics = new Map<WsTopic, Set<string>>()
  if (typeof raw !== 'object' || raw === null) return topics
  for (const [name, params] of Object.entries(raw as Record<string, unknown>)) {
    if (!(WS_TOPICS as readonly string[]).includes(name)) continue
    topics.set(name as WsTopic, new Set(Array.isArray(params) ? params.map(String) : []))
  }
  return topics
}
