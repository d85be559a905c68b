/**
 * What one detail read cannot say alone (issue 24): records per second from two successive reads of Flink's
 * cumulative counts, and the per-subtask skew read one vertex at a time. Kept per job instance by the job-detail
 * service, bounded, and laid onto each new detail before it is emitted and cached.
 *
 * Rates are taken over Flink's own `now` of each answer (Dinky's `refreshJobInfoDetail` without `isForce` gives the
 * detail its daemon last fetched, so two reads may carry the same counts: those keep the previous rates rather than
 * report a false 0). A count that went down (a restart from a checkpoint, a new job id) starts over: null, never a
 * negative rate.
 */
import type { JobHealthDetail, VertexHealth, VertexSkew } from '../../../shared/job-health'

interface Baseline {
  jid: string | null
  /** Flink's `now` of the read (or our clock when Flink gave none). */
  at: number
  counts: Map<string, { read: number | null; write: number | null }>
  rates: Map<string, { in: number | null; out: number | null }>
  skew: Map<string, VertexSkew>
  /** The next skew candidate to read, round-robin. */
  skewIndex: number
}

/** Jobs remembered (the sweep visits every running job); the oldest read is forgotten first. */
const MAX_JOBS = 500
/** Subtasks a skew read asks for; a wider vertex is left without skew rather than half-measured. */
export const MAX_SKEW_SUBTASKS = 256

function rate(current: number | null, previous: number | null | undefined, seconds: number) {
  if (current === null || previous === null || previous === undefined) return null
  if (current < previous || seconds <= 0) return null
  return (current - previous) / seconds
}

export class JobFlows {
  private readonly jobs = new Map<number, Baseline>()

  /**
   * Lays rates and known skew onto `detail` (a new object; vertices copied) and keeps this read as the baseline.
   * `flinkNow`: the answer's `job.now`, null when Flink gave none (then `asOf`).
   */
  apply(detail: JobHealthDetail, flinkNow: number | null, asOf: number): JobHealthDetail {
    const at = flinkNow ?? asOf
    let base = this.jobs.get(detail.instanceId)
    if (base && base.jid !== detail.jid) base = undefined
    const same = base !== undefined && base.at === at
    const seconds = base ? (at - base.at) / 1000 : 0
    const counts = new Map<string, { read: number | null; write: number | null }>()
    const rates = new Map<string, { in: number | null; out: number | null }>()
    const vertices: VertexHealth[] = detail.vertices.map((vertex) => {
      counts.set(vertex.id, { read: vertex.readRecords, write: vertex.writeRecords })
      const before = base?.counts.get(vertex.id)
      const flow = same
        ? (base?.rates.get(vertex.id) ?? { in: null, out: null })
        : {
            in: rate(vertex.readRecords, before?.read, seconds),
            out: rate(vertex.writeRecords, before?.write, seconds)
          }
      rates.set(vertex.id, flow)
      return {
        ...vertex,
        recordsInPerSecond: flow.in,
        recordsOutPerSecond: flow.out,
        skew: base?.skew.get(vertex.id) ?? null
      }
    })
    const skew = new Map<string, VertexSkew>()
    for (const vertex of vertices) if (vertex.skew) skew.set(vertex.id, vertex.skew)
    this.jobs.delete(detail.instanceId)
    this.jobs.set(detail.instanceId, {
      jid: detail.jid,
      at: same && base ? base.at : at,
      counts: same && base ? base.counts : counts,
      rates,
      skew,
      skewIndex: base?.skewIndex ?? 0
    })
    if (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value as number)
    return { ...detail, vertices }
  }

  /**
   * The next vertex whose subtasks to read: one fed by a keyed (`HASH`) exchange, where a hot key piles records
   * on one subtask; a forward or rebalanced input spreads them as evenly as its upstream. Null when none.
   */
  nextSkewVertex(detail: JobHealthDetail): VertexHealth | null {
    const base = this.jobs.get(detail.instanceId)
    const candidates = detail.vertices.filter(
      (v) =>
        (v.inputs ?? []).some((input) => input.shipStrategy === 'HASH') &&
        v.parallelism !== null &&
        v.parallelism > 1 &&
        v.parallelism <= MAX_SKEW_SUBTASKS
    )
    if (!base || candidates.length === 0) return null
    const vertex = candidates[base.skewIndex % candidates.length]
    base.skewIndex = (base.skewIndex + 1) % candidates.length
    return vertex
  }

  /** Keeps a vertex's records per subtask (cumulative, by subtask index); ignored when the job moved on. */
  saveSkew(instanceId: number, jid: string | null, vertexId: string, perSubtask: number[]): void {
    const base = this.jobs.get(instanceId)
    if (!base || base.jid !== jid) return
    const skew = skewOf(perSubtask)
    if (skew) base.skew.set(vertexId, skew)
    else base.skew.delete(vertexId)
  }

  forget(instanceId: number): void {
    this.jobs.delete(instanceId)
  }
}

/** Max over mean of the subtasks' records; null with fewer than two subtasks or no records yet. */
export function skewOf(perSubtask: readonly number[]): VertexSkew | null {
  if (perSubtask.length < 2) return null
  let sum = 0
  let max = 0
  for (const value of perSubtask) {
    if (!Number.isFinite(value) || value < 0) return null
    sum += value
    max = Math.max(max, value)
  }
  if (sum === 0) return null
  return {
    maxPerMean: Math.round((max / (sum / perSubtask.length)) * 100) / 100,
    subtasks: perSubtask.slice(0, MAX_SKEW_SUBTASKS)
  }
}
