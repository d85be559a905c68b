/**
 * Whether the topics a WebSocket session subscribed still arrive. A PONG proves the socket, not the subscription:
 * Dinky's `GlobalWebSocket.onError` (a failed send) removes the session's topics and leaves the socket open, and
 * PING is still answered. So the topics must show life themselves (JVM_INFO, always subscribed, comes every 3–5 s):
 * after `silenceMs` without a topic frame the subscription is sent again, once; still silent after another
 * `silenceMs`, the connection is given up, so the console never stays 'live' receiving nothing.
 */
import type { Logger } from '../ports'

export interface TopicLifeOptions {
  silenceMs: number
  logger: Logger
  /** Send the subscription again. */
  resubscribe(): void
  /** Still nothing after subscribing again: end the connection, with this detail. */
  dead(detail: string): void
  now?: () => number
}

export interface TopicLife {
  /** A topic frame arrived. */
  touch(): void
  stop(): void
}

/** Starts watching now; why one lazy timer: a busy socket delivers hundreds of frames a second. */
export function watchTopicLife(options: TopicLifeOptions): TopicLife {
  const now = options.now ?? Date.now
  let last = now()
  let resubscribed = false
  let timer: ReturnType<typeof setTimeout> | null = null
  const schedule = (ms: number) => {
    timer = setTimeout(check, Math.max(1, ms))
    timer.unref?.()
  }
  const check = () => {
    timer = null
    const silent = now() - last
    if (silent < options.silenceMs) return schedule(options.silenceMs - silent)
    if (!resubscribed) {
      resubscribed = true
      options.logger.warn('no topic frame while the socket answers; subscribing again', {
        reason: 'heartbeat-lost',
        silentForMs: silent
      })
      options.resubscribe()
      return schedule(options.silenceMs)
    }
    options.dead(
      `no topic frame for ${silent} ms, even after subscribing again: the server dropped the subscription`
    )
  }
  schedule(options.silenceMs)
  return {
    touch() {
      last = now()
      resubscribed = false
    },
    stop() {
      if (timer) clearTimeout(timer)
      timer = null
    }
  }
}
