/**
 * The console logs one session follows: which processes, their cursors (the log follower, seeded from the cached
 * tails) and how pushed and fetched copies become log chunks in the model. Separate from `Session` because it is
 * one concern with its own state — the session only tells it what was followed and hands it what arrived.
 */
import type { LogChunk } from '../../../shared/models'
import type { DinkyClient, DinkyProcess } from '../dinky/types'
import type { Logger } from '../ports'
import { ConsoleLogFollower } from '../sync/console-log-follower'
import type { SessionModel } from './session-model'

export interface FollowedLogsOptions {
  model: SessionModel
  client: Pick<DinkyClient, 'isLoggedIn' | 'process'>
  logger: Logger
  /** The profile's followed processes at start. */
  processes: readonly string[]
  /** The followed set changed: the topic stream must now carry these processes. */
  onChanged(processes: readonly string[]): void
}

export class FollowedLogs {
  private readonly followed: Set<string>
  private readonly follower: ConsoleLogFollower
  /** The follower's mark when each answer's read began (`read`). */
  private readonly marks = new WeakMap<DinkyProcess, number>()

  constructor(private readonly options: FollowedLogsOptions) {
    this.followed = new Set(options.processes)
    this.follower = new ConsoleLogFollower({ logger: options.logger })
    for (const tail of options.model.tails.all())
      this.follower.seed(tail.process, tail.run, tail.lines)
  }

  list(): string[] {
    return [...this.followed]
  }

  has(process: string): boolean {
    return this.followed.has(process)
  }

  /** Follows `process` and reads its log now when logged in; returns its tail as known. */
  async follow(process: string): Promise<LogChunk[]> {
    const { client, model } = this.options
    if (!this.followed.has(process)) {
      this.followed.add(process)
      this.options.onChanged(this.list())
    }
    if (client.isLoggedIn()) {
      try {
        const entity = await this.read(process)
        if (entity && this.followed.has(process)) this.acceptFetched(process, entity)
      } catch (error) {
        this.options.logger.debug('console log unavailable', { process, error: String(error) })
      }
    }
    const tail = model.tails.get(process)
    return tail ? [{ process, run: tail.run, lines: tail.lines, stale: tail.stale }] : []
  }

  unfollow(process: string): void {
    if (!this.followed.delete(process)) return
    this.options.onChanged(this.list())
    this.follower.forget(process)
    this.options.model.tails.remove(process)
  }

  /** A copy pushed on the topic stream; ignored once the process is no longer followed. */
  acceptPushed(process: string, entity: DinkyProcess): void {
    if (!this.has(process)) return
    for (const chunk of this.follower.accept(process, entity))
      this.options.model.apply({ type: 'log', chunk })
  }

  /**
   * Reads a process over REST, remembering how far the stream had got when the read began: an answer of another
   * run that the stream overtook while it was in flight is then recognised as older (`acceptFetched`). Every REST
   * read of a followed process goes through here (the session hands the sync and the poller a client whose
   * `process` is this).
   */
  async read(process: string): Promise<DinkyProcess | null> {
    const mark = this.follower.mark(process)
    const entity = await this.options.client.process(process)
    if (entity) this.marks.set(entity, mark)
    return entity
  }

  /** A copy read over REST (a snapshot, a follow, the degraded poller). */
  acceptFetched(process: string, entity: DinkyProcess): void {
    for (const chunk of this.follower.acceptFetched(process, entity, this.marks.get(entity)))
      this.options.model.apply({ type: 'log', chunk })
  }
}
