/** Which figure of each benchmark is read against which baseline: the rows of the printed table. */
import type { BenchResult } from './bench-types'
import type { Pair } from './report'

/** [figure, baseline name, baseline figure key or a constant]. */
type PairSpec = [string, string, string | number]

const SPECS: Record<string, PairSpec[]> = {
  ingest: [
    ['ours_eps', 'parser_eps', 'parser_eps'],
    ['ours_eps', 'eventsource_eps', 'eventsource_eps']
  ],
  console_log: [
    ['ours_bytes_per_line', 'naive_bytes_per_line', 'naive_bytes_per_line'],
    ['ours_ms', 'naive_ms', 'naive_ms'],
    ['ours_bytes_per_line_last_tenth', 'ours_first_tenth', 'ours_bytes_per_line_first_tenth']
  ],
  render: [
    ['p95_frame_ms', 'idle_p95_frame_ms', 'idle_p95_frame_ms'],
    ['max_task_ms', 'target_max_ms', 100],
    ['long_tasks_50ms', 'target', 0],
    ['heap_mb', '-', '-']
  ],
  memory: [
    ['main_mb_1m', 'main_mb_100k', 'main_mb_100k'],
    ['renderer_mb_1m', 'renderer_mb_100k', 'renderer_mb_100k'],
    ['main_mb_after_single_line_events', 'main_mb_1m', 'main_mb_1m']
  ],
  reconnect: [
    ['stall_detect_ms_p50', 'watchdog_ms', 'watchdog_ms'],
    ['back_to_live_ms_p50', 'server_retry_ms', 'server_retry_ms']
  ],
  cold_start: [['cached_first_render_ms', 'empty_first_render_ms', 'empty_first_render_ms']],
  job_sweep: [
    ['rps_budget_1', 'budget_1', 'budget_1'],
    ['max_in_1s_budget_1', 'budget_1', 'budget_1'],
    ['rps_budget_4', 'budget_4', 'budget_4'],
    ['max_in_1s_budget_4', 'budget_4', 'budget_4'],
    ['rps_slow_budget_4', 'rps_budget_4', 'rps_budget_4']
  ],
  alert_rules: [
    ['ms_per_poll_p50', 'copy_list_ms_p50', 'copy_list_ms_p50'],
    ['ms_per_poll_p50', 'target_ms', 'target_ms'],
    ['ms_per_poll_p95', 'target_ms', 'target_ms'],
    ['reconnect_poll_ms_p50', 'target_ms', 'target_ms'],
    ['full_judge_ms_p50', 'target_ms', 'target_ms']
  ],
  scale: [
    ['idle_bytes_per_poll_2000', 'jobs_12', 'idle_bytes_per_poll_12'],
    ['idle_bytes_per_poll_2000', 'target', 0],
    ['bytes_per_changed_job_2000', 'jobs_12', 'bytes_per_changed_job_12'],
    ['table_first_render_p95_ms_2000', 'jobs_12', 'table_first_render_p95_ms_12'],
    ['table_first_render_p95_ms_2000', 'target_ms', 50],
    ['table_filter_p95_ms_2000', 'jobs_12', 'table_filter_p95_ms_12'],
    ['table_filter_p95_ms_2000', 'target_ms', 50],
    ['table_sort_p95_ms_2000', 'jobs_12', 'table_sort_p95_ms_12'],
    ['table_sort_p95_ms_2000', 'target_ms', 50],
    ['idle_long_tasks_50ms_2000', 'jobs_12', 'idle_long_tasks_50ms_12'],
    ['idle_long_tasks_50ms_2000', 'target', 0],
    ['fleet_ms_per_change_p95_2000', 'jobs_12', 'fleet_ms_per_change_p95_12'],
    ['fleet_ms_per_change_p95_2000', 'target_ms', 16],
    ['main_idle_cpu_pct_per_server_2000', 'jobs_12', 'main_idle_cpu_pct_per_server_12'],
    ['main_idle_cpu_pct_per_server_2000', 'target_pct', 2],
    ['main_heap_slope_mb_per_10min_2000', 'jobs_12', 'main_heap_slope_mb_per_10min_12'],
    ['renderer_heap_slope_mb_per_10min_2000', 'jobs_12', 'renderer_heap_slope_mb_per_10min_12']
  ],
  job_graph: [
    ['large_p95_ms', 'small_p95_ms', 'small_p95_ms'],
    ['large_p95_ms', 'target_ms', 16],
    ['large_first_ms', 'large_p95_ms', 'large_p95_ms']
  ],
  soak: [
    ['lines_shown', 'lines_expected', 'lines_expected'],
    ['lines_doubled', 'target', 0],
    ['heap_mb_end', 'heap_mb_start', 'heap_mb_start'],
    ['handles_end', 'handles_start', 'handles_start'],
    ['reconnects', 'faults', 'faults'],
    ['live_s', 'duration_s', 'duration_s']
  ]
}

/** The table rows of one result; a baseline given as a number is a target, not a measurement. */
export function pairsOf(result: BenchResult): Pair[] {
  return (SPECS[result.name] ?? []).map(([figure, baselineName, baseline]) => ({
    bench: result.name,
    figure,
    ours: result.figures[figure] ?? null,
    baselineName,
    baseline:
      typeof baseline === 'number'
        ? baseline
        : baseline === '-'
          ? null
          : (result.figures[baseline] ?? null)
  }))
}
