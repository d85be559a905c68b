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
/** Replaced run keys remembered per process: enough for the copies still in flight, bounded whatever the server. */
const RETIRED_KEYS = 8

/** What is known of a process's runs besides its cursor: its start, replaced keys, copies taken. */
interface RunHistory {
  /** The current run's `startTime` in ms, when the server gave one. */
  startedAt: number | null
  /** Keys of runs already replaced by a newer one, newest last: a run never comes back. */
  retired: string[]
  /**
   * Copies taken so far, pushed or read: a REST read that saw others land while in flight may predate them (two
   * reads can also pass each other).
   */
  copies: number
}

/** What the follower reads of a `ProcessEntity`. */
export type FollowedEntity = Pick<DinkyProcess, 'key' | 'log' | 'status' | 'endTime'> &
  Partial<Pick<DinkyProcess, 'startTime'>>

/** A run's start in ms, or null when absent or unreadable. */
function startMs(startTime: string | null | undefined): number | null {
  if (!startTime) return null
  const ms = Date.parse(startTime)
  return Number.isNaN(ms) ? null : ms
}

export interface ConsoleLogFollowerOptions {
  logger: Logger
  maxLineChars?: number
  /** Characters examined per event, for benchmarks and the linear-cost check. */
  onWork?: (chars: number) => void
}

export class ConsoleLogFollower {
  private readonly cursors = new Map<string, LogCursor>()
  private readonly runs = new Map<string, RunHistory>()

  constructor(private readonly options: ConsoleLogFollowerOptions) {}

  /**
   * Starts from a cached tail, so the first live event of the same run yields only what follows the cached lines.
   * The run id given downstream may be `key#n` after a restart; the server's key is what precedes `#`.
   */
  seed(process: string, run: string, lines: readonly string[]): void {
    if (this.cursors.has(process)) return
    this.cursors.set(process, seededLogCursor(run.split('#')[0], run, lines))
  }

  /** The new lines of a process's latest state pushed on the stream, as chunks ready to emit. */
  accept(process: string, entity: FollowedEntity): LogChunk[] {
    if (this.isOlderRun(process, entity)) return []
    return this.take(process, entity)
  }

  /** A mark to pass back to `acceptFetched` with the answer of a read begun now. */
  mark(process: string): number {
    return this.history(process).copies
  }

  private take(process: string, entity: FollowedEntity): LogChunk[] {
    const previous = this.cursors.get(process)
    this.history(process).copies++
    const ended = entity.endTime !== null || ENDED_STATUSES.has(entity.status)
    const delta = extractLogDelta(
      this.cursors.get(process) ?? null,
      { key: entity.key, log: entity.log, ended },
      { maxLineChars: this.options.maxLineChars }
    )
    this.cursors.set(process, delta.cursor)
    if (!previous || previous.key !== entity.key) this.newRun(process, previous, entity)
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
   * ended run) holds nothing new; taken as the latest state it would look like a rewritten log. Across runs the
   * same holds: an answer of another run is ignored when that run is older than the one shown (a key already
   * replaced, an earlier start) or when, given the `mark` taken before the read, other copies (pushed, or read by a
   * later request) were taken while it was in flight — taken as a new run, it would show the old run and then the new one's lines a second time.
   */
  acceptFetched(process: string, entity: FollowedEntity, mark?: number): LogChunk[] {
    const cursor = this.cursors.get(process)
    if (cursor && cursor.key !== entity.key) {
      const overtaken = mark !== undefined && this.history(process).copies > mark
      if (overtaken || this.isOlderRun(process, entity)) {
        this.options.logger.debug('ignored a console read of an older run', { process })
        return []
      }
    }
    const read = cursor ? cursor.consumed + cursor.pending.length : 0
    if (cursor && cursor.key === entity.key && !cursor.seededLines) {
      if (cursor.ended || entity.log.length < read) return []
    }
    return this.take(process, entity)
  }

  /** True when `entity` is a run the current one already replaced, or one that started before it. */
  private isOlderRun(process: string, entity: FollowedEntity): boolean {
    const cursor = this.cursors.get(process)
    if (!cursor || cursor.key === entity.key) return false
    const history = this.history(process)
    if (history.retired.includes(entity.key)) return true
    const started = startMs(entity.startTime)
    return started !== null && history.startedAt !== null && started < history.startedAt
  }

  private newRun(process: string, previous: LogCursor | undefined, entity: FollowedEntity): void {
    const history = this.history(process)
    if (previous) {
      history.retired.push(previous.key)
      if (history.retired.length > RETIRED_KEYS) history.retired.shift()
    }
    history.startedAt = startMs(entity.startTime)
  }

  private history(process: string): RunHistory {
    let history = this.runs.get(process)
    if (!history) {
      history = { startedAt: null, retired: [], copies: 0 }
      this.runs.set(process, history)
    }
    return history
  }

  /** True while the process's current run may still write lines. */
  isRunning(process: string): boolean {
    const cursor = this.cursors.get(process)
    return cursor !== undefined && !cursor.ended
  }

  forget(process: string): void {
    this.cursors.delete(process)
    this.runs.delete(process)
  }
}
