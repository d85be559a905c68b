/**
 * Dinky's Flink metrics collection (`JobMetricsHandler.refreshAndWriteFlinkMetrics`, called from
 * `FlinkJobTask.dealTask`; `MonitorServiceImpl` for layouts and history, v1.1.0): layouts are rows of
 * `dinky_metrics` (one row per task × vertex × metric, grouped by `layoutName`), and while collection is on
 * (`sys.metrics.settings.sys.enable`) every running job whose task has a layout gets one `MetricsVO` per cycle —
 * content `{vertexId: {metricId: "value"}}` with the values as strings, as Flink's REST API returns them — written
 * to the history and pushed. Deterministic: its own seeded generator and the world's clock.
 *
 * Simulator choices (not Dinky's defaults): collection starts on and every task has a layout, so the demo draws
 * charts; Dinky ships with collection off and no layouts. `control.setMetricsCollection(false)` and
 * `clearMetricsLayouts()` give Dinky's out-of-the-box behaviour.
 */

import type { JobInstanceRecord, TaskRecord } from './entities'
import { createSeededRandom, type SeededRandom } from './seeded-random'
import { CAST_SIZE } from './catalog'

export type MetricsContent = Record<string, Record<string, string>>

/** One `dinky_metrics` row (`data/model/Metrics.java`). */
export interface MetricsLayoutRow {
  id: number
  taskId: number
  vertices: string
  verticesTitle: string
  metrics: string
  position: number
  showType: string
  showSize: string
  title: string
  layoutName: string
  createTime: number
  updateTime: number
}

/** One stored sample: what `getFlinkData` reads back from `dinky_metrics` history (SQLite at 1.1). */
export interface StoredSample {
  at: number
  jid: string
  content: MetricsContent
}

/** The metrics Flink's `/jobs/<jid>/vertices/<vid>/metrics` lists for every vertex (subtask 0, plus the sums). */
export const VERTEX_METRICS = [
  '0.numRecordsInPerSecond',
  '0.numRecordsOutPerSecond',
  '0.numBytesInPerSecond',
  '0.numBytesOutPerSecond',
  '0.busyTimeMsPerSecond',
  '0.backPressuredTimeMsPerSecond',
  '0.currentInputWatermark',
  'numRecordsIn',
  'numRecordsOut'
] as const

/**
 * Flink's `busyTimeMsPerSecond` is a `Gauge<Double>` (`"1000.0"`, `"0.0"`) that a source task does not measure: its
 * value is the double NaN, written `"NaN"`; `backPressuredTimeMsPerSecond` is a `Gauge<Long>` (`"1000"`, `"0"`).
 * Recordings of real Dinky 1.1.0 (SSE) and 1.2.0 (WebSocket) on Flink 1.18.1.
 */
const BUSY = '0.busyTimeMsPerSecond'
const BACKPRESSURED = '0.backPressuredTimeMsPerSecond'

/** History kept: Dinky's `partition.expiration-time` is 7 days; a bounded store is enough for a simulator. */
const MAX_HISTORY = 200_000

export interface MetricsCollectorOptions {
  seed: number
  now: () => number
  tasks: readonly TaskRecord[]
  running: () => JobInstanceRecord[]
  emit: (jid: string, content: MetricsContent) => void
  /** A value the world dictates for a task's metric (a fault control's source lag), or undefined. */
  override?: (taskId: number, metric: string, at: number) => string | undefined
}

export class MetricsCollector {
  /** `sys.metrics.settings.sys.enable`. */
  enabled = true
  /** When true a separate timer collects and `World.tick()` leaves it alone. */
  independentPace = false
  private rows: MetricsLayoutRow[] = []
  private readonly history: StoredSample[] = []
  private readonly rng: SeededRandom
  private nextId = 1
  private collected = 0
  /** The last value of each job × vertex × metric: values walk rather than jump, like a real job's rates. */
  private readonly walk = new Map<string, number>()

  constructor(private readonly options: MetricsCollectorOptions) {
    this.rng = createSeededRandom(options.seed ^ 0x5eed)
    const at = options.now()
    // Layouts are what an operator charted: the demo's jobs have theirs, generated ones (issue 23) none, as most
    // jobs of a large Dinky; collecting thousands every tick would be the simulator's whole cost.
    for (const task of options.tasks.filter((t) => t.id <= CAST_SIZE)) {
      const metrics = ['0.numRecordsInPerSecond', '0.numRecordsOutPerSecond']
      const rows = vertexIdsOf(task.id).flatMap((vertex, index) =>
        metrics.map((metric) => this.row(task, layoutNameOf(task), vertex, index, metric, at))
      )
      this.rows.push(...rows)
    }
  }

  /** `getMetricsLayout`'s groups: layout name → rows. */
  layouts(): Map<string, MetricsLayoutRow[]> {
    const groups = new Map<string, MetricsLayoutRow[]>()
    for (const row of this.rows) {
      const list = groups.get(row.layoutName) ?? []
      list.push(row)
      groups.set(row.layoutName, list)
    }
    return groups
  }

  rowsOf(layoutName: string): MetricsLayoutRow[] {
    return this.rows.filter((row) => row.layoutName === layoutName)
  }

  /** `saveFlinkMetricLayout`: removes the layout's rows, then inserts the given ones (if any). */
  saveLayout(layoutName: string, rows: ReadonlyArray<Partial<MetricsLayoutRow>>): void {
    const at = this.options.now()
    this.rows = this.rows.filter((row) => row.layoutName !== layoutName)
    for (const row of rows) {
      this.rows.push({
        id: this.nextId++,
        taskId: Number(row.taskId ?? 0),
        vertices: String(row.vertices ?? ''),
        verticesTitle: String(row.verticesTitle ?? ''),
        metrics: String(row.metrics ?? ''),
        position: Number(row.position ?? 0),
        showType: String(row.showType ?? 'Chart'),
        showSize: String(row.showSize ?? '25%'),
        title: String(row.title ?? ''),
        layoutName,
        createTime: at,
        updateTime: at
      })
    }
  }

  /**
   * Adds a row for `metric` on the task's source vertex to its layout (the one it has, or Dinky web's default name)
   * unless one is there: what an operator does to chart a metric, and what makes the console read it.
   */
  ensureSourceRow(taskId: number, metric: string): void {
    const task = this.options.tasks.find((t) => t.id === taskId)
    if (!task) throw new Error(`No task ${taskId}`)
    const [source] = vertexIdsOf(taskId)
    const own = this.rows.filter((row) => row.taskId === taskId)
    if (own.some((row) => row.vertices === source && row.metrics === metric)) return
    const layoutName = own[0]?.layoutName ?? layoutNameOf(task)
    this.rows.push(this.row(task, layoutName, source, 0, metric, this.options.now()))
  }

  clearLayouts(): void {
    this.rows = []
  }

  /** One collection cycle; nothing when collection is off, a job has no layout or its content is empty. */
  collect(): void {
    if (!this.enabled) return
    const at = this.options.now()
    const byTask = new Map<number, MetricsLayoutRow[]>()
    for (const row of this.rows) {
      const list = byTask.get(row.taskId)
      if (list) list.push(row)
      else byTask.set(row.taskId, [row])
    }
    for (const instance of this.options.running()) {
      const rows = byTask.get(instance.taskId) ?? []
      const content: MetricsContent = {}
      for (const row of rows) {
        const vertex = row.vertices
        content[vertex] ??= {}
        content[vertex][row.metrics] =
          this.options.override?.(instance.taskId, row.metrics, at) ??
          (row.metrics === BUSY && vertex === vertexIdsOf(instance.taskId)[0]
            ? 'NaN'
            : this.valueOf(row.metrics, `${instance.jid}|${vertex}`))
      }
      if (Object.keys(content).length === 0) continue
      this.history.push({ at, jid: instance.jid, content })
      if (this.history.length > MAX_HISTORY)
        this.history.splice(0, this.history.length - MAX_HISTORY)
      this.collected += 1
      this.options.emit(instance.jid, content)
    }
  }

  /** Samples whose heart time lies in [from, to], inclusive on both ends as `getUtcCondition` is; any job. */
  between(from: number, to: number): StoredSample[] {
    return this.history.filter((sample) => sample.at >= from && sample.at <= to)
  }

  /** Puts samples into the history directly (benchmarks and tests that need hours of it at once). */
  seedHistory(samples: readonly StoredSample[]): void {
    for (const sample of samples) this.history.push(sample)
    this.history.sort((a, b) => a.at - b.at)
  }

  /** The metric names Flink lists for a vertex of a running job (`getJobMetricsItems`). */
  metricIds(): string[] {
    return [...VERTEX_METRICS]
  }

  collectedCount(): number {
    return this.collected
  }

  historySize(): number {
    return this.history.length
  }

  private valueOf(metric: string, series: string): string {
    if (metric.endsWith('Watermark')) return String(-9223372036854775808n)
    const key = `${series}|${metric}`
    const ceiling = metric.endsWith('MsPerSecond')
      ? 1000
      : metric.startsWith('numRecords')
        ? 9e6
        : 500
    const previous = this.walk.get(key) ?? this.rng.int(ceiling / 5, (ceiling * 4) / 5)
    const next = Math.min(ceiling, Math.max(0, previous + (this.rng.next() - 0.5) * ceiling * 0.08))
    this.walk.set(key, next)
    if (metric.startsWith('numRecords') || metric === BACKPRESSURED) return String(Math.round(next))
    return next.toFixed(1)
  }

  private row(
    task: TaskRecord,
    layoutName: string,
    vertex: string,
    index: number,
    metric: string,
    at: number
  ): MetricsLayoutRow {
    return {
      id: this.nextId++,
      taskId: task.id,
      vertices: vertex,
      verticesTitle: index === 0 ? 'Source: KafkaSource' : 'Sink: Writer',
      metrics: metric,
      position: 0,
      showType: 'Chart',
      showSize: '25%',
      title: metric,
      layoutName,
      createTime: at,
      updateTime: at
    }
  }
}

/** Dinky web's layout name of a job (`JobMetrics/index.tsx`: `${instance.name}-${instance.taskId}`). */
export function layoutNameOf(task: Pick<TaskRecord, 'id' | 'name'>): string {
  return `${task.name}-${task.id}`
}

/** Two stable 32-hex vertex ids per task (source, sink), as Flink's JobVertexID. */
export function vertexIdsOf(taskId: number): string[] {
  const tail = (taskId * 2654435761).toString(16).padStart(8, '0').slice(-8)
  return ['cbc357ccb763df2852fee8c4fc7d55f2', '0a448493b4782967b150582570326227'].map(
    (id) => id.slice(0, 24) + tail
  )
}
