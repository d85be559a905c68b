/**
 * The gaps of a timeline: periods the console could not see, drawn as gaps and never as calm (issue 22).
 * - `console-closed`: the document's `aliveAt` is stamped while the session runs (a timer on the injected clock, and
 *   at stop); at the next start a stamp older than the threshold is a gap from it to now. A stamp that comes far
 *   later than its timer asked (the machine slept, the process was stopped) is such a gap too: nothing ran.
 * - `offline` / `unreachable`: the `rest` stream left `live` (the core's one notion of live data) and failed; the
 *   gap opens where live data ended and closes when it is live again. A blip shorter than `minGapMs` is not
 *   recorded; a longer one is on the timeline with `until: null` while it lasts, so a kill cannot lose it.
 */
import type { ConnectionState } from '../../../shared/connection'
import type { GapReason, TimelineEvent } from '../../../shared/timeline'
import type { Clock, TimerHandle } from '../ports'
import type { TimelineStore } from './timeline-store'

type GapEvent = Extract<TimelineEvent, { kind: 'gap' }>

export interface GapTiming {
  /** How often `aliveAt` is stamped while the session runs. */
  aliveEveryMs: number
  /** A closed console shorter than this is no gap (a restart of the app, the stamp's own lag). */
  closedGapMs: number
  /** An offline/unreachable period shorter than this is no gap (a dropped poll that the next one retries). */
  minGapMs: number
}

export const DEFAULT_GAP_TIMING: GapTiming = {
  aliveEveryMs: 30_000,
  closedGapMs: 120_000,
  minGapMs: 30_000
}

interface OpenGap {
  at: number
  reason: GapReason
  /** Null until it lasted `minGapMs` and went on the timeline. */
  event: GapEvent | null
  timer: TimerHandle | null
}

export class TimelineGaps {
  private aliveTimer: TimerHandle | null = null
  private open: OpenGap | null = null
  private live = false
  /** Where live data ended (or the start, before the first live answer). */
  private blindSince: number | null = null
  private running = false

  constructor(
    private readonly store: TimelineStore,
    private readonly clock: Clock,
    private readonly timing: GapTiming,
    /** A gap ended while the session runs (live data again, or a wake-up): the timeline may owe an away summary. */
    private readonly onClosed: (gap: { at: number; until: number }) => void
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    const now = this.clock.now()
    const alive = this.store.aliveAt
    // A run that was killed left its gap open: it ended, at the latest, when the console was last alive.
    for (const gap of this.store.openGaps())
      this.store.update({ ...gap, until: Math.max(gap.at, alive ?? gap.at) })
    if (alive !== null && now - alive > this.timing.closedGapMs) this.closed(alive, now)
    this.store.prune(now)
    this.blindSince = now
    this.stamp()
  }

  stop(): void {
    if (!this.running) return
    this.running = false
    if (this.aliveTimer !== null) this.clock.clearTimeout(this.aliveTimer)
    this.aliveTimer = null
    this.close(this.clock.now(), false)
    this.store.stampAlive(this.clock.now())
  }

  /** The `rest` stream's state changed. */
  onRestState(state: ConnectionState): void {
    if (!this.running) return
    if (state.kind === 'live') {
      this.live = true
      this.blindSince = null
      this.close(state.since, true)
      return
    }
    if (this.live) {
      this.live = false
      this.blindSince = state.since
    }
    if (state.kind !== 'reconnecting' && state.kind !== 'offline' && state.kind !== 'auth-expired')
      return
    const reason: GapReason = state.kind === 'offline' ? 'offline' : 'unreachable'
    if (this.open) {
      // Offline explains the gap better than the failures it causes: the reason follows it once.
      if (reason === 'offline' && this.open.reason !== 'offline') {
        this.open.reason = reason
        if (this.open.event) this.open.event = this.store.update({ ...this.open.event, reason })
      }
      return
    }
    const at = this.blindSince ?? state.since
    const gap: OpenGap = { at, reason, event: null, timer: null }
    this.open = gap
    const wait = Math.max(0, at + this.timing.minGapMs - this.clock.now())
    gap.timer = this.clock.setTimeout(() => {
      gap.timer = null
      if (this.open === gap) gap.event = this.record(gap, null)
    }, wait)
  }

  private record(gap: OpenGap, until: number | null): GapEvent {
    return this.store.add({
      kind: 'gap',
      at: gap.at,
      jobId: null,
      taskId: null,
      jobName: null,
      reason: gap.reason,
      until
    }) as GapEvent
  }

  private close(until: number, returned: boolean): void {
    const gap = this.open
    if (!gap) return
    this.open = null
    if (gap.timer !== null) this.clock.clearTimeout(gap.timer)
    const end = Math.max(gap.at, until)
    if (gap.event) this.store.update({ ...gap.event, until: end })
    else if (end - gap.at >= this.timing.minGapMs) this.record(gap, end)
    else return
    if (returned) this.onClosed({ at: gap.at, until: end })
  }

  private stamp(): void {
    if (!this.running) return
    const stampedAt = this.clock.now()
    this.store.stampAlive(stampedAt)
    this.aliveTimer = this.clock.setTimeout(() => {
      this.aliveTimer = null
      const now = this.clock.now()
      if (now - stampedAt > this.timing.aliveEveryMs + this.timing.closedGapMs) {
        this.closed(stampedAt, now)
        this.onClosed({ at: stampedAt, until: now })
      }
      this.store.prune(now)
      this.stamp()
    }, this.timing.aliveEveryMs)
  }

  private closed(at: number, until: number): void {
    this.store.add({
      kind: 'gap',
      at,
      jobId: null,
      taskId: null,
      jobName: null,
      reason: 'console-closed',
      until
    })
  }
}
