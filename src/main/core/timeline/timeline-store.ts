/**
 * A server's timeline events in memory and in its cache document: ids handed out, events kept in time order,
 * bounded by count (at every change) and by age (at every prune), every change written through the module cache
 * (at most one write per `persistDelayMs`, default 10 s, besides the store's own coalescing: a timeline is the
 * largest document of a server and a checkpoint streak grows at every sweep; `flush()` writes at once). The "console alive" stamp, renewed every half minute, goes to
 * a document of its own when there is one (`timeline-alive.json`): rewriting a 5,000-event timeline (1.2 MB) for a
 * stamp every 30 s would cost each server some 3 GB of disk writes a day. Listeners hear a new event, and an event again, under the
 * same id, when it grows (a checkpoint-failure streak's `until`, a gap that closes).
 */
import type { TimelineEvent, TimelineQuery, TimelineSettings } from '../../../shared/timeline'
import type { ModuleCache } from '../cache/module-cache'
import type { Clock, Logger, TimerHandle } from '../ports'
import type { TimelineRecord } from './timeline-api'
import {
  boundEvent,
  eventEnd,
  parseTimelineDocument,
  TIMELINE_VERSION,
  type TimelineDocument
} from './timeline-document'

const DAY_MS = 86_400_000
const DEFAULT_LIMIT = 500

type Listener = (event: TimelineEvent) => void

export class TimelineStore {
  private readonly events: TimelineEvent[]
  private seq: number
  private alive: number | null
  private readonly listeners = new Set<Listener>()
  private persistTimer: TimerHandle | null = null

  constructor(
    private readonly options: {
      profileId: string
      file: ModuleCache | null
      /** The small document the alive stamp is written to; without it the stamp goes with the events. */
      aliveFile?: ModuleCache | null
      settings: () => TimelineSettings
      logger: Logger
      clock: Clock
      persistDelayMs?: number
    }
  ) {
    const raw = options.file?.read() ?? null
    const { document, problem } = parseTimelineDocument(raw, options.settings().maxEvents)
    // Once per load: a damaged file costs its bad events, never the rest of the cache.
    if (problem) options.logger.warn('timeline cache read back with problems', { problem })
    this.events = document.events
    this.seq = document.seq
    this.alive = latest(document.aliveAt, aliveOf(options.aliveFile?.read()))
  }

  /** The stored "console was running" stamp (read once at start for the console-closed gap). */
  get aliveAt(): number | null {
    return this.alive
  }

  stampAlive(at: number): void {
    this.alive = at
    const { aliveFile } = this.options
    if (aliveFile) aliveFile.write({ version: TIMELINE_VERSION, aliveAt: at })
    else this.persist()
  }

  add(record: TimelineRecord): TimelineEvent {
    const event = boundEvent({
      ...record,
      id: `${record.at}-${++this.seq}`,
      profileId: this.options.profileId
    } as TimelineEvent)
    let index = this.events.length
    while (index > 0 && this.events[index - 1].at > event.at) index--
    this.events.splice(index, 0, event)
    const { maxEvents } = this.options.settings()
    if (this.events.length > maxEvents) this.events.splice(0, this.events.length - maxEvents)
    this.persist()
    this.notify(event)
    return event
  }

  /** Replaces a kept event (same id and time); a no-op when it has been pruned meanwhile. */
  update<E extends TimelineEvent>(event: E): E {
    const bounded = boundEvent(event)
    for (let i = this.events.length - 1; i >= 0; i--) {
      if (this.events[i].id !== event.id) continue
      this.events[i] = bounded
      this.persist()
      this.notify(bounded)
      break
    }
    return bounded
  }

  /** Forgets every event (the cache was cleared); the alive stamp is renewed so the next start measures from now. */
  clear(now: number): void {
    this.events.splice(0, this.events.length)
    this.stampAlive(now)
    this.persist()
    this.flush()
  }

  /** Open gaps from a run that ended without closing them (a kill). */
  openGaps(): Array<Extract<TimelineEvent, { kind: 'gap' }>> {
    return this.events.filter(
      (event): event is Extract<TimelineEvent, { kind: 'gap' }> =>
        event.kind === 'gap' && event.until === null
    )
  }

  /** Drops what is older than the age bound (by its end, so a long gap that reaches into the bound stays). */
  prune(now: number): void {
    const oldest = now - this.options.settings().maxAgeDays * DAY_MS
    let drop = 0
    while (drop < this.events.length && eventEnd(this.events[drop]) < oldest) drop++
    if (drop === 0) return
    this.events.splice(0, drop)
    this.persist()
  }

  /** Newest first; a job's events include the server's gaps (drawn across every job's timeline). */
  query(query: TimelineQuery = {}): TimelineEvent[] {
    const limit = Math.max(0, Math.min(query.limit ?? DEFAULT_LIMIT, this.events.length))
    const out: TimelineEvent[] = []
    for (let i = this.events.length - 1; i >= 0 && out.length < limit; i--) {
      const event = this.events[i]
      if (query.since !== undefined && eventEnd(event) < query.since) continue
      if (query.jobId !== undefined && event.jobId !== query.jobId && event.kind !== 'gap') continue
      out.push(event)
    }
    return out
  }

  /** Events whose time falls in [from, to), oldest first. */
  between(from: number, to: number): TimelineEvent[] {
    return this.events.filter((event) => event.at >= from && event.at < to)
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private notify(event: TimelineEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event)
      } catch (error) {
        this.options.logger.error('timeline listener failed', { error: String(error) })
      }
    }
  }

  /** Writes a pending change now (stop, clear). */
  flush(): void {
    if (this.persistTimer === null) return
    this.options.clock.clearTimeout(this.persistTimer)
    this.persistTimer = null
    this.write()
  }

  private persist(): void {
    if (!this.options.file || this.persistTimer !== null) return
    this.persistTimer = this.options.clock.setTimeout(() => {
      this.persistTimer = null
      this.write()
    }, this.options.persistDelayMs ?? 10_000)
  }

  private write(): void {
    if (!this.options.file) return
    const document: TimelineDocument = {
      version: TIMELINE_VERSION,
      aliveAt: this.alive,
      seq: this.seq,
      events: this.events.slice()
    }
    this.options.file.write(document as unknown as Record<string, unknown>)
  }
}

/** The alive stamp of `timeline-alive.json`, or null when it is absent or not a time. */
function aliveOf(raw: unknown): number | null {
  const at = (raw as { aliveAt?: unknown } | null)?.aliveAt
  return typeof at === 'number' && Number.isFinite(at) && at >= 0 ? at : null
}

function latest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b)
}
