/**
 * Job status pushed by Dinky 1.2's `TASK_RUN_INSTANCE` topic (the 1.2.0 release on; `ws/topic/TaskRunInstance.java`, `ws/handler/TaskRunInstance.java`):
 * the ids of the tasks whose job Dinky's `FlinkJobThreadPool` is monitoring, sent whenever that set changes (checked
 * every second). It names no status, so a change (a task started, or its job ended one way or another) triggers a
 * REST read of the jobs at once, instead of waiting for the poll. While the pushes flow the poll stays as the safety
 * net, only slower; when the socket is not live (or the server has no such topic) it polls at the usual rate.
 */
import type { ConnectionSettings } from '../../../shared/profiles'
import type { Logger } from '../ports'

/** How much slower the jobs poll runs while `TASK_RUN_INSTANCE` pushes arrive. */
export const PUSHED_POLL_FACTOR = 6

export class RunningTasks {
  /** The last set pushed on the live socket; null while no push is flowing. */
  private running: ReadonlySet<number> | null = null

  /** `refreshJobs` reads the jobs now: the set of running tasks changed. */
  constructor(
    private readonly logger: Logger,
    private readonly refreshJobs: () => void
  ) {}

  /** True while pushes flow: the jobs poll may be slower. */
  get pushing(): boolean {
    return this.running !== null
  }

  /**
   * One pushed set. Why the first set of a connection refreshes nothing: it answers the subscription, and what
   * changed while the socket was down is read by the resync every reconnect runs anyway.
   */
  accept(taskIds: readonly number[]): void {
    const next = new Set(taskIds)
    const previous = this.running
    this.running = next
    if (!previous) return
    if (previous.size === next.size && [...next].every((id) => previous.has(id))) return
    this.logger.debug('running tasks changed', { running: next.size })
    this.refreshJobs()
  }

  /** The socket is not live: no pushes until the next set arrives. */
  lost(): void {
    this.running = null
  }

  /**
   * The connection settings the sync engine polls by: `jobsPollMs` read afresh at every scheduling, slower while
   * pushes flow. Why a view and not a copy: the sync engine reads it at each poll, so it follows the pushes.
   */
  pollSettings(settings: ConnectionSettings): ConnectionSettings {
    const view = { ...settings }
    Object.defineProperty(view, 'jobsPollMs', {
      enumerable: true,
      get: () => settings.jobsPollMs * (this.pushing ? PUSHED_POLL_FACTOR : 1)
    })
    return view
  }
}
