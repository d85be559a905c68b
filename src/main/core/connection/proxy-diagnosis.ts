/**
 * What one stream's connections say about a proxy in front of Dinky, measured per connection: bytes of body and the
 * time of the last one. Two findings come from here. A stream that gets no byte within the watchdog period (Dinky
 * writes `retry:` at once), twice in a row while REST answers, is blocked by a buffering proxy (`proxy-buffering`).
 * A stream that was receiving data and is cut after the same idle time (±20 %) three times is behind a proxy whose
 * read timeout is below Dinky's heartbeat (`proxy-idle-timeout`): what repeats is the silence before the cut, not the
 * stream's age, because Dinky's heartbeat is one timer for every session.
 * A finding is resolved once the evidence says it no longer holds: a blocked, refused or rewritten stream that has
 * then flowed for two watchdog periods with no relapse (as long as it took to be found), or, for the idle timeout,
 * a silence longer than any of the cuts that was not cut.
 */
import type { StreamName } from '../../../shared/connection'
import type { Diagnosis, DiagnosisCode } from '../../../shared/diagnosis'
import { NGINX_FIXES } from '../../../shared/diagnosis'
import type { Clock } from '../ports'

/** Idle times agree when each is within this fraction of their median. */
const SAME_IDLE = 0.2
const CUTS_TO_DIAGNOSE = 3
const BLOCKED_TO_DIAGNOSE = 2
/** A cut after less silence than this is not an idle timeout (the server closing right after it spoke). */
const MIN_IDLE_MS = 100
/** A silence this much longer than every cut that was diagnosed, survived, means the idle timeout is gone. */
const SURVIVED_MARGIN_MS = 250
/** Findings the flowing stream itself disproves (the idle timeout needs a longer silence survived instead). */
const DISPROVED_BY_FLOW: readonly DiagnosisCode[] = [
  'proxy-buffering',
  'proxy-no-websocket',
  'proxy-rewrites'
]

export interface ProxyDiagnosisOptions {
  stream: StreamName
  clock: Clock
  watchdogMs: number
  onDiagnosis(diagnosis: Diagnosis): void
  /** A finding reported here no longer holds. */
  onResolved?(code: DiagnosisCode, at: number): void
  /** How long the stream must flow, without relapse, to resolve a flow finding; default 2 × `watchdogMs`. */
  resolveAfterMs?: number
}

export interface ProxyDiagnosis {
  /** A new connection attempt. */
  attempt(): void
  /** The response headers of the current attempt arrived. */
  opened(status: number): void
  /** Body bytes (or a whole message) arrived on the current attempt. */
  data(): void
  /** True once the current attempt delivered any body. */
  received(): boolean
  /**
   * The watchdog fired on an attempt that delivered no body. Returns true when this makes it blocked twice in a row
   * while REST answers: the stream is degraded (the diagnosis is reported then).
   */
  blocked(restLive: boolean): boolean
  /** The current attempt, which had delivered data, was cut: measures the idle time (diagnoses a repeat). */
  cut(): number
  /**
   * A WebSocket handshake was answered without `101` (not a 401, not a 5xx): a proxy that does not pass `Upgrade`.
   * Returns true when it happened twice in a row while REST answers (reported then): degrade as for buffering.
   */
  upgradeRefused(status: number, restLive: boolean): boolean
  /** The stream was answered with another content type than it asked for (once per streak, while REST answers). */
  rewritten(detail: string, restLive: boolean): void
  /** The stream delivers again: the blocked streak is over (and, after a while, its findings resolved). */
  through(): void
}

/** Why separate from the supervisor: the evidence is per connection, the supervisor's decisions are per stream. */
export function createProxyDiagnosis(options: ProxyDiagnosisOptions): ProxyDiagnosis {
  const { clock, stream } = options
  let bytes = 0
  let status: number | null = null
  let lastDataAt = 0
  let blockedStreak = 0
  let refusedStreak = 0
  let rewriteReported = false
  const idles: number[] = []
  let reportedIdleMs: number | null = null
  /** The longest of the cuts behind the idle-timeout finding while it holds. */
  let heldIdleMs: number | null = null
  /** Findings reported here that still hold. */
  const held = new Set<DiagnosisCode>()
  /** Since when the stream has flowed with no relapse (blocked, refused, rewritten); null while it does not. */
  let flowingSince: number | null = null
  const resolveAfterMs = options.resolveAfterMs ?? 2 * options.watchdogMs

  const report = (diagnosis: Omit<Diagnosis, 'stream' | 'at'>) => {
    held.add(diagnosis.code)
    options.onDiagnosis({ ...diagnosis, stream, at: clock.now() })
  }
  const resolve = (code: DiagnosisCode) => {
    if (held.delete(code)) options.onResolved?.(code, clock.now())
  }
  const relapse = () => (flowingSince = null)
  /** A silence longer than every diagnosed cut went by uncut: the proxy's idle timeout is gone (or longer). */
  const survived = (silenceMs: number) => {
    if (heldIdleMs === null || silenceMs <= heldIdleMs + SURVIVED_MARGIN_MS) return
    heldIdleMs = reportedIdleMs = null
    idles.length = 0
    resolve('proxy-idle-timeout')
  }

  return {
    attempt() {
      bytes = 0
      status = null
      lastDataAt = clock.now()
    },
    opened(code) {
      status = code
      lastDataAt = clock.now()
    },
    data() {
      bytes++
      const now = clock.now()
      survived(now - lastDataAt)
      lastDataAt = now
    },
    received: () => bytes > 0,
    blocked(restLive) {
      relapse()
      if (!restLive) {
        blockedStreak = 0
        return false
      }
      blockedStreak++
      if (blockedStreak < BLOCKED_TO_DIAGNOSE) return false
      if (blockedStreak === BLOCKED_TO_DIAGNOSE) {
        const seconds = Math.round(options.watchdogMs / 100) / 10
        const answer = status === null ? 'no response headers' : `HTTP ${status}`
        report({
          code: 'proxy-buffering',
          detail: `${answer}, 0 bytes in ${seconds} s, ${blockedStreak} times in a row, while REST answers`,
          advice: `The stream is blocked by a buffering proxy; console lines and JVM figures come by polling. In nginx: ${NGINX_FIXES['proxy-buffering'].replace(/\n/g, ' ')}`,
          evidence: {
            ...(status === null ? {} : { status }),
            bytes: 0,
            waitedMs: options.watchdogMs,
            times: blockedStreak
          }
        })
      }
      return true
    },
    cut() {
      const idleMs = clock.now() - lastDataAt
      if (idleMs < MIN_IDLE_MS) return idleMs
      idles.push(idleMs)
      if (idles.length > CUTS_TO_DIAGNOSE) idles.shift()
      if (idles.length < CUTS_TO_DIAGNOSE) return idleMs
      const median = [...idles].sort((a, b) => a - b)[1]
      if (!idles.every((ms) => Math.abs(ms - median) <= SAME_IDLE * median)) return idleMs
      if (reportedIdleMs !== null && Math.abs(reportedIdleMs - median) <= SAME_IDLE * median)
        return idleMs
      reportedIdleMs = median
      heldIdleMs = Math.max(...idles)
      const seconds = Math.round(median / 100) / 10
      report({
        code: 'proxy-idle-timeout',
        detail: `the stream was cut ${CUTS_TO_DIAGNOSE} times after ${seconds} s without data each time (Dinky's heartbeat is 9 s)`,
        advice:
          "A proxy closes idle streams before Dinky's 9 s heartbeat: set its read timeout to at least 60 s (nginx: proxy_read_timeout 120s;). The console reconnects at once meanwhile.",
        evidence: { idleMs: median, times: CUTS_TO_DIAGNOSE }
      })
      return idleMs
    },
    upgradeRefused(code, restLive) {
      if (!restLive || code === 401 || code === 101 || code >= 500) return false
      relapse()
      refusedStreak++
      if (refusedStreak === BLOCKED_TO_DIAGNOSE) {
        report({
          code: 'proxy-no-websocket',
          detail: `the WebSocket upgrade was answered with HTTP ${code} instead of 101, ${refusedStreak} times in a row, while REST answers`,
          advice: `A proxy does not pass the WebSocket upgrade; console lines and JVM figures come by polling. In nginx: ${NGINX_FIXES['proxy-no-websocket'].replace(/\n/g, ' ')}`,
          evidence: { status: code, times: refusedStreak }
        })
      }
      return refusedStreak >= BLOCKED_TO_DIAGNOSE
    },
    rewritten(detail, restLive) {
      relapse()
      if (!restLive || rewriteReported) return
      rewriteReported = true
      const contentType = detail
        .replace(/^HTTP \d+ /, '')
        .replace(/[^\x20-\x7e]/g, '')
        .slice(0, 100)
      report({
        code: 'proxy-rewrites',
        detail: `the stream was answered as ${contentType} instead of text/event-stream while REST answers`,
        advice:
          "A proxy rewrites Dinky's stream: let its Content-Type through unchanged (no sub_filter, add_header Content-Type or default_type for /api/).",
        evidence: { contentType }
      })
    },
    through() {
      blockedStreak = 0
      refusedStreak = 0
      rewriteReported = false
      const now = clock.now()
      flowingSince ??= now
      if (now - flowingSince < resolveAfterMs) return
      for (const code of DISPROVED_BY_FLOW) resolve(code)
    }
  }
}
