/**
 * The live half of a logged-in session: the REST sync and the push streams, built together at the first login
 * (wired to each other: a reopened topic stream asks the sync for a snapshot, running-task pushes slow the jobs
 * poll) and stopped together at logout or stop. Separate from `Session`, which owns the cache-first model, the
 * login and the public API, and forwards the host's events (network, sleep) here once there is something live.
 */
import type { AppSettings } from '../../../shared/profiles'
import type { DinkyClient } from '../dinky/types'
import type { SessionMetrics } from '../metrics/session-metrics'
import type { Clock, Logger } from '../ports'
import { RunningTasks } from '../sync/running-tasks'
import { SyncEngine } from '../sync/sync-engine'
import type { FollowedLogs } from './followed-logs'
import type { SessionModel } from './session-model'
import { SessionStreams } from './session-streams'
import { syncEventsFor } from './sync-events'

export interface SessionLiveOptions {
  client: DinkyClient
  model: SessionModel
  logs: FollowedLogs
  metrics: SessionMetrics
  clock: Clock
  logger: Logger
  settings: AppSettings
  random?: () => number
  relogin: () => Promise<void>
  /** What a failed answer is checked against (`diagnoseAddress`). */
  address: { baseUrl: string; now: () => number }
}

export class SessionLive {
  readonly sync: SyncEngine
  readonly streams: SessionStreams

  constructor(options: SessionLiveOptions) {
    const { model, logs, clock, logger, settings, random, relogin } = options
    // Every REST read of a process goes through the followed logs, which note how far the stream had got.
    const client = Object.create(options.client, {
      process: { value: (process: string) => logs.read(process) }
    }) as DinkyClient
    const tasks = new RunningTasks(logger, () => void this.sync.resync({ processes: false }))
    const onFetched = logs.acceptFetched.bind(logs)
    this.sync = new SyncEngine({
      client,
      clock,
      logger: logger.child('rest'),
      settings: tasks.pollSettings(settings.connection),
      random,
      followed: () => logs.list(),
      relogin,
      events: syncEventsFor(model, onFetched, options.address)
    })
    this.sync.seedJobs(model.snapshot().jobs?.value ?? [])
    this.streams = new SessionStreams({
      client,
      transport: model.transport ?? 'sse',
      model,
      clock,
      logger,
      settings: settings.connection,
      random,
      relogin,
      processes: logs.list(),
      metrics: options.metrics,
      onProcess: (process, entity) => logs.acceptPushed(process, entity),
      onFetchedProcess: onFetched,
      onTopicsReopened: () => void this.sync.resync({ processes: false }),
      runningTasks: tasks,
      onProcessesSubscribed: (processes) =>
        void this.sync.fillProcesses(processes.filter((process) => logs.has(process)))
    })
  }

  start(): void {
    this.sync.start()
    this.streams.start()
  }

  retryNow(): void {
    this.streams.retryNow()
    this.sync.retryNow()
  }

  notifyNetwork(online: boolean): void {
    this.streams.notifyNetwork(online)
    this.sync.notifyNetwork(online)
  }

  notifySuspend(): void {
    this.sync.notifySuspend()
  }

  notifyResume(): void {
    this.streams.notifyResume()
    this.sync.notifyResume()
  }

  /** Stops the sync and the streams; resolves once the streams' connections are closed. */
  stop(): Promise<void> {
    this.sync.stop()
    return this.streams.stop()
  }
}
