/**
 * Source lag (a fault control): a metric of a job's source vertex — Flink's `pendingRecords` (FLIP-33), the Kafka
 * consumer's `records-lag-max`, or any other — that grows by `perSecond` of world time while on, and sits at a small
 * value (0–10) otherwise. The metrics collection asks it for the value of the rows it knows.
 *
 * Metric ids follow Flink's vertex metric names as Dinky stores them in a layout row (`metrics`): subtask index, the
 * operator's scope name (`Source: KafkaSource` → `Source__KafkaSource`), then the metric; the Kafka consumer's
 * metrics sit under `KafkaSourceReader.KafkaConsumer`. A name that already holds a `.` is taken as a whole id.
 */

import { unit } from './checkpoint-run'

export interface SourceLagSpec {
  /** Default `pendingRecords`. */
  metric?: string
  perSecond: number
}

/** The source operator of every simulated job, as Flink's metric scope writes its name. */
const SOURCE_SCOPE = '0.Source__KafkaSource'

/** The full metric id of a lag metric name. */
export function lagMetricId(metric = 'pendingRecords'): string {
  if (metric.includes('.')) return metric
  if (metric.startsWith('records-lag'))
    return `${SOURCE_SCOPE}.KafkaSourceReader.KafkaConsumer.${metric}`
  return `${SOURCE_SCOPE}.${metric}`
}

interface Ramp {
  metricId: string
  /** Growth per second of world time; 0 when off. */
  perSecond: number
  since: number
  from: number
}

export class SourceLag {
  private readonly ramps = new Map<number, Ramp>()

  /**
   * Starts the ramp of a task (from its current value), or ends it (`null`: back to a small value). Returns the
   * metric id, which stays known to the collection after the ramp ends.
   */
  set(taskId: number, spec: SourceLagSpec | null, at: number): string {
    const previous = this.ramps.get(taskId)
    if (spec === null) {
      const metricId = previous?.metricId ?? lagMetricId()
      this.ramps.set(taskId, { metricId, perSecond: 0, since: at, from: 0 })
      return metricId
    }
    if (!Number.isFinite(spec.perSecond)) throw new Error('perSecond must be a finite number')
    const metricId = lagMetricId(spec.metric)
    const from = previous?.metricId === metricId ? this.raw(taskId, previous, at) : 0
    this.ramps.set(taskId, { metricId, perSecond: spec.perSecond, since: at, from })
    return metricId
  }

  /** Whether `taskId` has a ramp (on or ended) on exactly this metric id. */
  knows(taskId: number, metricId: string): boolean {
    return this.ramps.get(taskId)?.metricId === metricId
  }

  /** The value at `at` as Flink writes it: a Long gauge (`pendingRecords`), a Double one for Kafka's lag. */
  valueOf(taskId: number, at: number): string | undefined {
    const ramp = this.ramps.get(taskId)
    if (!ramp) return undefined
    const value = this.raw(taskId, ramp, at)
    return ramp.metricId.includes('KafkaConsumer.') ? value.toFixed(1) : String(Math.round(value))
  }

  private raw(taskId: number, ramp: Ramp, at: number): number {
    if (ramp.perSecond === 0) return Math.round(unit(taskId, Math.floor(at / 1000)) * 10)
    return Math.max(0, ramp.from + (ramp.perSecond * Math.max(0, at - ramp.since)) / 1000)
  }
}
