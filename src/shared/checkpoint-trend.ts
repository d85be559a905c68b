/**
 * The checkpoint trend that matters, as facts the UI puts into words (issue 24): how close the latest checkpoint
 * came to its timeout, failures in the history, and how end-to-end duration and full state size moved over the
 * history. Pure and language-free: the renderer translates each fact.
 *
 * Thresholds (why these):
 * - A trend needs {@link MIN_POINTS} completed checkpoints: with fewer, one slow checkpoint would read as a trend.
 * - The timeout is named from {@link NEAR_TIMEOUT} (half of it): below that a checkpoint has room for a slow spell;
 *   above it, the usual warning before checkpoints start expiring. It is said first.
 * - Duration is compared as the median of the oldest three against the median of the newest three (one slow
 *   checkpoint, e.g. during a GC pause, does not make a trend); a change from {@link DURATION_CHANGE} (×1.5 or
 *   ÷1.5) is said, ×1.9–2.2 as "doubled".
 * - Full state size (cumulative, so its ends are compared directly) from {@link STATE_CHANGE} (±20 %).
 * - At most two facts, in this order: timeout, failures, duration, state; "steady" when none applies.
 */
import type { CheckpointConfig, CheckpointEntry } from './job-health'

export const MIN_POINTS = 3
export const NEAR_TIMEOUT = 0.5
export const DURATION_CHANGE = 1.5
export const STATE_CHANGE = 0.2
export const MAX_FACTS = 2

export type TrendFact =
  | { kind: 'too-few'; count: number }
  | { kind: 'near-timeout'; pct: number }
  | { kind: 'failures'; failed: number; of: number }
  | { kind: 'duration-doubled'; spanMs: number }
  | { kind: 'duration-grew'; pct: number; spanMs: number }
  | { kind: 'duration-times'; factor: number; spanMs: number }
  | { kind: 'duration-fell'; pct: number; spanMs: number }
  | { kind: 'state-grew'; pct: number; spanMs: number }
  | { kind: 'state-shrank'; pct: number; spanMs: number }
  | { kind: 'steady'; spanMs: number }

interface Timed {
  at: number
  value: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Completed checkpoints (not savepoints) with a trigger time and `field`, oldest first. */
function series(history: readonly CheckpointEntry[], field: 'durationMs' | 'stateSize'): Timed[] {
  const out: Timed[] = []
  for (const entry of history) {
    const value = entry[field]
    if (entry.isSavepoint || entry.status !== 'COMPLETED') continue
    if (entry.triggerAt === null || value === null) continue
    out.push({ at: entry.triggerAt, value })
  }
  return out.sort((a, b) => a.at - b.at)
}

function durationFact(points: Timed[]): TrendFact | null {
  const ends = Math.min(3, Math.floor(points.length / 2))
  const before = median(points.slice(0, ends).map((p) => p.value))
  const after = median(points.slice(-ends).map((p) => p.value))
  const spanMs = points[points.length - 1].at - points[0].at
  if (before <= 0) return null
  const ratio = after / before
  if (ratio >= 1.9 && ratio < 2.2) return { kind: 'duration-doubled', spanMs }
  if (ratio >= 2.2) return { kind: 'duration-times', factor: Math.round(ratio * 10) / 10, spanMs }
  if (ratio >= DURATION_CHANGE) return { kind: 'duration-grew', pct: pct(ratio - 1), spanMs }
  if (ratio <= 1 / DURATION_CHANGE) return { kind: 'duration-fell', pct: pct(1 - ratio), spanMs }
  return null
}

function stateFact(points: Timed[]): TrendFact | null {
  const first = points[0]
  const last = points[points.length - 1]
  if (first.value <= 0) return null
  const change = last.value / first.value - 1
  const spanMs = last.at - first.at
  if (change >= STATE_CHANGE) return { kind: 'state-grew', pct: pct(change), spanMs }
  if (change <= -STATE_CHANGE) return { kind: 'state-shrank', pct: pct(-change), spanMs }
  return null
}

const pct = (share: number) => Math.round(share * 100)

/**
 * The one or two facts worth saying about `history` (newest first, as the core keeps it; any order works) under
 * `config`'s timeout.
 */
export function checkpointTrend(
  history: readonly CheckpointEntry[],
  config: Pick<CheckpointConfig, 'timeoutMs'> | null
): TrendFact[] {
  const durations = series(history, 'durationMs')
  const facts: TrendFact[] = []
  const timeout = config?.timeoutMs ?? null
  const latest = durations[durations.length - 1]
  if (latest && timeout !== null && timeout > 0 && latest.value / timeout >= NEAR_TIMEOUT)
    facts.push({ kind: 'near-timeout', pct: pct(latest.value / timeout) })
  const checkpoints = history.filter((e) => !e.isSavepoint && e.status !== 'IN_PROGRESS')
  const failed = checkpoints.filter((e) => e.status === 'FAILED').length
  if (failed > 0) facts.push({ kind: 'failures', failed, of: checkpoints.length })
  if (durations.length < MIN_POINTS) {
    facts.push({ kind: 'too-few', count: durations.length })
    return facts.slice(0, MAX_FACTS)
  }
  const duration = durationFact(durations)
  if (duration) facts.push(duration)
  const sizes = series(history, 'stateSize')
  const state = sizes.length >= MIN_POINTS ? stateFact(sizes) : null
  if (state) facts.push(state)
  if (facts.length === 0)
    facts.push({ kind: 'steady', spanMs: durations[durations.length - 1].at - durations[0].at })
  return facts.slice(0, MAX_FACTS)
}
