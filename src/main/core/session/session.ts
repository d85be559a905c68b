/**
 * One server session: composes the REST client, the topic and JVM stream supervisors, the REST sync and the
 * profile's cache behind `SessionHandle`. Cache-first (the model starts from the cache); the first login is retried
 * with backoff while the server is unreachable and fails for good only when the server refuses the credentials.
 * What runs once logged in (sync and streams) is `SessionLive`; the followed console logs are `FollowedLogs`.
 */
import type { ConnectionReason } from '../../../shared/connection'
import type { JobDetail, LogChunk } from '../../../shared/models'
import type { AppSettings, ServerProfile } from '../../../shared/profiles'
import type { Diagnostics, JobAction, SessionEnvelope } from '../../../shared/session'
import type { SessionSnapshot, SessionUser } from '../../../shared/session'
import type { ProfileCache } from '../cache/cache-store'
import { createReloginGate } from '../connection/relogin-gate'
import { createDinkyClient } from '../dinky/client'
import { DinkyError } from '../dinky/dinky-error'
import type { DinkyClient } from '../dinky/types'
import {
  systemClock,
  type Clock,
  type FetchLike,
  type Logger,
  type WebSocketFactory
} from '../ports'
import { jobDetailFor } from '../job-detail/session-job-detail'
import { createSessionMetrics } from '../metrics/create-session-metrics'
import type { SessionMetrics } from '../metrics/session-metrics'
import { timelineFor } from '../timeline/create-session-timeline'
import type { SessionTimeline } from '../timeline/session-timeline'
import { consoleActionKind } from '../timeline/console-actions'
import { FirstLogin } from './first-login'
import { FollowedLogs } from './followed-logs'
import { ReadOnlyServerError } from './read-only-error'
import type { SecretSource, SessionHandle } from './session-api'
import { SessionBoot } from './session-boot'
import { SessionLive } from './session-live'
import { SessionModel } from './session-model'

export interface SessionOptions {
  profile: ServerProfile
  settings: AppSettings
  /**
   * The settings as they are now, for those a running session follows (the job-detail budget); without it, the
   * settings it was opened with.
   */
  liveSettings?: () => AppSettings
  cache: ProfileCache
  secrets: SecretSource
  logger: Logger
  clock?: Clock
  fetch?: FetchLike
  /** Opens the WebSocket of a 1.2 server; default `new WebSocket(...)`. */
  webSocket?: WebSocketFactory
  random?: () => number
  /** Per-request timeout of REST calls; default the client's 15 s. */
  requestTimeoutMs?: number
}

export class Session implements SessionHandle {
  readonly profileId: string
  readonly jobHealth: ReturnType<typeof jobDetailFor>
  readonly metrics: SessionMetrics
  readonly timeline: SessionTimeline
  private readonly model: SessionModel
  private readonly client: DinkyClient
  private readonly logs: FollowedLogs
  private readonly clock: Clock
  private readonly log: Logger
  private readonly boot: SessionBoot
  private readonly relogin: () => Promise<void>
  /** The sync and the streams, from the first login until logout or stop. */
  private live: SessionLive | null = null
  private password: string | null = null
  private stopped = false
  /** After an explicit logout nothing logs in again until `login()`. */
  private loggedOut = false
  private readonly firstLogin = new FirstLogin()
  /** Settles on the first login: rejects only when the server refused the credentials (CLI exit 3). */
  readonly loggedIn = this.firstLogin.promise

  constructor(private readonly options: SessionOptions) {
    const { profile, settings } = options
    this.profileId = profile.id
    this.clock = options.clock ?? systemClock
    this.log = options.logger.child(profile.id)
    this.model = new SessionModel({
      profileId: profile.id,
      cache: options.cache,
      logger: this.log,
      now: () => this.clock.now(),
      logTailLines: settings.logTailLines
    })
    this.client = createDinkyClient({
      baseUrl: profile.url,
      fetch: options.fetch,
      webSocket: options.webSocket,
      logger: this.log,
      extraCaPem: profile.extraCaPem,
      requestTimeoutMs: options.requestTimeoutMs
    })
    this.logs = new FollowedLogs({
      model: this.model,
      client: this.client,
      logger: this.log,
      processes: profile.processes,
      onChanged: (processes) => this.live?.streams.setProcesses(processes)
    })
    this.jobHealth = jobDetailFor(this.model, this.client, options, this.clock, this.log)
    this.metrics = createSessionMetrics({
      client: this.client,
      clock: this.clock,
      logger: this.log,
      cache: options.cache,
      jobs: () => this.model.snapshot().jobs?.value ?? [],
      readOnly: profile.readOnly === true,
      onTopicsChanged: () => this.live?.streams.setMetrics()
    })
    this.timeline = timelineFor(this.model, this.jobHealth, options, this.clock, this.log)
    this.relogin = createReloginGate({ clock: this.clock, login: () => this.client.relogin() })
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
    this.timeline.start()
    this.setStates('started')
    this.boot.now()
  }

  snapshot(): SessionSnapshot {
    return this.model.snapshot()
  }

  forgetCached(): void {
    this.model.forgetCached()
    this.timeline.forget()
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
    if (!this.live) return void (this.loggedOut ? undefined : this.boot.now())
    this.live.retryNow()
  }

  async login(password: string | null): Promise<SessionUser> {
    this.loggedOut = false
    // A typed password is kept only once Dinky accepts it: a mistyped one must not replace the one that worked.
    const secret = password ?? this.password ?? this.options.secrets.password(this.profileId)
    if (secret === null)
      throw new DinkyError({
        endpoint: '/api/login',
        reason: 'login-failed',
        detail: 'no password'
      })
    const { user } = await this.client.login(this.options.profile.username, secret, this.tenant())
    if (password !== null) this.password = password
    this.onLoggedIn(user)
    this.retryNow()
    return user
  }

  async logout(): Promise<void> {
    this.loggedOut = true
    await this.teardown()
    await this.client.logout()
    this.model.apply({ type: 'user', user: null })
    this.setStates('stopped-by-user', 'stopped')
  }

  async switchTenant(tenantId: number): Promise<SessionUser> {
    const user = await this.client.chooseTenant(tenantId)
    this.model.apply({ type: 'user', user })
    this.live?.sync.rebase()
    void this.live?.sync.resync()
    return user
  }

  jobDetail(jobId: number): Promise<JobDetail> {
    return this.client.jobDetail(jobId)
  }

  async jobAction(action: JobAction): Promise<string> {
    if (this.options.profile.readOnly) {
      this.log.info('job action refused: read-only server', { kind: action.kind })
      throw new ReadOnlyServerError(consoleActionKind(action))
    }
    const rest = this.model.stream('rest')
    if (rest.kind !== 'live') {
      throw new Error(
        `Job actions need a live connection; the server is ${rest.kind} (${rest.reason}).`
      )
    }
    this.log.info('job action', { kind: action.kind, taskId: action.taskId })
    let message: string
    try {
      message = await this.client.jobAction(action)
    } catch (error) {
      this.timeline.recordAction(action, { ok: false, message: errorText(error) })
      throw error
    }
    this.timeline.recordAction(action, { ok: true, message })
    void this.live?.sync.resync()
    return message
  }

  follow(process: string): Promise<LogChunk[]> {
    return this.logs.follow(process)
  }

  unfollow(process: string): void {
    this.logs.unfollow(process)
  }

  notifyNetwork(online: boolean): void {
    this.live?.notifyNetwork(online)
    if (online && !this.live && !this.loggedOut && !this.stopped) this.boot.now()
  }

  notifySuspend(): void {
    this.live?.notifySuspend()
  }

  notifyResume(): void {
    this.live?.notifyResume()
    if (!this.live && !this.loggedOut && !this.stopped) this.boot.now()
  }

  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    await this.teardown()
    await this.metrics.stop()
    this.setStates('stopped-by-user', 'stopped')
    this.timeline.stop()
    this.firstLogin.reject(new Error('session stopped'))
  }

  /** What a failed answer is checked against (`diagnoseAddress`). */
  private address = () => ({ baseUrl: this.options.profile.url, now: () => this.clock.now() })

  private tenant(): number | null {
    return this.options.profile.tenantId > 0 ? this.options.profile.tenantId : null
  }

  /** Every stream at once: the session starts and stops them together. */
  private setStates(reason: ConnectionReason, kind: 'connecting' | 'stopped' = 'connecting') {
    const state = { kind, reason, since: this.clock.now() }
    for (const stream of ['topics', 'jvm', 'rest'] as const)
      this.model.apply({ type: 'state', stream, state })
  }

  private onLoggedIn(user: SessionUser): void {
    this.model.apply({ type: 'user', user })
    this.firstLogin.resolve(user)
    if (this.live || this.stopped) return
    this.live = new SessionLive({
      client: this.client,
      model: this.model,
      logs: this.logs,
      metrics: this.metrics,
      clock: this.clock,
      logger: this.log,
      settings: this.options.settings,
      random: this.options.random,
      relogin: this.relogin,
      address: this.address()
    })
    this.live.start()
    this.jobHealth.start()
  }

  /** Stops the sync and the streams; resolves once the streams' connections are closed. */
  private teardown(): Promise<void> {
    this.boot.cancel()
    this.jobHealth.stop()
    const live = this.live
    this.live = null
    return live ? live.stop() : Promise.resolve()
  }
}

/** A failed action's reason as the timeline keeps it: the error's message, not its stack. */
function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
