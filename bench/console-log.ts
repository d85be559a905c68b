/**
 * `console_log`: one 20,000-line submission where every event carries the whole log so far (Dinky's
 * PROCESS_CONSOLE). What main hands to the renderer, in structured-clone bytes (`v8.serialize`, the encoding
 * Electron's IPC uses) and CPU time: ours (log deltas + 50 ms batches) against forwarding every event as it comes.
 * Both start from the parsed event: receiving and parsing it is the same for both and is measured by `ingest`.
 */
import { serialize } from 'node:v8'
import { silentLogger } from '../src/main/core/logger'
import { ConsoleLogFollower } from '../src/main/core/sync/console-log-follower'
import { createPushBatcher } from '../src/main/ipc/push-batcher'
import { formatLogRecord } from '../src/simulator/world/console-script'
import { round, type BenchOptions, type BenchResult } from './bench-types'
import { ManualClock } from './manual-clock'

const PROCESS = 'FlinkSubmit/12'
/** Dinky appends one line per event; 1 ms apart is 1,000 lines/s, a busy submission. */
const EVENT_SPACING_MS = 1

/** The submission's log once, with the end of each line, so event n is a slice (no copy) of it. */
function buildLog(lines: number): { log: string; ends: number[] } {
  const parts: string[] = []
  const ends: number[] = []
  let length = 0
  const loggers = ['org.apache.flink.runtime.jobmaster.JobMaster', 'org.dinky.job.JobManager']
  for (let i = 0; i < lines; i++) {
    const level = i % 97 === 0 ? 'WARN' : 'INFO'
    const message = `Record batch ${i} committed to sink; checkpoint ${Math.floor(i / 50)} pending`
    const line = formatLogRecord({ level, logger: loggers[i % 2], message }, 1_724_724_930_000 + i)
    parts.push(line + '\n')
    length += line.length + 1
    ends.push(length)
  }
  return { log: parts.join(''), ends }
}

interface Side {
  bytes: number
  cpuMs: number
  /** Bytes sent while the first and the last tenth of the lines went through, per line. */
  firstTenthPerLine: number
  lastTenthPerLine: number
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

function runOurs(log: string, ends: number[]): Side {
  const clock = new ManualClock()
  const tenth = Math.floor(ends.length / 10)
  let bytes = 0
  let first = 0
  let last = 0
  let linesSent = 0
  const batcher = createPushBatcher((_channel, message) => {
    const size = serialize(message).length
    bytes += size
    const lines = (message.items as Array<{ lines: string[] }>).reduce(
      (n, i) => n + i.lines.length,
      0
    )
    if (linesSent < tenth) first += size
    if (linesSent >= ends.length - tenth) last += size
    linesSent += lines
  }, clock)
  const follower = new ConsoleLogFollower({ logger: silentLogger })
  const start = process.cpuUsage()
  for (let i = 0; i < ends.length; i++) {
    const entity = { key: 'run-1', log: log.slice(0, ends[i]), status: 'RUNNING', endTime: null }
    for (const chunk of follower.accept(PROCESS, entity)) {
      batcher.pushEnvelope({ profileId: 'bench', seq: i + 1, update: { type: 'log', chunk } })
    }
    clock.advance(EVENT_SPACING_MS)
  }
  batcher.flush()
  const cpuMs = cpuMsSince(start)
  batcher.dispose()
  return { bytes, cpuMs, firstTenthPerLine: first / tenth, lastTenthPerLine: last / tenth }
}

function runNaive(log: string, ends: number[]): Side {
  const tenth = Math.floor(ends.length / 10)
  let bytes = 0
  let first = 0
  let last = 0
  const start = process.cpuUsage()
  for (let i = 0; i < ends.length; i++) {
    const entity = { key: 'run-1', log: log.slice(0, ends[i]), status: 'RUNNING', endTime: null }
    const size = serialize({
      seq: i + 1,
      items: [{ profileId: 'bench', process: PROCESS, entity }]
    }).length
    bytes += size
    if (i < tenth) first += size
    if (i >= ends.length - tenth) last += size
  }
  return {
    bytes,
    cpuMs: cpuMsSince(start),
    firstTenthPerLine: first / tenth,
    lastTenthPerLine: last / tenth
  }
}

/** Runs both sides on the same prebuilt log. */
export function runConsoleLog(options: BenchOptions): BenchResult {
  const lines = options.quick ? 2_000 : 20_000
  options.log(`console_log: ${lines} lines, ours then naive`)
  const { log, ends } = buildLog(lines)
  const ours = runOurs(log, ends)
  const naive = runNaive(log, ends)
  const growth = ours.lastTenthPerLine / ours.firstTenthPerLine
  return {
    name: 'console_log',
    figures: {
      lines,
      log_chars: log.length,
      ours_bytes_per_line: round(ours.bytes / lines),
      naive_bytes_per_line: round(naive.bytes / lines),
      ours_ms: round(ours.cpuMs),
      naive_ms: round(naive.cpuMs),
      ours_us_per_line: round((ours.cpuMs * 1000) / lines, 2),
      naive_us_per_line: round((naive.cpuMs * 1000) / lines, 2),
      ours_bytes_per_line_first_tenth: round(ours.firstTenthPerLine),
      ours_bytes_per_line_last_tenth: round(ours.lastTenthPerLine),
      naive_bytes_per_line_first_tenth: round(naive.firstTenthPerLine),
      naive_bytes_per_line_last_tenth: round(naive.lastTenthPerLine),
      bytes_ratio_naive_over_ours: round(naive.bytes / ours.bytes)
    },
    verdicts: [
      `ours per line, last tenth / first tenth = ${round(growth, 2)} ` +
        `(grows with the line, not the log: ${growth < 1.5 ? 'met' : 'MISSED'})`
    ],
    method:
      `${lines} lines of ~${Math.round(log.length / lines)} chars, one event per line ${EVENT_SPACING_MS} ms ` +
      'apart (a manual clock drives the 50 ms batcher); bytes are v8.serialize sizes of what would be sent, ' +
      'CPU is process CPU time of the loop, parsing excluded on both sides.'
  }
}
