/**
 * What the diagnostics panel shows of one session: state history with reasons, heartbeat arrival and intervals
 * (bursts mean a buffering proxy), reconnects, event rate and the stream's response headers, and the findings:
 * each held until it is resolved (by its detector, or — for the address findings — by REST answering again).
 * Everything is bounded.
 */
import type { ConnectionState, StateChange, StreamName } from '../../../shared/connection'
import type { Diagnosis, DiagnosisCode } from '../../../shared/diagnosis'
import type { Diagnostics } from '../../../shared/session'
import type { StreamOpenInfo } from '../stream/transport'
import { RingBuffer } from './ring-buffer'

const SECRET_HEADER = /token|cookie|authorization|secret|password/i
const RATE_WINDOW_S = 10
/**
 * Findings about the address that a REST answer from Dinky disproves: Dinky is up behind the proxy (no error page)
 * and the address is Dinky's (it answered as Dinky).
 */
const RESOLVED_BY_REST: readonly DiagnosisCode[] = ['proxy-error-page', 'not-dinky']

export interface DiagnosticsRecorderOptions {
  now: () => number
  historyLimit?: number
  heartbeatLimit?: number
  /** The transport's idle heartbeat period; intervals far below it are a burst. */
  heartbeatIntervalMs?: number
}

/** Header values whose names suggest a secret are replaced, whatever the transport already removed. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const safe: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    safe[name.toLowerCase()] = SECRET_HEADER.test(name) ? '[redacted]' : value
  }
  return safe
}

export class DiagnosticsRecorder {
  private readonly history: RingBuffer<StateChange>
  private readonly intervals: RingBuffer<number>
  private opened = false
  private readonly eventBuckets = new Map<number, number>()
  private lastHeartbeatAt: number | null = null
  private reconnects = 0
  private headers: Record<string, string> | null = null
  private contentTypeOk: boolean | null = null
  /** The latest diagnosis per code and stream (a handful at most: the codes are a fixed list). */
  private readonly findings = new Map<string, Diagnosis>()
  heartbeatIntervalMs: number

  constructor(private readonly options: DiagnosticsRecorderOptions) {
    this.history = new RingBuffer(options.historyLimit ?? 200)
    this.intervals = new RingBuffer(options.heartbeatLimit ?? 20)
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 9_000
  }

  recordState(stream: StreamName, state: ConnectionState): void {
    this.history.push({ stream, state, at: this.options.now() })
  }

  recordFinding(diagnosis: Diagnosis): void {
    const key = `${diagnosis.code}:${diagnosis.stream}`
    this.findings.delete(key)
    this.findings.set(key, diagnosis)
  }

  /** Marks a held finding resolved, where it stands in the list; false when there was none held (not news). */
  resolveFinding(code: DiagnosisCode, stream: StreamName, at: number): boolean {
    const key = `${code}:${stream}`
    const finding = this.findings.get(key)
    if (!finding || finding.resolvedAt !== undefined) return false
    this.findings.set(key, { ...finding, resolvedAt: at })
    return true
  }

  /** The held findings a state disproves: REST live disproves the address findings. */
  disprovedBy(stream: StreamName, state: ConnectionState): Diagnosis[] {
    if (stream !== 'rest' || state.kind !== 'live') return []
    return [...this.findings.values()].filter(
      (finding) => finding.resolvedAt === undefined && RESOLVED_BY_REST.includes(finding.code)
    )
  }

  recordHeartbeat(at: number): void {
    if (this.lastHeartbeatAt !== null) this.intervals.push(at - this.lastHeartbeatAt)
    this.lastHeartbeatAt = at
  }

  recordEvent(at: number): void {
    const second = Math.floor(at / 1000)
    this.eventBuckets.set(second, (this.eventBuckets.get(second) ?? 0) + 1)
    for (const key of this.eventBuckets.keys()) {
      if (key <= second - RATE_WINDOW_S) this.eventBuckets.delete(key)
    }
  }

  /**
   * Every open of the event stream after its first is a reconnect. Why opens, not states: a stream that ended after
   * it had delivered data reconnects without ever leaving `live` (Dinky's emitter timeout, a proxy's idle cut).
   */
  recordOpen(kind: 'sse' | 'ws', info: StreamOpenInfo): void {
    if (this.opened) this.reconnects++
    this.opened = true
    this.headers = redactHeaders(info.headers)
    const contentType = this.headers['content-type'] ?? ''
    this.contentTypeOk = kind === 'ws' ? null : contentType.startsWith('text/event-stream')
  }

  /** Bursty: at least two recent intervals under a quarter of the expected period, e.g. nine 9 s beats in a second. */
  bursty(): boolean {
    const intervals = this.intervals.toArray()
    const short = intervals.filter((ms) => ms < this.heartbeatIntervalMs / 4).length
    return intervals.length >= 3 && short >= 2
  }

  snapshot(base: Pick<Diagnostics, 'profileId' | 'serverVersion' | 'transport'>): Diagnostics {
    const second = Math.floor(this.options.now() / 1000)
    let events = 0
    for (const [key, count] of this.eventBuckets) if (key > second - RATE_WINDOW_S) events += count
    return {
      ...base,
      history: this.history.toArray(),
      lastHeartbeatAt: this.lastHeartbeatAt,
      heartbeatIntervalsMs: this.intervals.toArray(),
      reconnects: this.reconnects,
      eventsPerSecond: events / RATE_WINDOW_S,
      streamHeaders: this.headers,
      contentTypeOk: this.contentTypeOk,
      heartbeatsBursty: this.bursty(),
      findings: [...this.findings.values()]
    }
  }
}
