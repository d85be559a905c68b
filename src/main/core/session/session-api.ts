/**
 * What the rest of the app asks of one server session and of the set of them. The Electron adapters and the CLI
 * are written against these; `session.ts` and `session-manager.ts` implement them.
 */
import type { JobDetail, LogChunk } from '../../../shared/models'
import type { ServerProfile } from '../../../shared/profiles'
import type {
  Diagnostics,
  JobAction,
  SessionEnvelope,
  SessionSnapshot,
  SessionUser
} from '../../../shared/session'
import type { ConnectionTest } from '../../../shared/ipc/contract'
import type { JobDetailService } from '../job-detail/job-detail-service'
import type { MetricsHandle } from '../metrics/session-metrics'
import type { ServerTimeline } from '../timeline/timeline-api'

export interface SessionHandle {
  readonly profileId: string
  /** Everything known now, cache-first: before any network answer it holds the cached, stale state. */
  snapshot(): SessionSnapshot
  diagnostics(): Diagnostics
  /** After the cache was cleared: forget the cached (stale) state held in memory; live data stays. */
  forgetCached(): void
  /** Numbered updates; returns an unsubscribe. */
  subscribe(listener: (envelope: SessionEnvelope) => void): () => void
  /** Skip the backoff wait and try every stream now. */
  retryNow(): void
  /** Log in again (after auth-expired); a password given replaces the stored one for this session. */
  login(password: string | null): Promise<SessionUser>
  logout(): Promise<void>
  switchTenant(tenantId: number): Promise<SessionUser>
  jobDetail(jobId: number): Promise<JobDetail>
  /** Runs a job action and returns Dinky's message; refuses while the session is not live. */
  jobAction(action: JobAction): Promise<string>
  /** Adds a process (e.g. `FlinkSubmit/12`) to the followed set and returns its tail so far. */
  follow(process: string): Promise<LogChunk[]>
  unfollow(process: string): void
  /** Host events fed by the Electron adapter (powerMonitor, online/offline) or the CLI. */
  notifyNetwork(online: boolean): void
  notifySuspend(): void
  notifyResume(): void
  stop(): Promise<void>
  /** The job-detail module (issue 15): drawers, health sweep, Flink logs. */
  readonly jobHealth: JobDetailService
  /** Live Flink metrics of this server's jobs (absent in test doubles that do not need them). */
  readonly metrics?: MetricsHandle
  /** What happened to this server and its jobs, gaps included, kept in its cache (issue 22). */
  readonly timeline: ServerTimeline
}

/** Where a session gets the password of its profile: safeStorage in the app, the environment in the CLI. */
export interface SecretSource {
  password(profileId: string): string | null
}

export interface SessionManager {
  /** Starts (or restarts, when the profile changed) the session of a profile. */
  open(profile: ServerProfile): Promise<SessionHandle>
  get(profileId: string): SessionHandle | undefined
  all(): SessionHandle[]
  close(profileId: string): Promise<void>
  /** Probes a profile without keeping a session: version, transport and a login. */
  test(profile: ServerProfile, password: string | null): Promise<ConnectionTest>
  closeAll(): Promise<void>
}
