/**
 * One `/api/ws/global` connection: its Undertow-like session id, its subscription (topic enum name → parameters,
 * or none), and a send queue that knows when the socket has taken what was written, so the firehose can respect
 * backpressure. A stalled client keeps its socket but is written nothing more.
 */

import type { WebSocket } from 'ws'

export const WS_TOPICS = [
  'JVM_INFO',
  'PROCESS_CONSOLE',
  'PRINT_TABLE',
  'METRICS',
  'TASK_RUN_INSTANCE'
] as const
export type WsTopic = (typeof WS_TOPICS)[number]

/** Sends in flight beyond which `drained()` waits. */
const HIGH_WATER = 8

export class WsClient {
  subscription: Map<WsTopic, Set<string>> | null = null
  /** The last subscription named a topic this version lacks (Dinky stores it as a null key). */
  unknownTopic = false
  stalled = false
  /** Called on every frame written: Undertow's idle timeout counts the server's own writes. */
  onWrite: (() => void) | null = null
  private inFlight = 0
  private waiters: Array<() => void> = []

  constructor(
    readonly sessionKey: string,
    readonly socket: WebSocket
  ) {
    socket.on('close', () => this.release())
  }

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN
  }

  subscribes(topic: WsTopic, param?: string): boolean {
    const params = this.subscription?.get(topic)
    return params !== undefined && (param === undefined || params.has(param))
  }

  send(text: string): void {
    if (this.stalled || !this.isOpen) return
    this.onWrite?.()
    this.inFlight += 1
    this.socket.send(text, () => {
      this.inFlight -= 1
      if (this.inFlight <= HIGH_WATER / 2) this.release()
    })
  }

  drained(): Promise<void> {
    if (this.inFlight <= HIGH_WATER || !this.isOpen) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  private release(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const waiter of waiters) waiter()
  }
}
