/**
 * One WebSocket's subscription: when the wanted set is sent, and which set the server took. Dinky 1.2's SUBSCRIBE
 * replaces the session's whole set and answers every one with a full `firstSend` of each topic (up to tens of KB of
 * console log per process), so changes arriving together — a console following its processes one after another at
 * start, a metrics tab opening — are coalesced into one message with the whole set. Every set sent is reported as
 * taken at the first topic frame after it (the server handles a socket's messages in order), as the SSE
 * subscriber reports every answered `subscribeTopic`, so what a later subscription added is read over REST too.
 */
import type { TopicSet } from './transport'

/**
 * Quiet time after the last change before the set goes out. Why this long: opening a job reads its console, health
 * and metrics before the next one is opened, about 300 ms apart against a real 1.2.0 on loopback; a followed
 * process is read over REST at once, so the wait delays only its live lines.
 */
export const SUBSCRIBE_QUIET_MS = 400
/** Longest a change waits while changes keep coming. */
export const SUBSCRIBE_MAX_WAIT_MS = 1_500

export interface WsSubscriptionOptions {
  /** Sends the wanted set now; returns what was sent, or null when nothing could be. */
  send(): TopicSet | null
  quietMs?: number
  maxWaitMs?: number
}

export class WsSubscription {
  private timer: ReturnType<typeof setTimeout> | null = null
  /** When the oldest change not sent yet came. */
  private firstChangeAt = 0
  /** Sent and not yet answered by a topic frame. */
  private unconfirmed: TopicSet | null = null
  private stopped = false

  constructor(private readonly options: WsSubscriptionOptions) {}

  /** Sends the set now (the open, a PONG's upgrade, a resubscribe), taking any pending change with it. */
  now(): TopicSet | null {
    this.cancel()
    if (this.stopped) return null
    const sent = this.options.send()
    if (sent) this.unconfirmed = sent
    return sent
  }

  /** The wanted set changed: sent once changes pause (`quietMs`), and at most `maxWaitMs` after the first. */
  changed(): void {
    if (this.stopped) return
    const quietMs = this.options.quietMs ?? SUBSCRIBE_QUIET_MS
    const maxWaitMs = this.options.maxWaitMs ?? SUBSCRIBE_MAX_WAIT_MS
    const now = Date.now()
    if (this.timer) clearTimeout(this.timer)
    else this.firstChangeAt = now
    const delay = Math.max(0, Math.min(quietMs, this.firstChangeAt + maxWaitMs - now))
    this.timer = setTimeout(() => {
      this.timer = null
      this.now()
    }, delay)
  }

  /** A topic frame came: the set last sent is the server's now. Returns it once, then null until the next send. */
  taken(): TopicSet | null {
    const taken = this.unconfirmed
    this.unconfirmed = null
    return taken
  }

  stop(): void {
    this.stopped = true
    this.cancel()
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
