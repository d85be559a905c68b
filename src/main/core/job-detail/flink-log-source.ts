/**
 * Flink's logs through Dinky (`getJobManagerLog|StdOut|ThreadDump`, `getTaskManagerLog`) as console-log chunks:
 * each log is a pseudo process (`flink:jm-log@10.0.0.1:8081`) so the existing log viewer, tails and cache take it
 * as they take a submission log. "Follow" polls and runs every answer through the same linear-cost
 * `extractLogDelta` as console logs: each poll costs the new text, not the whole log.
 */
import { z } from 'zod'
import type { FlinkLogKind, FlinkLogRef } from '../../../shared/job-health'
import type { LogChunk } from '../../../shared/models'
import type { DinkyClient } from '../dinky/types'
import { extractLogDelta, type LogCursor } from '../sync/log-delta'

const ENDPOINT: Record<FlinkLogKind, string> = {
  'jm-log': '/api/jobInstance/getJobManagerLog',
  'jm-stdout': '/api/jobInstance/getJobManagerStdOut',
  'jm-thread-dump': '/api/jobInstance/getJobManagerThreadDump',
  'tm-log': '/api/jobInstance/getTaskManagerLog'
}

/** Thread infos kept of a dump: a JobManager has a few hundred threads at most. */
const MAX_THREADS = 2_000

/** The pseudo process name of a Flink log: stable, readable, and never a Dinky process name. */
export function flinkLogProcess(ref: FlinkLogRef): string {
  const tm = ref.kind === 'tm-log' && ref.containerId ? `/${ref.containerId}` : ''
  return `flink:${ref.kind}@${ref.address}${tm}`
}

const threadDumpSchema = z.object({
  threadInfos: z.array(z.unknown()).nullish()
})

/** The dump's JSON string as text: each thread's `stringifiedThreadInfo`, bounded. */
export function threadDumpText(raw: string): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return raw
  }
  const dump = threadDumpSchema.safeParse(parsed)
  if (!dump.success) return raw
  const parts: string[] = []
  for (const info of (dump.data.threadInfos ?? []).slice(0, MAX_THREADS)) {
    const text = (info as { stringifiedThreadInfo?: unknown })?.stringifiedThreadInfo
    if (typeof text === 'string') parts.push(text.trimEnd())
  }
  return parts.join('\n\n') + '\n'
}

/** One read of a Flink log, as text. */
export async function readFlinkLog(client: DinkyClient, ref: FlinkLogRef): Promise<string> {
  const query: Record<string, string> = { address: ref.address }
  if (ref.kind === 'tm-log') query.containerId = ref.containerId ?? ''
  const text = await client.request(ENDPOINT[ref.kind], z.string().nullable(), { query })
  const value = text ?? ''
  return ref.kind === 'jm-thread-dump' ? threadDumpText(value) : value
}

/** A followed Flink log: its cursor between polls. */
export class FlinkLogFollow {
  private cursor: LogCursor | null = null
  readonly process: string

  constructor(readonly ref: FlinkLogRef) {
    this.process = flinkLogProcess(ref)
  }

  /**
   * The new lines since the last read. A thread dump is a fresh snapshot each time (a new run per read); logs are
   * append-only, so only their new text is delivered.
   */
  accept(text: string, readAt: number): LogChunk[] {
    const key = this.ref.kind === 'jm-thread-dump' ? `dump-${readAt}` : this.process
    const delta = extractLogDelta(this.cursor, { key, log: text, ended: false })
    this.cursor = delta.cursor
    return delta.chunks
      .filter((chunk) => chunk.lines.length > 0)
      .map((chunk) => ({ process: this.process, run: chunk.run, lines: chunk.lines, stale: false }))
  }
}
