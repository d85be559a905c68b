/**
 * `scale` (issue 23): the built app on three simulated servers, run twice in the same benchmark — 12 jobs per server
 * (the baseline) and 2,000 — and its figures read against each other and against the targets: IPC bytes
 * O(changed), the all-servers Jobs table, idle long tasks, the fleet overview, main's idle CPU, heap over churn.
 */
import { loadavg } from 'node:os'
import type { BenchOptions, BenchResult, Figure } from './bench-types'
import {
  CHURN_POLLS,
  FAST_POLL_MS,
  FAST_TICK_MS,
  runFastPace,
  WARMUP_POLLS
} from './scale/fast-pace'
import { isFlat } from './scale/heap-slope'
import { attempt } from './scale/not-measured'
import { runRealPace } from './scale/real-pace'
import { sizeFigures } from './scale/scale-figures'
import { forkScaleSims } from './scale/scale-sims'

const SERVERS = 3
export const SCALE_SIZES = [12, 2_000] as const

async function measureSize(jobs: number, options: BenchOptions): Promise<Record<string, Figure>> {
  const { quick, log } = options
  const sims = await forkScaleSims(SERVERS, jobs)
  try {
    const held = Math.min(...(await sims.stats()).map((server) => server.instances))
    if (held < jobs / 2) {
      const why = `not measured: the simulator holds ${held} jobs, not ${jobs} (no SimulatorOptions.jobs in this build)`
      log(`scale: ${why}`)
      return { jobs_listed: why }
    }
    log(
      `scale: ${SERVERS} servers × ${jobs} jobs, at the app's pace; load average ${loadAverage()}`
    )
    const real = await runRealPace(sims, {
      idleMs: quick ? 10_000 : 20_000,
      // Enough samples that a p95 is not simply the slowest one (20 opens, keystrokes, sorts; 24 card updates).
      reps: quick ? 4 : 20,
      changeRounds: quick ? [1, 10] : [1, 10, 1, 10, 1, 10, 1, 10],
      log
    })
    log(`scale: ${SERVERS} servers × ${jobs} jobs, at 10× the pace; load average ${loadAverage()}`)
    const fast = await attempt(() =>
      runFastPace(sims, {
        warmupPolls: quick ? 20 : WARMUP_POLLS,
        churnPolls: quick ? 40 : CHURN_POLLS,
        heapSamples: quick ? 3 : 13,
        churnCapMs: quick ? 45_000 : 160_000,
        log
      })
    )
    return { ...sizeFigures(SERVERS, real, fast), load_average_end: loadAverage() }
  } finally {
    await sims.close()
  }
}

const shown = (figure: Figure | undefined) => (typeof figure === 'number' ? String(figure) : '–')
/** The machine's 1-minute load average: the reader's measure of how shared the cores were. */
const loadAverage = () => Number(loadavg()[0].toFixed(1))
const num = (figure: Figure | undefined) => (typeof figure === 'number' ? figure : Number.NaN)

/** "met" / "MISSED" for a number against its target, or why there is no number. */
function judged(figure: Figure | undefined, ok: (value: number) => boolean): string {
  if (figure === undefined) return 'not measured (see jobs_listed_2000)'
  if (typeof figure !== 'number') return String(figure)
  return ok(figure) ? 'met' : 'MISSED'
}

function verdicts(f: Record<string, Figure>): string[] {
  const big = (key: string) => f[`${key}_2000`]
  const small = (key: string) => f[`${key}_12`]
  const line = (what: string, key: string, target: string, ok: (v: number) => boolean) =>
    `${what}: ${shown(big(key))} at 2,000 jobs/server (${shown(small(key))} at 12); ` +
    `target ${target}: ${judged(big(key), ok)}`
  return [
    line(
      'IPC bytes per idle poll (jobs’ first health readings apart: idle_first_health_bytes)',
      'idle_bytes_per_poll',
      '≈ 0 (under 100 B)',
      (v) => v < 100
    ),
    line(
      'IPC bytes per changed job',
      'bytes_per_changed_job',
      'O(changed): within 4× the 12-job figure',
      (v) => v <= 4 * num(small('bytes_per_changed_job'))
    ),
    line('Jobs table first render p95 ms', 'table_first_render_p95_ms', 'under 50', (v) => v < 50),
    line(
      'Jobs table name-filter keystroke p95 ms',
      'table_filter_p95_ms',
      'under 50',
      (v) => v < 50
    ),
    line('Jobs table sort p95 ms', 'table_sort_p95_ms', 'under 50', (v) => v < 50),
    line(
      'long tasks over 50 ms, idle minute-equivalent',
      'idle_long_tasks_50ms',
      'none',
      (v) => v === 0
    ),
    line(
      'fleet overview ms of main-thread work per change p95',
      'fleet_ms_per_change_p95',
      'under 16',
      (v) => v < 16
    ),
    line(
      'main idle CPU % of a core per server',
      'main_idle_cpu_pct_per_server',
      'under 2',
      (v) => v < 2
    ),
    line(
      'main heap slope MB per 10 min of churn',
      'main_heap_slope_mb_per_10min',
      'flat (≤ 10 % of start or 2 MB)',
      (v) => isFlat(v, num(big('main_heap_start_mb')))
    ),
    line(
      'renderer heap slope MB per 10 min of churn',
      'renderer_heap_slope_mb_per_10min',
      'flat (≤ 10 % of start or 2 MB)',
      (v) => isFlat(v, num(big('renderer_heap_start_mb')))
    )
  ]
}

export async function runScale(options: BenchOptions): Promise<BenchResult> {
  const figures: Record<string, Figure> = { servers: SERVERS }
  const started = performance.now()
  const log = (line: string) =>
    options.log(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s ${line}`)
  // BENCH_SCALE_SIZES=2000 runs one size alone: for working on the benchmark, not for its figures.
  const sizes = process.env['BENCH_SCALE_SIZES']?.split(',').map(Number) ?? SCALE_SIZES
  for (const jobs of sizes) {
    for (const [key, value] of Object.entries(await measureSize(jobs, { ...options, log })))
      figures[`${key}_${jobs}`] = value
  }
  return {
    name: 'scale',
    figures,
    verdicts: verdicts(figures),
    method:
      `Built app under the e2e stand-in in headless /usr/bin/chromium (1280×800) on ${SERVERS} simulated Dinky 1.1 ` +
      'servers (one child process, SimulatorOptions.jobs per server), once with 12 jobs per server and once with ' +
      '2,000, two launches each. Launch 1, the app’s own pace (jobs polled every 5 s, worlds frozen): main’s CPU ' +
      '(process.cpuUsage of the process running main, stand-in included) over an idle window / servers; bytes ' +
      'to the renderer (v8.serialize of every push and invoke answer, jvm:sample apart, and apart too a job’s ' +
      'first health reading: the sweep reads a few jobs at a time, so each is news) / jobs polls served; ' +
      'the all-servers Jobs table timed in the page from the input event (event.timeStamp) to the task after the ' +
      'frame that follows the last DOM change in the table (settled: no change for 200 ms); rounds of 1 or 10 job ' +
      'changes per server (a running job fails, another is restarted) under a Chromium trace: the fleet’s ms per ' +
      'change is the renderer main thread’s work of each task that changed a card (decoding the push, the store, ' +
      'React) plus the frame that painted it (style, layout, paint, commit), the frame budget the 16 ms target is ' +
      'about; fleet_push_to_paint is the wall time from the push leaving main to that paint (vsync wait and other ' +
      'servers’ pushes included); and the bytes they cost / jobs changed. Launch 2, 10× ' +
      `the pace: jobs polled every ${FAST_POLL_MS} ms, so the idle minute is 12 polls per server ` +
      `(PerformanceObserver longtask); then ${WARMUP_POLLS} polls per server of warm-up and ${CHURN_POLLS} ` +
      `measured (10 min each at 5 s) with every world stepping every ${FAST_TICK_MS} ms (each step is Dinky’s ` +
      '5 s: the simulator’s default churn, 3 status changes a minute among the generated jobs, plus the demo ' +
      'cast’s own), main’s heap (two full GCs in its process) and the renderer’s (CDP collectGarbage) sampled ' +
      'along the measured polls (*_heap_before_warmup_mb: before the warm-up, which grows what main learns of ' +
      'the churning jobs, then holds); the slope is a least-squares line × 120 polls. load_average_end: the ' +
      'machine’s 1-minute load average after each size.'
  }
}
