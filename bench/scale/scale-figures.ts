/**
 * One size's figures for the `scale` benchmark, from its two launches: IPC bytes, table and fleet timings, idle
 * long tasks, main's idle CPU per server, heap trends. A figure whose view is missing from the build is the string
 * "not measured: …", never a number.
 */
import { percentile, round, type Figure } from '../bench-types'
import type { FastPaceFigures } from './fast-pace'
import { slopePerPoll } from './heap-slope'
import { notMeasured, type NotMeasured } from './not-measured'
import type { RealPaceFigures } from './real-pace'

const LONG_TASK_MS = 50

const p95 = (values: readonly number[]) => round(percentile(values, 95))
const p50 = (values: readonly number[]) => round(percentile(values, 50))

function tableFigures(real: RealPaceFigures): Record<string, Figure> {
  const { table } = real
  if (typeof table === 'string') {
    const why = table
    return {
      table_first_render_p95_ms: why,
      table_filter_p95_ms: why,
      table_sort_p95_ms: why
    }
  }
  return {
    table_first_render_p95_ms: p95(table.firstRenderMs),
    table_first_render_p50_ms: p50(table.firstRenderMs),
    table_filter_p95_ms: p95(table.filterMs),
    table_filter_p50_ms: p50(table.filterMs),
    table_sort_p95_ms: p95(table.sortMs),
    table_sort_p50_ms: p50(table.sortMs),
    table_samples: `${table.firstRenderMs.length} opens, ${table.filterMs.length} keystrokes ("${table.typed}" typed and erased), ${table.sortMs.length} sorts (${table.sortedBy.join(', ')})`
  }
}

function fleetFigures(real: RealPaceFigures): Record<string, Figure> {
  const { changes } = real
  if (typeof changes === 'string') return { fleet_ms_per_change_p95: changes }
  if (!real.views.fleet) {
    return {
      fleet_ms_per_change_p95: notMeasured(
        'the build has no fleet overview (nav-fleet, fleet-server)'
      )
    }
  }
  if (changes.cardMs.length === 0) {
    const why = `no card showed its server's change within 20 s (${changes.cardTimeouts} changes)`
    return { fleet_ms_per_change_p95: notMeasured(why), fleet_card_timeouts: changes.cardTimeouts }
  }
  const work = changes.cardWorkMs
  return {
    fleet_ms_per_change_p95:
      work.length > 0 ? p95(work) : notMeasured('the trace of the rounds marked no card change'),
    fleet_ms_per_change_p50: work.length > 0 ? p50(work) : notMeasured('no trace'),
    fleet_work_samples: work.length,
    fleet_frames_missing: changes.cardFramesMissing,
    fleet_push_to_paint_p95_ms: p95(changes.cardMs),
    fleet_push_to_paint_p50_ms: p50(changes.cardMs),
    fleet_render_ms_p95: p95(changes.cardRenderMs),
    fleet_card_updates: changes.cardMs.length,
    fleet_card_timeouts: changes.cardTimeouts
  }
}

function heapFigures(fast: FastPaceFigures | NotMeasured): Record<string, Figure> {
  if (typeof fast === 'string') {
    return { main_heap_slope_mb_per_10min: fast, renderer_heap_slope_mb_per_10min: fast }
  }
  const { heap } = fast
  const first = heap[0]
  const last = heap[heap.length - 1]
  const perTenMinutes = (mb: (s: (typeof heap)[number]) => number) =>
    round(slopePerPoll(heap.map((s) => ({ polls: s.polls, mb: mb(s) }))) * 120, 2)
  return {
    main_heap_before_warmup_mb: fast.beforeWarmup.mainMb,
    renderer_heap_before_warmup_mb: fast.beforeWarmup.rendererMb,
    main_heap_start_mb: first.mainMb,
    main_heap_end_mb: last.mainMb,
    main_heap_slope_mb_per_10min: perTenMinutes((s) => s.mainMb),
    renderer_heap_start_mb: first.rendererMb,
    renderer_heap_end_mb: last.rendererMb,
    renderer_heap_slope_mb_per_10min: perTenMinutes((s) => s.rendererMb),
    heap_samples: heap.length,
    churn_polls_per_server: last.polls,
    churn_s: round(fast.churnMs / 1000),
    churn_instances_start: first.instances,
    churn_instances_end: last.instances,
    churn_bytes_per_poll:
      fast.churnPolls > 0 ? Math.round(fast.churnBytes / fast.churnPolls) : null,
    churn_long_tasks_50ms: fast.churnLongTasksMs.filter((ms) => ms > LONG_TASK_MS).length
  }
}

function changeFigures(real: RealPaceFigures): Record<string, Figure> {
  const { changes } = real
  if (typeof changes === 'string') return { bytes_per_changed_job: changes }
  return {
    bytes_per_changed_job: changes.changes > 0 ? Math.round(changes.bytes / changes.changes) : null,
    changed_jobs: changes.changes
  }
}

/** The idle minute's long tasks (the fast launch), beside those of the idle window at the app's pace. */
function idleFigures(real: RealPaceFigures, fast: FastPaceFigures | NotMeasured) {
  const realLong = real.longTasksMs.filter((ms) => ms > LONG_TASK_MS).length
  const fastIdle = typeof fast === 'string' ? null : fast
  const idlePolls = real.idlePolls + (fastIdle?.idlePolls ?? 0)
  const idleBytes = real.idleBytes + (fastIdle?.idleBytes ?? 0)
  const first = {
    bytes: real.idleFirstHealth.bytes + (fastIdle?.idleFirstHealth.bytes ?? 0),
    readings: real.idleFirstHealth.readings + (fastIdle?.idleFirstHealth.readings ?? 0)
  }
  const perPoll = (bytes: number) => (idlePolls > 0 ? Math.round(bytes / idlePolls) : null)
  return {
    // What idle polls cost beyond news: a job's first health reading is new to the renderer (told apart below).
    idle_bytes_per_poll: perPoll(idleBytes - first.bytes),
    idle_all_bytes_per_poll: perPoll(idleBytes),
    idle_first_health_readings: first.readings,
    idle_first_health_bytes: first.bytes,
    idle_polls: idlePolls,
    idle_bytes_by_channel: JSON.stringify(real.idleBytesByChannel),
    idle_long_tasks_50ms: fastIdle
      ? fastIdle.idleLongTasksMs.filter((ms) => ms > LONG_TASK_MS).length
      : (fast as NotMeasured),
    idle_max_task_ms: fastIdle ? round(Math.max(0, ...fastIdle.idleLongTasksMs)) : null,
    idle_long_tasks_50ms_real_pace: realLong,
    idle_max_task_ms_real_pace: round(Math.max(0, ...real.longTasksMs))
  }
}

/** Every figure of one size, keys without the size suffix (the caller adds it). */
export function sizeFigures(
  servers: number,
  real: RealPaceFigures,
  fast: FastPaceFigures | NotMeasured
): Record<string, Figure> {
  return {
    jobs_listed: real.jobsListed.reduce((sum, n) => sum + n, 0),
    ...idleFigures(real, fast),
    ...changeFigures(real),
    ...tableFigures(real),
    ...fleetFigures(real),
    main_idle_cpu_pct_per_server: round((real.idleCpuMs / real.idleMs / servers) * 100, 2),
    idle_window_s: round(real.idleMs / 1000),
    ...heapFigures(fast)
  }
}
