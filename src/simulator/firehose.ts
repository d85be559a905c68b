/**
 * The benchmark firehose: PROCESS_CONSOLE events for one process as fast as the sockets drain. Each event still
 * carries the whole `ProcessEntity` (Dinky's O(n²) cost); the loop waits on every backed-up stream before the
 * next event, so memory stays bounded by the sockets' buffers rather than by the rate.
 */

import type { StreamHub } from './control'
import { formatLogRecord } from './world/console-script'
import type { World } from './world/world'

export interface FirehoseOptions {
  processName: string
  /** Lines to push in total. */
  lines: number
  /** Lines per appended record, so per event (default 1). */
  linesPerEvent?: number
}

export interface FirehoseReport {
  lines: number
  events: number
  /** Length of the process log at the end, in characters. */
  logChars: number
  elapsedMs: number
}

/** Runs the firehose; why it yields every few events: the sockets need the event loop to drain. */
export async function runFirehose(
  world: World,
  hubs: readonly StreamHub[],
  options: FirehoseOptions
): Promise<FirehoseReport> {
  const started = performance.now()
  const perEvent = Math.max(1, Math.floor(options.linesPerEvent ?? 1))
  let sent = 0
  let events = 0
  while (sent < options.lines) {
    const count = Math.min(perEvent, options.lines - sent)
    const lines: string[] = []
    for (let i = 0; i < count; i++) {
      const at = Date.now()
      const message = `firehose line ${sent + i + 1}: emitted ${count} per event, records=${sent + i}`
      lines.push(
        formatLogRecord(
          { level: 'INFO', logger: 'org.apache.flink.streaming.api.operators.StreamSink', message },
          at
        )
      )
    }
    world.console.appendBatch(options.processName, lines)
    sent += count
    events += 1
    await Promise.all(hubs.map((hub) => hub.drained()))
    if (events % 64 === 0) await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return {
    lines: sent,
    events,
    logChars: world.console.get(options.processName)?.log.length ?? 0,
    elapsedMs: Math.round(performance.now() - started)
  }
}
