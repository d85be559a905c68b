/**
 * What the REST sync reads and when: the full snapshot (jobs, counts, clusters with their task managers and system
 * info, followed processes), then the jobs and clusters polls that follow it, each answer checked against its
 * generation after every await. Separate from `SyncEngine`, which owns the `rest` stream's state, the pauses and
 * what a failure leads to; this module only reads, reports what it read, and hands failures back.
 */
import type { Cluster, Job } from '../../../shared/models'
import type { Clock } from '../ports'
import { ClusterExtras, describeFailure } from './cluster-extras'
import type { GenerationTimers } from './generation-timers'
import { JobTransitionTracker } from './job-transitions'
import { readJobParts, readSnapshotParts, reportStaleClusters } from './partial-answers'
import type { SyncEngineOptions } from './sync-engine'

export interface SyncPollsHooks {
  timers: GenerationTimers
  /** An answer arrived: the `rest` stream is live. */
  succeeded(): void
  /** A read failed for `generation`: the engine decides between re-login, auth-expired and a backoff. */
  failed(generation: number, error: unknown): Promise<void>
}

export class SyncPolls {
  private readonly extras: ClusterExtras
  private transitions = new JobTransitionTracker()
  private readonly clock: Clock

  constructor(
    private readonly options: SyncEngineOptions,
    private readonly hooks: SyncPollsHooks
  ) {
    this.clock = options.clock
    this.extras = new ClusterExtras(options.client, options.logger)
  }

  /** Cached jobs: the first live snapshot then reports only what changed while we were away. */
  seedJobs(jobs: readonly Job[]): void {
    this.transitions.seed(jobs)
  }

  /** After a tenant switch every job is another tenant's: the next snapshot is a first one again. */
  rebase(): void {
    this.transitions = new JobTransitionTracker()
  }

  async snapshot(generation: number, processes: boolean): Promise<void> {
    const { client, events, settings, logger } = this.options
    const { timers } = this.hooks
    try {
      const { jobs, counts, clusters } = await readSnapshotParts(client, logger)
      if (!timers.current(generation)) return
      const asOf = this.clock.now()
      this.hooks.succeeded()
      events.onJobs(jobs, counts, asOf, this.transitions.update(jobs, asOf))
      if (clusters.ok) await this.refreshClusterDetails(generation, clusters.value, asOf)
      else if (!reportStaleClusters(clusters.error, logger, events.onClustersStale))
        throw clusters.error
      const wanted = () => timers.current(generation)
      if (processes)
        for (const process of this.options.followed()) await this.fillProcess(process, wanted)
      if (!timers.current(generation)) return
      timers.schedule('jobs', settings.jobsPollMs, () => void this.pollJobs(generation))
      timers.schedule('clusters', settings.clustersPollMs, () => void this.pollClusters(generation))
    } catch (error) {
      await this.hooks.failed(generation, error)
    }
  }

  async fillProcess(process: string, stillWanted: () => boolean): Promise<void> {
    try {
      const entity = await this.options.client.process(process)
      if (entity && stillWanted()) this.options.events.onProcess(process, entity)
    } catch (error) {
      this.options.logger.debug('console log unavailable', {
        process,
        error: describeFailure(error)
      })
    }
  }

  private async pollJobs(generation: number): Promise<void> {
    const { timers } = this.hooks
    try {
      const { jobs, counts } = await readJobParts(this.options.client, this.options.logger)
      if (!timers.current(generation)) return
      const asOf = this.clock.now()
      this.hooks.succeeded()
      this.options.events.onJobs(jobs, counts, asOf, this.transitions.update(jobs, asOf))
      timers.schedule(
        'jobs',
        this.options.settings.jobsPollMs,
        () => void this.pollJobs(generation)
      )
    } catch (error) {
      await this.hooks.failed(generation, error)
    }
  }

  private async pollClusters(generation: number): Promise<void> {
    const { timers } = this.hooks
    const every = this.options.settings.clustersPollMs
    try {
      const clusters = await this.options.client.clusters()
      if (!timers.current(generation)) return
      this.hooks.succeeded()
      await this.refreshClusterDetails(generation, clusters, this.clock.now())
      if (!timers.current(generation)) return
      timers.schedule('clusters', every, () => void this.pollClusters(generation))
    } catch (error) {
      if (!timers.current(generation)) return
      if (!reportStaleClusters(error, this.options.logger, this.options.events.onClustersStale))
        return this.hooks.failed(generation, error)
      timers.schedule('clusters', every, () => void this.pollClusters(generation))
    }
  }

  /** Task managers and system info are extras: one failing keeps the old value, not the stream's state. */
  private async refreshClusterDetails(generation: number, clusters: Cluster[], asOf: number) {
    const { timers } = this.hooks
    const taskManagers = await this.extras.taskManagersOf(clusters)
    if (!timers.current(generation)) return
    this.options.events.onClusters(clusters, taskManagers, asOf)
    const sysInfo = await this.extras.sysInfo()
    if (sysInfo && timers.current(generation))
      this.options.events.onSysInfo(sysInfo, this.clock.now())
  }
}
