/**
 * One server session: composes the REST client, the topic and JVM stream supervisors, the REST sync and the
 * profile's cache behind `SessionHandle`. Cache-first (the model starts from the cache); the first login is retried
 * with backoff while the server is unreachable and fails for good only when the server refuses the credentials.
 */
import type { ConnectionReason, StreamName } from '../../../shared/connection'
import type { JobDetail, LogChunk } from '../../../shared/models'
import type { AppSettings, ServerProfile } from '../../../shared/profiles'
import type { Diagnostics, JobAction, SessionEnvelope } from '../../../shared/session'
import type { SessionSnapshot, SessionUser } from '../../../shared/session'
import type { ProfileCache } from '../cache/cache-store'
import { createReloginGate } from '../connection/relogin-gate'
import { createDinkyClient } from '../dinky/client'
import { DinkyError } from '../dinky/dinky-error'
import type { DinkyClient, DinkyProcess } from '../dinky/types'
import { systemClock, type Clock, type FetchLike, type Logger } from '../ports'
import { ConsoleLogFollower } from '../sync/console-log-follower'
import { RunningTasks } from '../sync/running-tasks'
import { jobDetailFor } from '../job-detail/session-job-detail'
import { SyncEngine } from '../sync/sync-engine'
import { createSessionMetrics } from '../metrics/create-session-metrics'
import type { SessionMetrics } from '../metrics/session-metrics'
import type { SecretSource, SessionHandle } from './session-api'
import { SessionBoot } from './session-boot'
import { SessionModel } from './session-model'
import { SessionStreams } from './session-streams'
import { syncEventsFor } from './sync-events'

export interface SessionOptions {
  profile: ServerProfile
  settings: AppSettings
  cache: ProfileCache
  secrets: SecretSource
  logger: Logger
  clock?: Clock
  fetch?: FetchLike
  random?: () => number
  /** Per-request timeout of REST calls; default the client's 15 s. */
  requestTimeoutMs?: number
}

export class Session implements SessionHandle {
  readonly profileId: string
  readonly jobHealth: ReturnType<typeof jobDetailFor>
  readonly metrics: SessionMetrics
  private readonly model: SessionModel
  private readonly client: DinkyClient
  private readonly follower: ConsoleLogFollower
  private readonly followed: Set<string>
  private readonly clock: Clock
  private readonly log: Logger
  private readonly boot: SessionBoot
  private readonly relogin: () => Promise<void>
  private sync: SyncEngine | null = null
  private streams: SessionStreams | null = null
  private password: string | null = null
  private stopped = false
  /** After an explicit logout nothing logs in again until `login()`. */
  private loggedOut = false
  private firstLogin: { resolve: (user: SessionUser) => void; reject: (error: Error) => void }
  /** Settles on the first login: rejects only when the server refused the credentials (CLI exit 3). */
  readonly loggedIn: Promise<SessionUser>

  constructor(private readonly options: SessionOptions) {
    const { profile, settings } = options
    this.profileId = profile.id
    this.clock = options.clock ?? systemClock
    this.log = options.logger.child(profile.id)
    this.followed = new Set(profile.processes)
    this.model = new SessionModel({
      profileId: profile.id,
      cache: options.cache,
      logger: this.log,
      now: () => this.clock.now(),
      logTailLines: settings.logTailLines
    })
    this.follower = new ConsoleLogFollower({ logger: this.log })
    for (const tail of this.model.tails.all())
      this.follower.seed(tail.process, tail.run, tail.lines)
    this.client = createDinkyClient({
      baseUrl: profile.url,
      fetch: options.fetch,
      logger: this.log,
      extraCaPem: profile.extraCaPem,
      requestTimeoutMs: options.requestTimeoutMs
    })
    this.jobHealth = jobDetailFor(this.model, this.client, options, this.clock, this.log)
    this.metrics = createSessionMetrics({
      client: this.client,
      clock: this.clock,
      logger: this.log,
      cache: options.cache,
      jobs: () => this.model.snapshot().jobs?.value ?? [],
      onTopicsChanged: () => this.streams?.setMetrics()
    })
    this.relogin = createReloginGate({ clock: this.clock, login: () => this.client.relogin() })
    let firstLogin!: Session['firstLogin']
    this.loggedIn = new Promise<SessionUser>(
      (resolve, reject) => (firstLogin = { resolve, reject })
    )
    this.loggedIn.catch(() => undefined)
    this.firstLogin = firstLogin
    this.boot = new SessionBoot({
      profile,
      client: this.client,
      model: this.model,
      clock: this.clock,
      logger: this.log,
      settings: settings.connection,
      random: options.random,
      password: () => this.password ?? options.secrets.password(profile.id),
      tenantId: this.tenant(),
      onLoggedIn: (user) => this.onLoggedIn(user),
      onRefused: (error) => this.firstLogin.reject(error)
    })
  }

  /** Begins connecting; the cached state is already visible through `snapshot()`. */
  start(): void {
    for (const stream of ['topics', 'jvm', 'rest'] as const) this.setState(stream, 'started')
    this.boot.now()
  }

  snapshot(): SessionSnapshot {
    return this.model.snapshot()
  }

  forgetCached(): void {
    this.model.forgetCached()
  }

  diagnostics(): Diagnostics {
    const { serverVersion, transport } = this.model
    return this.model.diagnostics.snapshot({ profileId: this.profileId, serverVersion, transport })
  }

  subscribe(listener: (envelope: SessionEnvelope) => void): () => void {
    return this.model.subscribe(listener)
  }

  retryNow(): void {
    if (this.stopped) return
    if (!this.sync) return void (this.loggedOut ? undefined : this.boot.now())
    this.streams?.retryNow()
    this.sync.retryNow()
  }

  async login(password: string | null): Promise<SessionUser> {
    if (password !== null) this.password = password
    this.loggedOut = false
    const secret = this.password ?? this.options.secrets.password(this.profileId)
    if (secret === null)
      throw new DinkyError({
        endpoint: '/api/login',
        reason: 'login-failed',
        detail: 'no password'
      })
    const { user } = await this.client.login(this.options.profile.username, secret, this.tenant())
    this.onLoggedIn(user)
    this.retryNow()
    return user
  }

  async logout(): Promise<void> {
    this.loggedOut = true
    await this.teardown()
    await this.client.logout()
    this.model.apply({ type: 'user', user: null })
    for (const stream of ['topics', 'jvm', 'rest'] as const)
      this.setState(stream, 'stopped-by-user', 'stopped')
  }

  async switchTenant(tenantId: number): Promise<SessionUser> {
    const user = await this.client.chooseTenant(tenantId)
    this.model.apply({ type: 'user', user })
    this.sync?.rebase()
    void this.sync?.resync()
    return user
  }

  jobDetail(jobId: number): Promise<JobDetail> {
    return this.client.jobDetail(jobId)
  }

  async jobAction(action: JobAction): Promise<string> {
    const rest = this.model.stream('rest')
    if (rest.kind !== 'live') {
      throw new Error(
        `Job actions need a live connection; the server is ${rest.kind} (${rest.reason}).`
      )
    }
    this.log.info('job action', { kind: action.kind, taskId: action.taskId })
    const message = await this.client.jobAction(action)
    void this.sync?.resync()
    return message
  }

  async follow(process: string): Promise<LogChunk[]> {
    if (!this.followed.has(process)) {
      this.followed.add(process)
      this.streams?.setProcesses([...this.followed])
    }
    if (this.client.isLoggedIn()) {
      try {
        const entity = await this.client.process(process)
        if (entity && this.followed.has(process)) this.onFetchedProcess(process, entity)
      } catch (error) {
        this.log.debug('console log unavailable', { process, error: String(error) })
      }
    }
    const tail = this.model.tails.get(process)
    return tail ? [{ process, run: tail.run, lines: tail.lines, stale: tail.stale }] : []
  }

  unfollow(process: string): void {
    if (!this.followed.delete(process)) return
    this.streams?.setProcesses([...this.followed])
    this.follower.forget(process)
    this.model.tails.remove(process)
  }

  notifyNetwork(online: boolean): void {
    this.streams?.notifyNetwork(online)
    this.sync?.notifyNetwork(online)
    if (online && !this.sync && !this.loggedOut && !this.stopped) this.boot.now()
  }

  notifySuspend(): void {
    this.sync?.notifySuspend()
  }

  notifyResume(): void {
    this.streams?.notifyResume()
    this.sync?.notifyResume()
    if (!this.sync && !this.loggedOut && !this.stopped) this.boot.now()
  }

  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    await this.teardown()
    await this.metrics.stop()
    for (const stream of ['topics', 'jvm', 'rest'] as const)
      this.setState(stream, 'stopped-by-user', 'stopped')
    this.firstLogin.reject(new Error('session stopped'))
  }

  /** What a failed answer is checked against (`diagnoseAddress`). */
  private address = () => ({ baseUrl: this.options.profile.url, now: () => this.clock.now() })

  private tenant(): number | null {
    return this.options.profile.tenantId > 0 ? this.options.profile.tenantId : null
  }

  private setState(
    stream: StreamName,
    reason: ConnectionReason,
    kind: 'connecting' | 'stopped' = 'connecting'
  ) {
    this.model.apply({ type: 'state', stream, state: { kind, reason, since: this.clock.now() } })
  }

  private onLoggedIn(user: SessionUser): void {
    this.model.apply({ type: 'user', user })
    this.firstLogin.resolve(user)
    if (this.sync || this.stopped) return
    const { settings } = this.options
    const tasks = new RunningTasks(this.log, () => void this.sync?.resync({ processes: false }))
    this.sync = new SyncEngine({
      client: this.client,
      clock: this.clock,
      logger: this.log.child('rest'),
      settings: tasks.pollSettings(settings.connection),
      random: this.options.random,
      followed: () => [...this.followed],
      relogin: this.relogin,
      events: syncEventsFor(this.model, this.onFetchedProcess.bind(this), this.address())
    })
    this.sync.seedJobs(this.model.snapshot().jobs?.value ?? [])
    this.streams = new SessionStreams({
      client: this.client,
      transport: this.model.transport ?? 'sse',
      model: this.model,
      clock: this.clock,
      logger: this.log,
      settings: settings.connection,
      random: this.options.random,
      relogin: this.relogin,
      processes: [...this.followed],
      metrics: this.metrics,
      onProcess: (process, entity) => {
        if (this.followed.has(process)) this.onProcess(process, entity)
      },
      onFetchedProcess: (process, entity) => this.onFetchedProcess(process, entity),
      onTopicsReopened: () => void this.sync?.resync({ processes: false }),
      runningTasks: tasks,
      onProcessesSubscribed: (processes) =>
        void this.sync?.fillProcesses(processes.filter((process) => this.followed.has(process)))
    })
    this.sync.start()
    this.streams.start()
    this.jobHealth.start()
  }

  private onProcess(process: string, entity: DinkyProcess): void {
    for (const chunk of this.follower.accept(process, entity))
      this.model.apply({ type: 'log', chunk })
  }

  private onFetchedProcess(process: string, entity: DinkyProcess): void {
    for (const chunk of this.follower.acceptFetched(process, entity))
      this.model.apply({ type: 'log', chunk })
  }

  /** Stops the sync and the streams; resolves once the streams' connections are closed. */
  private teardown(): Promise<void> {
    this.boot.cancel()
    this.jobHealth.stop()
    this.sync?.stop()
    this.sync = null
    const streams = this.streams
    this.streams = null
    return streams ? streams.stop() : Promise.resolve()
  }
}
