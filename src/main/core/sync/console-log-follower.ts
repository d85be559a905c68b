/**
 * Console logs of the followed processes: one log-delta cursor per process, fed by the topic stream and by
 * `getProcess` alike, so a line seen by both paths still goes downstream once, and a REST answer older than what
 * the stream brought is recognised as such.
 */
import type { LogChunk } from '../../../shared/models'
import type { Logger } from '../ports'
import type { DinkyProcess } from '../dinky/types'
import { extractLogDelta, seededLogCursor, type LogCursor } from './log-delta'

/** Dinky's `ProcessStatus` values after which a run writes no more lines. */
const ENDED_STATUSES = new Set(['FINISHED', 'FAILED', 'CANCELED'])

export interface ConsoleLogFollowerOptions {
  logger: Logger
  maxLineChars?: number
  /** Characters examined per event, for benchmarks and the linear-cost check. */
  onWork?: (chars: number) => void
}

export class ConsoleLogFollower {
  private readonly cursors = new Map<string, LogCursor>()

  constructor(private readonly options: ConsoleLogFollowerOptions) {}

  /**
   * Starts from a cached tail, so the first live event of the same run yields only what follows the cached lines.
   * The run id given downstream may be `key#n` after a restart; the server's key is what precedes `#`.
   */
  seed(process: string, run: string, lines: readonly string[]): void {
    if (this.cursors.has(process)) return
    this.cursors.set(process, seededLogCursor(run.split('#')[0], run, lines))
  }

  /** The new lines of a process's latest state, as chunks ready to emit. */
  accept(
    process: string,
    entity: Pick<DinkyProcess, 'key' | 'log' | 'status' | 'endTime'>
  ): LogChunk[] {
    const ended = entity.endTime !== null || ENDED_STATUSES.has(entity.status)
    const delta = extractLogDelta(
      this.cursors.get(process) ?? null,
      { key: entity.key, log: entity.log, ended },
      { maxLineChars: this.options.maxLineChars }
    )
    this.cursors.set(process, delta.cursor)
    this.options.onWork?.(delta.work)
    if (delta.restarted) {
      this.options.logger.warn(
        'console log no longer continues the lines shown; restarting the run',
        {
          process,
          run: delta.cursor.run
        }
      )
    }
    return delta.chunks.map((chunk) => ({
      process,
      run: chunk.run,
      lines: chunk.lines,
      stale: false
    }))
  }

  /**
   * The new lines of a state read over REST. Why not `accept`: the answer may have been overtaken by stream events
   * sent after it, and within one run the log only grows, so a log no longer than what was read (or a read of an
   * ended run) holds nothing new; taken as the latest state it would look like a rewritten log.
   */
  acceptFetched(
    process: string,
    entity: Pick<DinkyProcess, 'key' | 'log' | 'status' | 'endTime'>
  ): LogChunk[] {
    const cursor = this.cursors.get(process)
    const read = cursor ? cursor.consumed + cursor.pending.length : 0
    if (cursor && cursor.key === entity.key && !cursor.seededLines) {
      if (cursor.ended || entity.log.length < read) return []
    }
    return this.accept(process, entity)
  }

  /** True while the process's current run may still write lines. */
  isRunning(process: string): boolean {
    const cursor = this.cursors.get(process)
    return cursor !== undefined && !cursor.ended
  }

  forget(process: string): void {
    this.cursors.delete(process)
  }
}
