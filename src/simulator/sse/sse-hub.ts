/**
 * Dinky's `SseSessionContextHolder`: a map of client-chosen session keys to a topic set and an emitter.
 * Connecting registers a fresh, empty subscriber (replacing any earlier one with the same key without closing
 * its emitter), subscribe replaces the topic set, topics match by exact string, `HEART_BEAT` goes to every
 * session, and a session is removed when a send fails or its emitter completes (identity-checked).
 */

import type { ServerResponse } from 'node:http'
import type { TimerRegistry } from '../timer-registry'
import { SseEmitter } from './sse-emitter'

export const HEART_TOPIC = 'HEART_BEAT'
export const SESSION_INVALID = 'SESSION_INVALID'

interface Subscriber {
  topics: Set<string>
  emitter: SseEmitter
}

export interface SseHubOptions {
  emitterTimeoutMs: number
  heartbeatMs: number
  timers: TimerRegistry
}

export class SseHub {
  private readonly sessions = new Map<string, Subscriber>()
  private readonly emitters = new Set<SseEmitter>()
  private stopHeartbeat: (() => void) | null = null

  constructor(private readonly options: SseHubOptions) {}

  /** Starts the fixed-delay heartbeat; why separate: a fault control stops and resumes it. */
  startHeartbeat(): void {
    this.stopHeartbeat ??= this.options.timers.repeat(
      () => this.heartbeat(),
      this.options.heartbeatMs
    )
  }

  pauseHeartbeat(): void {
    this.stopHeartbeat?.()
    this.stopHeartbeat = null
  }

  get heartbeatRunning(): boolean {
    return this.stopHeartbeat !== null
  }

  /** `connectSession`: new emitter with the async timeout, empty topic set, then the `retry` frame. */
  connect(sessionKey: string, res: ServerResponse, topics: Iterable<string> = []): SseEmitter {
    const emitter = new SseEmitter(sessionKey, res)
    this.emitters.add(emitter)
    const timeout = this.options.timers.timeout(() => {
      emitter.complete()
      if (this.sessions.get(sessionKey)?.emitter === emitter) this.sessions.delete(sessionKey)
    }, this.options.emitterTimeoutMs)
    emitter.onClose(() => {
      this.options.timers.clear(timeout)
      this.emitters.delete(emitter)
    })
    this.sessions.set(sessionKey, { topics: new Set(topics), emitter })
    emitter.open()
    return emitter
  }

  /** Replaces the topic set; an unknown key answers `["SESSION_INVALID"]`. */
  subscribe(sessionKey: string, topics: readonly string[]): string[] {
    const subscriber = this.sessions.get(sessionKey)
    if (!subscriber) return [SESSION_INVALID]
    subscriber.topics = new Set(topics)
    return [...subscriber.topics]
  }

  /** `sendTopic`: every session holding exactly `topic` gets `{sessionKey, topic, data}`. */
  sendTopic(topic: string, data: unknown): void {
    let payload: string | null = null
    for (const [key, subscriber] of [...this.sessions]) {
      if (!subscriber.topics.has(topic)) continue
      payload ??= JSON.stringify(data)
      this.deliver(
        key,
        subscriber,
        `{"sessionKey":${JSON.stringify(key)},"topic":${JSON.stringify(topic)},"data":${payload}}`
      )
    }
  }

  heartbeat(): void {
    for (const [key, subscriber] of [...this.sessions]) {
      this.deliver(
        key,
        subscriber,
        JSON.stringify({ sessionKey: key, topic: HEART_TOPIC, data: 'heart' })
      )
    }
  }

  hasSubscriber(topic: string): boolean {
    for (const subscriber of this.sessions.values()) if (subscriber.topics.has(topic)) return true
    return false
  }

  hasSession(sessionKey: string): boolean {
    return this.sessions.has(sessionKey)
  }

  /** Resolves when every emitter that pushed back has drained: the firehose's backpressure. */
  async drained(): Promise<void> {
    await Promise.all([...this.emitters].map((emitter) => emitter.drained()))
  }

  sessionCount(): number {
    return this.sessions.size
  }

  openStreamCount(): number {
    return [...this.emitters].filter((emitter) => emitter.isOpen).length
  }

  /** Fault: every stream socket is torn down abruptly; sessions go at their next failed send, as in Spring. */
  dropStreams(): void {
    for (const emitter of [...this.emitters]) emitter.destroy()
  }

  /** Fault: open streams stay open but receive nothing more. */
  stallStreams(): void {
    for (const emitter of this.emitters) emitter.stalled = true
  }

  /** Fault: the session map is emptied (subscribe answers SESSION_INVALID); sockets stay as they are. */
  forgetSessions(): void {
    this.sessions.clear()
  }

  /** Shutdown and restart: every stream is cut and every session forgotten. */
  closeAll(): void {
    this.pauseHeartbeat()
    this.dropStreams()
    this.sessions.clear()
  }

  private deliver(key: string, subscriber: Subscriber, json: string): void {
    if (subscriber.emitter.send(json)) return
    // The I/O error completes the emitter; onCompletion removes the session only if it is still this one.
    if (this.sessions.get(key) === subscriber) this.sessions.delete(key)
  }
}
