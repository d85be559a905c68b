/**
 * The recorder of one `record` run: numbers exchanges, streams and sockets, stamps entries with the time since the
 * start, masks (its `SecretMask`), bounds frames per stream, and folds a request answered exactly as last time into
 * the earlier entry (its `times` and `count`), so a minute of polls costs one entry per distinct answer.
 */
import {
  MAX_FRAMES_PER_STREAM,
  MAX_TIMES,
  type HttpEntry,
  type RecordingEntry
} from './recording-format'
import { SecretMask } from './secret-mask'

/** Different answers kept per request; later ones are counted on the last kept (`laterAnswers`), not kept. */
const MAX_ANSWERS_PER_REQUEST = 6

/** Frames this short (heartbeats, PONGs, JVM figures) are always kept; only longer ones count against the cap. */
const SMALL_FRAME_CHARS = 600

export class Recorder {
  readonly mask = new SecretMask()
  readonly startedAt: number
  private readonly entries: RecordingEntry[] = []
  private nextId = 1
  /** The last entry of each request key, to fold an identical answer into. */
  private readonly lastByRequest = new Map<string, HttpEntry>()
  private readonly answersPerRequest = new Map<string, number>()
  private readonly framesPerStream = new Map<number, number>()
  private readonly counts: Record<string, number> = {}

  constructor(private readonly clock: () => number) {
    this.startedAt = clock()
  }

  /** Ms since the start. */
  t(): number {
    return this.clock() - this.startedAt
  }

  id(): number {
    return this.nextId++
  }

  private count(name: string): void {
    this.counts[name] = (this.counts[name] ?? 0) + 1
  }

  /** A finished exchange: a new entry, or one more time of the previous identical one. */
  http(entry: HttpEntry): void {
    this.count(entry.stream ? 'sse-streams' : 'http-exchanges')
    const request = JSON.stringify([
      entry.method,
      entry.path,
      entry.query,
      entry.auth,
      entry.requestBody
    ])
    const last = this.lastByRequest.get(request)
    if (!entry.stream && last && sameAnswer(last, entry)) {
      last.count = (last.count ?? 1) + 1
      last.times ??= [last.t]
      if (last.times.length < MAX_TIMES) last.times.push(entry.t)
      return
    }
    const answers = this.answersPerRequest.get(request) ?? 0
    if (!entry.stream && last && answers >= MAX_ANSWERS_PER_REQUEST) {
      last.laterAnswers = (last.laterAnswers ?? 0) + 1
      this.count('answers-dropped')
      return
    }
    this.answersPerRequest.set(request, answers + 1)
    this.lastByRequest.set(request, entry)
    this.entries.push(entry)
  }

  /** An SSE event or WS frame of stream/socket `owner`; false when it was dropped by the cap. */
  frame(owner: number, entry: RecordingEntry, size: number): boolean {
    const kept = this.framesPerStream.get(owner) ?? 0
    if (size > SMALL_FRAME_CHARS && kept >= MAX_FRAMES_PER_STREAM) {
      this.count('frames-dropped')
      return false
    }
    if (size > SMALL_FRAME_CHARS) this.framesPerStream.set(owner, kept + 1)
    this.count(entry.kind)
    this.entries.push(entry)
    return true
  }

  other(entry: RecordingEntry): void {
    this.count(entry.kind)
    this.entries.push(entry)
  }

  /** Everything so far, in order of time (stable: same-time entries keep their order of arrival). */
  result(): { entries: RecordingEntry[]; counts: Record<string, number> } {
    const entries = this.entries.map((entry, index) => ({ entry, index }))
    entries.sort((a, b) => a.entry.t - b.entry.t || a.index - b.index)
    return { entries: entries.map(({ entry }) => entry), counts: { ...this.counts } }
  }
}

function sameAnswer(a: HttpEntry, b: HttpEntry): boolean {
  return (
    a.status === b.status &&
    a.error === b.error &&
    JSON.stringify(a.headers) === JSON.stringify(b.headers) &&
    JSON.stringify(timeless(a.body)) === JSON.stringify(timeless(b.body))
  )
}

/** Dinky's envelope carries the server's now (`time`), different every second: not a different answer. */
function timeless(body: HttpEntry['body']): unknown {
  if (!body || !('json' in body)) return body
  const json = body.json
  if (!json || typeof json !== 'object' || Array.isArray(json) || !('time' in json)) return json
  return { ...json, time: null }
}
