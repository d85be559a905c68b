/**
 * REST sync of one server: a full snapshot (jobs, counts, clusters, task managers, system info, followed processes)
 * at start and after every reconnect of the topic stream (its processes once it is subscribed: `fillProcesses`),
 * then polling (jobs and counts, clusters) as Dinky pushes no job status. Poll failures drive the `rest` stream's
 * `ConnectionState` like the push streams'. Snapshot answers are checked against a generation after each await.
 * This class is the lifecycle (start, pauses, queued snapshots) and what a failure leads to (one re-login,
 * `auth-expired`, a backoff); what is read and when is `SyncPolls`.
 */
import type { ConnectionReason, ConnectionState } from '../../../shared/connection'
import type { Cluster, Job, JobTransition, StatusCounts, SysInfo } from '../../../shared/models'
import type { TaskManager } from '../../../shared/models'
import type { ConnectionSettings } from '../../../shared/profiles'
import { LOGIN_RETRYABLE } from '../connection/close-policy'
import { classifyNetworkError } from '../dinky/classify'
import { DinkyError } from '../dinky/dinky-error'
import type { DinkyClient, DinkyProcess } from '../dinky/types'
import type { Clock, Logger } from '../ports'
import { describeFailure } from './cluster-extras'
import { GenerationTimers } from './generation-timers'
import { RestStreamState } from './rest-stream-state'
import { SyncPolls } from './sync-polls'

export type SyncClient = Pick<
  DinkyClient,
  'jobs' | 'statusCounts' | 'clusters' | 'taskManagers' | 'sysInfo' | 'process'
>

export interface SyncEvents {
  onState(state: ConnectionState): void
  onJobs(jobs: Job[], counts: StatusCounts | null, asOf: number, transitions: JobTransition[]): void
  onClusters(clusters: Cluster[], taskManagers: Record<number, TaskManager[]>, asOf: number): void
  onSysInfo(sysInfo: SysInfo, asOf: number): void
  /** The cluster list failed on its own (jobs are fine): what is shown is stale, for this reason. */
  onClustersStale?(reason: ConnectionReason, detail: string): void
  onProcess(process: string, entity: DinkyProcess): void
  /** A poll failed (for diagnoses such as a proxy's error page). */
  onFailure?(error: unknown): void
}

export interface SyncEngineOptions {
  client: SyncClient
  clock: Clock
  logger: Logger
  settings: ConnectionSettings
  events: SyncEvents
  /** Processes whose console logs are filled from `getProcess` by a snapshot that includes processes. */
  followed: () => readonly string[]
  /** One silent re-login after the token expired; rejects when it fails. */
  relogin?: () => Promise<void>
  random?: () => number
}

type Pause = 'offline' | 'suspended' | 'auth' | null

export class SyncEngine {
  private readonly rest: RestStreamState
  private readonly timers: GenerationTimers
  private readonly polls: SyncPolls
  private running = false
  private pause: Pause = null
  private reloginTried = false
  private snapshotInFlight: Promise<void> | null = null
  /** A snapshot asked for while one is in flight; whether it includes the followed processes. */
  private queued: { processes: boolean } | null = null

  constructor(private readonly options: SyncEngineOptions) {
    const { clock, logger, settings, random, events } = options
    this.rest = new RestStreamState(clock, logger, settings, random, (state) =>
      events.onState(state)
    )
    this.timers = new GenerationTimers(clock)
    this.polls = new SyncPolls(options, {
      timers: this.timers,
      succeeded: () => this.succeeded(),
      failed: (generation, error) => this.failed(generation, error)
    })
  }

  current(): ConnectionState {
    return this.rest.current()
  }

  /** Cached jobs: the first live snapshot then reports only what changed while we were away. */
  seedJobs(jobs: readonly Job[]): void {
    this.polls.seedJobs(jobs)
  }

  /** After a tenant switch every job is another tenant's: the next snapshot is a first one again. */
  rebase(): void {
    this.polls.rebase()
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.setState({ kind: 'connecting', reason: 'started', since: this.options.clock.now() })
    void this.resync()
  }

  /**
   * A full snapshot now. Why a second one is queued rather than dropped while one is in flight: the caller has
   * just reconnected, and an answer computed before that may predate what the stream missed. A reconnect of the
   * topic stream passes `processes: false`: its processes are read by `fillProcesses` once it is subscribed.
   */
  resync({ processes = true }: { processes?: boolean } = {}): Promise<void> {
    if (!this.running || this.pause) return Promise.resolve()
    if (this.snapshotInFlight) {
      this.queued = { processes: processes || (this.queued?.processes ?? false) }
      return this.snapshotInFlight
    }
    const generation = this.timers.supersede()
    this.snapshotInFlight = this.polls.snapshot(generation, processes).finally(() => {
      this.snapshotInFlight = null
      const queued = this.queued
      this.queued = null
      if (queued) void this.resync(queued)
    })
    return this.snapshotInFlight
  }

  /**
   * Reads these processes' console logs now: called once the topic stream holds them, so every line written after
   * the read arrives on the stream. Why not dropped when a snapshot supersedes it: nothing else would read them.
   */
  async fillProcesses(processes: readonly string[]): Promise<void> {
    const running = () => this.running
    for (const process of processes) if (running()) await this.polls.fillProcess(process, running)
  }

  /** Skips the backoff wait (and leaves auth-expired, allowing one more re-login). */
  retryNow(): void {
    if (!this.running || this.pause === 'offline' || this.pause === 'suspended') return
    this.pause = null
    this.reloginTried = false
    if (this.rest.current().kind !== 'live')
      this.setState({ kind: 'connecting', reason: 'user-retry', since: this.now() })
    void this.resync()
  }

  notifyNetwork(online: boolean): void {
    if (!this.running) return
    if (!online) {
      this.halt('offline', { kind: 'offline', reason: 'network-offline', since: this.now() })
    } else if (this.pause === 'offline') {
      this.resume('resumed')
    }
  }

  notifySuspend(): void {
    if (this.running && this.pause !== 'auth') this.halt('suspended', null)
  }

  notifyResume(): void {
    if (this.running && this.pause !== 'auth') this.resume('resumed')
  }

  stop(): void {
    if (!this.running) return
    this.running = false
    this.timers.supersede()
    this.setState({ kind: 'stopped', reason: 'stopped-by-user', since: this.now() })
  }

  private now(): number {
    return this.options.clock.now()
  }

  private halt(pause: Exclude<Pause, null>, state: ConnectionState | null): void {
    this.pause = pause
    this.queued = null
    this.timers.supersede()
    if (state) this.setState(state)
  }

  private resume(reason: ConnectionReason): void {
    this.pause = null
    this.rest.set({ kind: 'connecting', reason, since: this.now() }, true)
    void this.resync()
  }

  private setState(state: ConnectionState): void {
    this.rest.set(state)
  }

  private succeeded(): void {
    this.reloginTried = false
    this.rest.succeeded()
  }

  private async failed(generation: number, error: unknown): Promise<void> {
    if (!this.timers.current(generation) || !this.running) return
    this.options.events.onFailure?.(error)
    // A resync queued behind a failed one would skip the backoff wait.
    this.queued = null
    const reason = error instanceof DinkyError ? error.reason : classifyNetworkError(error)
    const { logger, relogin } = this.options
    if (reason === 'token-expired' && relogin && !this.reloginTried) {
      this.reloginTried = true
      const mine = this.timers.supersede()
      try {
        await relogin()
        if (this.timers.current(mine) && this.running) void this.resync()
        return
      } catch (loginError) {
        if (!this.timers.current(mine) || !this.running) return
        // A login that never reached Dinky (it is restarting) says nothing of the credentials: retry it later.
        const again = loginError instanceof DinkyError ? loginError.reason : 'login-failed'
        if (LOGIN_RETRYABLE.has(again)) {
          this.reloginTried = false
          return this.retryLater(again, loginError)
        }
      }
    }
    if (reason === 'token-expired' || reason === 'login-failed') {
      logger.error('REST login expired; log in again', { reason })
      this.halt('auth', { kind: 'auth-expired', reason, since: this.now() })
      return
    }
    this.retryLater(reason, error)
  }

  private retryLater(reason: ConnectionReason, error: unknown): void {
    this.timers.supersede()
    const delay = this.rest.failed(reason, describeFailure(error))
    this.timers.schedule('retry', delay, () => void this.resync())
  }
}
