/** Server profiles and settings: what the user configures. Secrets are never part of these objects. */
import type { TimelineSettings } from './timeline'
import type { AlertRulesDocument } from './alerts'

export type TransportChoice = 'auto' | 'sse' | 'ws'

export interface ServerProfile {
  id: string
  name: string
  /** Base URL of Dinky, e.g. `http://host:8888`; the API lives under `/api`. */
  url: string
  username: string
  tenantId: number
  transport: TransportChoice
  /** PEM text of an extra CA to trust for this server, besides the system's. */
  extraCaPem: string | null
  /** Process names whose console logs are followed, e.g. `FlinkSubmit/12`. */
  processes: string[]
  /** The built-in demo server: the simulator runs in-process. */
  demo: boolean
  /**
   * Watched only (issue 23): no action that changes Dinky (cancel, restart, savepoint, restore, metric layouts) is
   * taken on this server; main refuses them, the UI disables them and says why. Absent: false.
   */
  readOnly?: boolean
}

export interface ConnectionSettings {
  /** Watchdog timeout; null means 3 × the transport's heartbeat interval (27 s on SSE, 15 s on WS). */
  heartbeatTimeoutMs: number | null
  backoffBaseMs: number
  backoffFactor: number
  backoffMaxMs: number
  /** The attempt count resets after this long live. */
  backoffResetAfterMs: number
  jobsPollMs: number
  clustersPollMs: number
  /** Largest stream event (SSE event, WebSocket message) in bytes; default 64 MB. Larger ones are dropped. */
  maxEventBytes?: number
  /** Job detail requests per second per server, open drawers and the health sweep together (issue 15). */
  jobDetailBudgetPerSecond?: number
  /**
   * SSE JVM stream (1.0/1.1): heartbeats without a `Jvm` this long mean Dinky starved it (default 30 s), and how
   * long it then waits before it is tried again (default 10 min). Not in the settings UI; tests shorten them.
   */
  jvmStarvedAfterMs?: number
  jvmStarvedRetryMs?: number
}

export const DEFAULT_CONNECTION_SETTINGS: ConnectionSettings = {
  heartbeatTimeoutMs: null,
  backoffBaseMs: 1_000,
  backoffFactor: 2,
  backoffMaxMs: 60_000,
  backoffResetAfterMs: 60_000,
  jobsPollMs: 5_000,
  clustersPollMs: 30_000,
  jobDetailBudgetPerSecond: 1
}

export type LanguageChoice = 'system' | 'en-US' | 'zh-CN'
export type ThemeChoice = 'system' | 'light' | 'dark'

export interface AppSettings {
  language: LanguageChoice
  theme: ThemeChoice
  notifications: boolean
  /** Console lines kept per process in the cache and in memory. */
  logTailLines: number
  connection: ConnectionSettings
  /** Bounds of each server's timeline (issue 22); absent: `DEFAULT_TIMELINE_SETTINGS`. */
  timeline?: TimelineSettings
  /** The operator's alert rules and silences (issue 22); absent: `DEFAULT_ALERT_RULES`. */
  alerts?: AlertRulesDocument
}

export const DEFAULT_APP_SETTINGS: AppSettings = {
  language: 'system',
  theme: 'system',
  notifications: true,
  logTailLines: 5_000,
  connection: DEFAULT_CONNECTION_SETTINGS
}

export const DEMO_PROFILE_ID = 'demo'
/** The demo's default name; the UI shows it in the UI language until the user renames the profile. */
export const DEMO_PROFILE_NAME = 'Demo'

/**
 * A profile with the defaults a new server starts from: Dinky's seed account in its default tenant, the transport
 * picked by the server's version, no extra CA, no followed logs. One place, so the form, the Demo profile and the
 * tests start from the same profile.
 */
export function createServerProfile(
  fields: Pick<ServerProfile, 'id' | 'name' | 'url'> & Partial<ServerProfile>
): ServerProfile {
  return {
    username: 'admin',
    tenantId: 1,
    transport: 'auto',
    extraCaPem: null,
    processes: [],
    demo: false,
    ...fields
  }
}
