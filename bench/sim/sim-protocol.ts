/**
 * Messages between the benchmark and the simulator it runs in a child process. The simulator gets its own process
 * (and so its own core) so that what a benchmark measures is the consumer, not the producer's JSON.stringify.
 */

/** Runs of one process, each a new key and an empty log, so events never grow past `runLines` lines. */
export interface RunsRequest {
  op: 'runs'
  /** Lines per run before the next run starts afresh. */
  runLines: number
  linesPerEvent: number
  /** Stop after this many lines in total (whole runs). */
  maxLines?: number
  /** Stop starting new runs after this long. */
  durationMs?: number
}

export interface RunsReport {
  lines: number
  events: number
  runs: number
  elapsedMs: number
  /** CPU the simulator process used meanwhile (user + system). */
  cpuMs: number
  /** Characters of the longest log sent. */
  maxLogChars: number
}

export type SimRequest =
  | RunsRequest
  | { op: 'stop' }
  | { op: 'drop' }
  | { op: 'stall' }
  | { op: 'restart'; downMs: number }
  /** Starts a run of the firehose process that stays running (the soak appends to it). */
  | { op: 'begin' }
  | { op: 'append'; lines: string[] }
  | { op: 'close' }

export type SimMessage =
  | { type: 'ready'; url: string; processName: string; taskId: number }
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string }
