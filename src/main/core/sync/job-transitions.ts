/**
 * Job status transitions from successive REST snapshots. Dinky pushes no job status over its streams, so a change is
 * only ever seen as the difference between two job lists; this keeps the last status per job instance across
 * reconnects and resyncs, so each change is reported once.
 */
import type { Job, JobStatus, JobTransition } from '../../../shared/models'

export class JobTransitionTracker {
  private readonly known = new Map<number, JobStatus>()
  private sawLiveSnapshot = false

  /**
   * Starts from cached jobs, so the first live snapshot reports what changed while we were away. Why the first
   * snapshot reports no new jobs: they are not news, only what we have not looked at yet.
   */
  seed(jobs: readonly Job[]): void {
    if (this.sawLiveSnapshot) return
    for (const job of jobs) this.known.set(job.id, job.status)
  }

  /** The transitions between the last snapshot and this one; a job first seen after the first snapshot comes from null. */
  update(jobs: readonly Job[], at: number): JobTransition[] {
    const transitions: JobTransition[] = []
    for (const job of jobs) {
      const before = this.known.get(job.id)
      const changed = before === undefined ? this.sawLiveSnapshot : before !== job.status
      if (changed) {
        transitions.push({
          id: job.id,
          taskId: job.taskId,
          name: job.name,
          from: before ?? null,
          to: job.status,
          at
        })
      }
      this.known.set(job.id, job.status)
    }
    // Instances that left the list (a task's newer instance replaced them) are forgotten, keeping the map bounded.
    const present = new Set(jobs.map((job) => job.id))
    for (const id of this.known.keys()) if (!present.has(id)) this.known.delete(id)
    this.sawLiveSnapshot = true
    return transitions
  }
}
