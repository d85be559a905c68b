/**
 * Public types of the Dinky REST client: what `createDinkyClient` takes and returns. The session, the sync engine and
 * the stream transports are written against `DinkyClient`; every value is already mapped into the console's models.
 */
import type {
  Cluster,
  Job,
  JobDetail,
  StatusCounts,
  SysInfo,
  TaskManager
} from '../../../shared/models'
import type { JobAction, SessionUser } from '../../../shared/session'
import type { z } from 'zod'
import type { FetchLike, WebSocketFactory } from '../ports'
import type { RequestSpec } from './dinky-http'
import type { Logger } from '../ports'

export interface DinkyClientOptions {
  /** Dinky's base URL, e.g. `http://host:8888` (the API lives under `/api`). */
  baseUrl: string
  /** Defaults to the global fetch, or undici's fetch with the extra CA when `extraCaPem` is set. */
  fetch?: FetchLike
  logger: Logger
  /** PEM of a CA trusted for this server in addition to the system's. */
  extraCaPem?: string | null
  /** Opens the 1.2 WebSocket; default `new WebSocket(...)` (`record` passes a recording one). */
  webSocket?: WebSocketFactory
  /** Language of Dinky's `msg` texts; sent as the `language` header. */
  language?: 'en-US' | 'zh-CN'
  /** Wall clock, for ages the server sends as timestamps; default `Date.now`. */
  now?: () => number
  /** Per-request timeout of REST calls (not streams); default 15 s. */
  requestTimeoutMs?: number
}

/** A step or the whole of a Dinky process run (`ProcessEntity` / `ProcessStepEntity`), transport-neutral. */
export interface ProcessStep {
  key: string
  title: string
  type: string
  status: string
  /**
   * ISO-8601 with the server's offset (`2024-08-27T10:15:30+08:00`), whatever the transport sent (zone-less ISO
   * or WS epoch ms), to the second.
   */
  startTime: string | null
  endTime: string | null
  timeMs: number
  log: string
  children: ProcessStep[]
}

/** A console process (`FlinkSubmit/12`) as Dinky reports it: `key` changes with every run. */
export interface DinkyProcess extends ProcessStep {
  lastUpdateStep: ProcessStep | null
  threadId: number | null
}

/** A `MetricsVO`: one metrics sample of a Flink job, `content` keyed by vertex id then metric name. */
export interface MetricsSample {
  model: string
  /** ISO-8601 with the server's offset, from Dinky's server-local `yyyy-MM-dd HH:mm:ss`. */
  heartTime: string | null
  content: Record<string, Record<string, string>>
}

/** Sa-Token's `SaTokenInfo`, without the token value itself. */
export interface TokenInfo {
  tokenName: string
  isLogin: boolean
  loginId: string | number | null
  /** Seconds left; -1 means never expires. */
  tokenTimeout: number
}

/** A cluster configuration (`ClusterConfigurationDTO`), reduced. */
export interface ClusterConfigurationSummary {
  id: number
  name: string
  type: string
  enabled: boolean
  available: boolean | null
  note: string | null
}

/** What a stream transport needs to authenticate as the REST client does. */
export interface StreamAuth {
  /** `token` on 1.0/1.1, `dinky-token` on 1.2 (from `Access-Control-Expose-Headers`). */
  tokenName: string
  tokenValue: string
  tenantId: number | null
}

export interface LoginResult {
  user: SessionUser
  /** Name of the token header and cookie this server uses. */
  tokenName: string
}

export interface DinkyClient {
  readonly baseUrl: string
  /** The extra CA of this server, for transports that open their own sockets (WebSocket). */
  readonly extraCaPem: string | null
  /** How the WS transport opens its socket; absent = `new WebSocket(...)`. */
  readonly webSocket?: WebSocketFactory
  /**
   * The server's version. Before a login: `/api/version` anonymously (public from 1.2.0), on Dinky's 401 (1.0.x–1.1.x)
   * `/openapi/version`; null when neither answers without a login (ask again after it). After a login: `/api/version`
   * with the token, which every release answers. A 401 here is never a `token-expired`/refused login.
   */
  version(): Promise<string | null>
  /** The version `version()` last found; null before. Optional so that test doubles need not have it. */
  knownVersion?(): string | null
  /** `POST /api/login`, then `chooseTenant` (the given tenant or the first listed) and `current`. */
  login(username: string, password: string, tenantId?: number | null): Promise<LoginResult>
  /** Logs in again with the credentials of the last successful login (one silent re-login). */
  relogin(): Promise<LoginResult>
  chooseTenant(tenantId: number): Promise<SessionUser>
  currentUser(): Promise<SessionUser>
  tokenInfo(): Promise<TokenInfo>
  /** `DELETE /api/outLogin`; forgets the token and the remembered credentials even if the call fails. */
  logout(): Promise<void>
  /** True while a token is held. */
  isLoggedIn(): boolean
  /**
   * The server's UTC offset in ms, estimated from the `time` of its latest `Result` (Dinky's default +08:00 until
   * one arrived). Streams use it to map the times they carry as the REST models do.
   */
  serverUtcOffsetMs(): number
  /** Token and tenant for the stream transports; null before login. */
  streamAuth(): StreamAuth | null
  /** A fetch that adds the token header, the tenant cookie, the language and the TLS settings. */
  authorizedFetch: FetchLike
  /** The latest instance of every task, all pages. */
  jobs(): Promise<Job[]>
  statusCounts(): Promise<StatusCounts>
  jobDetail(jobInstanceId: number): Promise<JobDetail>
  /** Manual and auto-registered clusters, de-duplicated by id. */
  clusters(): Promise<Cluster[]>
  taskManagers(jobManagerAddress: string): Promise<TaskManager[]>
  clusterConfigurations(): Promise<ClusterConfigurationSummary[]>
  /** `getProcess`; null when Dinky has no such process. */
  process(processName: string): Promise<DinkyProcess | null>
  sysInfo(): Promise<SysInfo>
  /** Runs a job action and returns Dinky's message. */
  jobAction(action: JobAction): Promise<string>
  /** `POST /api/sse/subscribeTopic`: replaces the session's topic set; returns the set the server now holds. */
  subscribeTopic(sessionKey: string, topics: readonly string[]): Promise<string[]>
  /**
   * Any `Result<T>` endpoint through the same choke point (token, tenant, classification), for feature modules that
   * own their endpoints (metrics) rather than growing this interface.
   */
  call<T>(
    endpoint: string,
    schema: z.ZodType<T>,
    spec?: RequestSpec
  ): Promise<{ data: T; msg: string }>
  /** Releases the TLS agent's pooled sockets, if one was made. */
  dispose(): Promise<void>
  /**
   * A `Result<T>` call of an endpoint a module beside sync owns (job detail, Flink logs, ...), validated by
   * `schema`: the same token, tenant, timeout and error classification as every other call.
   */
  request<T>(endpoint: string, schema: z.ZodType<T>, spec?: RequestSpec): Promise<T>
  /**
   * A Dinky endpoint that answers without the `Result` envelope: its Flink proxy (`/api/flink/<host>/<flink path>`)
   * passes Flink's JSON through. Same token, tenant, timeout and classification; the body validated by `schema`.
   */
  requestUnwrapped?<T>(endpoint: string, schema: z.ZodType<T>, spec?: RequestSpec): Promise<T>
  /** A `ProTableResult<T>` page, likewise. */
  requestPage<T>(
    endpoint: string,
    schema: z.ZodType<T>,
    spec?: RequestSpec
  ): Promise<{ rows: T[]; total: number }>
}
