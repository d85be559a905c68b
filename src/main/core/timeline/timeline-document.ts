/**
 * The on-disk form of a server's timeline (`<profile>/timeline.json`): its events (oldest first), the id counter and
 * the `aliveAt` stamp the next start measures the console-closed gap from. Read back through a schema: the file is
 * ours, but anything may have written it, so an event that does not check is dropped (and counted), a text is cut
 * to its bound, and a list longer than the bound is cut before anything is checked.
 */
import { z } from 'zod'
import { JOB_STATUSES } from '../../../shared/models'
import type { TimelineEvent } from '../../../shared/timeline'

export const TIMELINE_MODULE = 'timeline'
/** The alive stamp's own small document (`timeline-alive.json`), rewritten every half minute. */
export const TIMELINE_ALIVE_MODULE = 'timeline-alive'
export const TIMELINE_VERSION = 1

/** Server text kept per field: a message is a line or two for a person, never a stack trace. */
export const TEXT_LIMITS = { name: 200, message: 1_000, path: 1_000, rule: 200, detail: 1_000 }

export interface TimelineDocument {
  version: typeof TIMELINE_VERSION
  /**
   * Last moment the console was known to be running (epoch ms) when the events were written; null before the first
   * stamp. The stamp renewed between writes is in `timeline-alive.json`; the later of the two counts.
   */
  aliveAt: number | null
  /** Last id number handed out, so ids stay unique across restarts. */
  seq: number
  events: TimelineEvent[]
}

export function emptyTimelineDocument(): TimelineDocument {
  return { version: TIMELINE_VERSION, aliveAt: null, seq: 0, events: [] }
}

/** `text` cut to `max` characters (a cut one ends with ` …`), so no event grows with what the server sent. */
export function cutText(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) + ' …' : text
}

/** When an event stops mattering: a gap or a streak at its end (an open gap never), anything else at its time. */
export function eventEnd(event: TimelineEvent): number {
  if (event.kind === 'gap') return event.until ?? Number.POSITIVE_INFINITY
  if (event.kind === 'checkpoint-failures') return event.until
  return event.at
}

const cutNullable = (text: string | null, max: number) =>
  text === null ? null : cutText(text, max)

/** An event with every server text cut to its bound: applied when recorded and when read back. */
export function boundEvent<E extends TimelineEvent>(event: E): E {
  const out = { ...event, jobName: cutNullable(event.jobName, TEXT_LIMITS.name) }
  switch (out.kind) {
    case 'checkpoint-failures':
      return { ...out, message: cutNullable(out.message, TEXT_LIMITS.message) }
    case 'savepoint':
      return { ...out, path: cutNullable(out.path, TEXT_LIMITS.path) }
    case 'alert':
      return {
        ...out,
        rule: cutText(out.rule, TEXT_LIMITS.rule),
        detail: cutText(out.detail, TEXT_LIMITS.detail)
      }
    case 'action':
      return { ...out, message: cutText(out.message, TEXT_LIMITS.message) }
    default:
      return out
  }
}

const time = z.number().finite().nonnegative()
const count = z.number().int().nonnegative()
const id = z.number().int().nullable()
const status = z.enum(JOB_STATUSES)
const common = {
  id: z.string().min(1).max(40),
  at: time,
  profileId: z.string().max(2_000),
  jobId: id,
  taskId: id,
  jobName: z.string().nullable()
}

const eventSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('status'), from: status.nullable(), to: status }),
  z.object({ ...common, kind: z.literal('restart'), count, total: count }),
  z.object({
    ...common,
    kind: z.literal('checkpoint-failures'),
    count,
    until: time,
    message: z.string().nullable()
  }),
  z.object({
    ...common,
    kind: z.literal('savepoint'),
    path: z.string().nullable(),
    checkpointId: z.number().int().nullable()
  }),
  z.object({
    ...common,
    kind: z.literal('alert'),
    state: z.enum(['firing', 'resolved', 'unknown', 'acknowledged', 'snoozed', 'repeat']),
    rule: z.string(),
    severity: z.enum(['critical', 'warning', 'info']),
    detail: z.string()
  }),
  z.object({
    ...common,
    kind: z.literal('action'),
    action: z.enum(['cancel', 'stop', 'restart', 'savepoint', 'restore']),
    ok: z.boolean(),
    message: z.string()
  }),
  z.object({
    ...common,
    kind: z.literal('gap'),
    reason: z.enum(['console-closed', 'offline', 'unreachable']),
    until: time.nullable()
  })
]) satisfies z.ZodType<TimelineEvent>

export interface ParsedTimeline {
  document: TimelineDocument
  /** What was wrong with the file, for one warning; null when it was clean (or absent). */
  problem: string | null
}

/**
 * Reads back what `ModuleCache.read()` gave. Never throws: a document that is not ours starts the timeline empty
 * (the problem says why), bad events are dropped one by one, and at most `maxEvents` of the newest are looked at.
 */
export function parseTimelineDocument(raw: unknown, maxEvents: number): ParsedTimeline {
  if (raw === null || raw === undefined) return { document: emptyTimelineDocument(), problem: null }
  const record =
    typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null
  if (!record || record.version !== TIMELINE_VERSION || !Array.isArray(record.events)) {
    return { document: emptyTimelineDocument(), problem: 'not a timeline document (version 1)' }
  }
  const list = record.events as unknown[]
  const candidates = list.length > maxEvents ? list.slice(list.length - maxEvents) : list
  const events: TimelineEvent[] = []
  const seen = new Set<string>()
  let dropped = 0
  for (const candidate of candidates) {
    const parsed = eventSchema.safeParse(candidate)
    if (!parsed.success || seen.has(parsed.data.id)) {
      dropped++
      continue
    }
    seen.add(parsed.data.id)
    events.push(boundEvent(parsed.data as TimelineEvent))
  }
  events.sort((a, b) => a.at - b.at)
  const aliveAt = time.safeParse(record.aliveAt)
  const seq = count.safeParse(record.seq)
  return {
    document: {
      version: TIMELINE_VERSION,
      aliveAt: aliveAt.success ? aliveAt.data : null,
      seq: seq.success ? seq.data : events.length,
      events
    },
    problem: dropped > 0 ? `${dropped} of ${candidates.length} events dropped (invalid)` : null
  }
}
