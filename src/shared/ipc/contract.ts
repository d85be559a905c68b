/**
 * The one IPC contract between main and renderer. Main's handlers, the preload and the renderer are all typed from
 * these maps, so they cannot drift. Channel names are `domain:verb`; payloads are plain data.
 */
import type { ConnectionState, StreamName } from '../connection'
import type { Cluster, Fresh, Job, JobDetail, JobTransition, JvmSample, LogChunk } from '../models'
import type { StatusCounts, SysInfo, TaskManager } from '../models'
import type { AppSettings, ServerProfile, TransportChoice } from '../profiles'
import type { Diagnostics, JobAction, SessionSnapshot, SessionUser } from '../session'
import type { UpdateStatus } from '../updates'
import type { JobsDelta } from '../jobs-delta'
import type { JobHealthPushItem, JobHealthRequestChannels } from './job-health-channels'
import { JOB_HEALTH_REQUEST_CHANNELS } from './job-health-channels'
import type { TimelinePushChannels, TimelineRequestChannels } from './timeline-channels'
import { TIMELINE_PUSH_CHANNELS, TIMELINE_REQUEST_CHANNELS } from './timeline-channels'
import type { AlertsPushChannels, AlertsRequestChannels } from './alerts-channels'
import { ALERTS_PUSH_CHANNELS, ALERTS_REQUEST_CHANNELS } from './alerts-channels'
import type { JobMetricsLayout, JobMetricsView, MetricsUpdate } from '../metrics'

export interface AppInfo {
  version: string
  platform: string
  /** The OS locale, for the `system` language choice. */
  locale: string
  /** True when the OS dark mode is on, for the `system` theme. */
  darkMode: boolean
  /** How secrets are kept: `os` (keychain, libsecret, DPAPI), `basic_text` (Linux without a keyring), `none`. */
  secretsBackend: 'os' | 'basic_text' | 'none'
}

export interface ProfilesState {
  profiles: ServerProfile[]
  selectedId: string
  /** Profile ids that have a stored password. */
  withPassword: string[]
}

export interface ConnectionTest {
  version: string
  transport: Exclude<TransportChoice, 'auto'>
  username: string
}

export interface CacheInfo {
  profileId: string
  bytes: number
}

/** Request channels: `invoke(channel, req)` resolves to `Result<res>`. */
export interface RequestChannels
  extends JobHealthRequestChannels, TimelineRequestChannels, AlertsRequestChannels {
  'app:info': { req: void; res: AppInfo }
  'profiles:list': { req: void; res: ProfilesState }
  'profiles:save': { req: { profile: ServerProfile; password: string | null }; res: ProfilesState }
  'profiles:remove': { req: { profileId: string }; res: ProfilesState }
  'profiles:select': { req: { profileId: string }; res: ProfilesState }
  'profiles:test': { req: { profile: ServerProfile; password: string | null }; res: ConnectionTest }
  'session:snapshot': { req: { profileId: string }; res: SessionSnapshot }
  'session:retry-now': { req: { profileId: string }; res: void }
  /** Log in again after `auth-expired`; a password given here replaces the stored one. */
  'session:login': { req: { profileId: string; password: string | null }; res: SessionUser }
  'session:logout': { req: { profileId: string }; res: void }
  'session:switch-tenant': { req: { profileId: string; tenantId: number }; res: SessionUser }
  'jobs:detail': { req: { profileId: string; jobId: number }; res: JobDetail }
  'jobs:action': { req: { profileId: string; action: JobAction }; res: { message: string } }
  /** Follow a process's console log (adds it to the subscription); returns its tail so far. */
  'logs:follow': { req: { profileId: string; process: string }; res: LogChunk[] }
  'logs:unfollow': { req: { profileId: string; process: string }; res: void }
  'logs:save': { req: { suggestedName: string; text: string }; res: { path: string | null } }
  'cache:info': { req: void; res: CacheInfo[] }
  /** Clear one profile's cache, or every profile's when `profileId` is null. */
  'cache:clear': { req: { profileId: string | null }; res: { bytesFreed: number } }
  'settings:get': { req: void; res: AppSettings }
  'settings:set': { req: Partial<AppSettings>; res: AppSettings }
  'diagnostics:get': { req: { profileId: string }; res: Diagnostics }
  'diagnostics:export': { req: { profileId: string }; res: { path: string | null } }
  'shell:open-external': { req: { url: string }; res: void }
  /** Opens the folder with the main process's log files (issue 14). */
  'app:open-logs-folder': { req: void; res: { path: string } }
  /** Auto-update (issue 14): the status, a check now, the daily-check opt-out, restart to install. */
  'updates:get': { req: void; res: UpdateStatus }
  'updates:check': { req: void; res: UpdateStatus }
  'updates:set-auto-check': { req: { enabled: boolean }; res: UpdateStatus }
  'updates:restart': { req: void; res: void }
  /** A holder (a Metrics tab, a pinned chart) wants a job's metrics: subscribes it; returns what is known now. */
  'metrics:open': { req: { profileId: string; jid: string; holder: string }; res: JobMetricsView }
  'metrics:close': { req: { profileId: string; jid: string; holder: string }; res: void }
  /**
   * What main holds of a job's metrics now, or null when no one holds it open; reads only (no holder), so the
   * renderer can re-read its open views after a lost `metrics:update` batch.
   */
  'metrics:view': { req: { profileId: string; jid: string }; res: JobMetricsView | null }
  /** Flink's metric names of a vertex (`getJobMetricsItems`). */
  'metrics:items': {
    req: { profileId: string; jid: string; address: string; vertex: string }
    res: string[]
  }
  /** Saves a job's layout (Dinky restarts the job's refresh task); returns the layout read back. */
  'metrics:save-layout': {
    req: { profileId: string; jid: string; layout: JobMetricsLayout }
    res: JobMetricsLayout | null
  }
}

/** A whole job list: the first of a session, a cached copy, or one that mostly changed. */
export interface JobsPush {
  profileId: string
  jobs: Fresh<Job[]>
  counts: Fresh<StatusCounts> | null
}

/**
 * What changed in a profile's job list since the last push (issue 23), applied to the list the renderer holds
 * (`applyJobsDelta`), with the counts when they were read. A poll that found nothing new sends nothing; its `asOf` is
 * sent as an empty delta before the profile's next connection state, so a server that stops answering shows the
 * true age of what is on screen.
 */
export interface JobsDeltaPush {
  profileId: string
  delta: JobsDelta
  counts: Fresh<StatusCounts> | null
}

export interface ClustersPush {
  profileId: string
  clusters: Fresh<Cluster[]>
  taskManagers: Record<number, TaskManager[]>
}

/**
 * Where an item came from in its session's numbered update stream (`SessionEnvelope.seq`; the highest one for merged
 * items). A renderer that loaded `session:snapshot` (current to `SessionSnapshot.seq`) skips items at or below it, so
 * nothing that raced the snapshot is applied twice.
 */
export interface SessionSeq {
  profileId: string
  sessionSeq: number
}

/**
 * Push channels, main → renderer. Each message is a batch (at most one per channel per 50 ms) with its own
 * sequence number per channel; a renderer that sees a gap asks for `session:snapshot`.
 */
export interface PushChannels extends TimelinePushChannels, AlertsPushChannels {
  /** Latest state per profile and stream wins within a batch. */
  'connection:state': Array<{ profileId: string; stream: StreamName; state: ConnectionState }>
  /** Per profile within a batch: a whole list with later deltas applied, or the deltas merged. */
  'jobs:snapshot': Array<JobsPush | JobsDeltaPush>
  /** Concatenated. `sessionSeq`: see {@link SessionSeq}. */
  'jobs:transition': Array<JobTransition & SessionSeq>
  /** Concatenated, in order (adjacent chunks of one run merged). `sessionSeq`: see {@link SessionSeq}. */
  'logs:append': Array<LogChunk & SessionSeq>
  /** Latest per profile wins. */
  'clusters:snapshot': ClustersPush[]
  'sysinfo:snapshot': Array<{ profileId: string; sysInfo: Fresh<SysInfo> }>
  /** Concatenated. */
  'jvm:sample': Array<JvmSample & { profileId: string }>
  'session:user': Array<{ profileId: string; user: SessionUser | null }>
  /** Main asks the renderer to show something (a notification was clicked, the tray menu was used). */
  'app:navigate': Array<{
    profileId: string
    view: 'overview' | 'jobs' | 'logs' | 'clusters' | 'diagnostics' | 'settings'
    jobId?: number
    /** Also opens a panel over the view: the open alerts (issue 22). */
    panel?: 'alerts'
    /** With `jobId`: the drawer's tab to open (a notification opens the job's timeline). */
    tab?: 'timeline'
  }>
  /** The cache was cleared: reload and resync. */
  'cache:cleared': Array<{ profileId: string | null }>
  'settings:changed': AppSettings[]
  /** Latest wins (issue 14). */
  'updates:status': UpdateStatus[]
  /** Job health (issue 15): latest per profile and job instance wins. */
  'jobHealth:update': JobHealthPushItem[]
  /** Concatenated, in order per job: new points each once, and the job's current metrics state. */
  'metrics:update': Array<MetricsUpdate & { profileId: string }>
}

export type RequestChannel = keyof RequestChannels
export type PushChannel = keyof PushChannels

export interface PushMessage<C extends PushChannel> {
  seq: number
  items: PushChannels[C]
}

export const REQUEST_CHANNELS = [
  'app:info',
  'profiles:list',
  'profiles:save',
  'profiles:remove',
  'profiles:select',
  'profiles:test',
  'session:snapshot',
  'session:retry-now',
  'session:login',
  'session:logout',
  'session:switch-tenant',
  'jobs:detail',
  'jobs:action',
  'logs:follow',
  'logs:unfollow',
  'logs:save',
  'cache:info',
  'cache:clear',
  'settings:get',
  'settings:set',
  'diagnostics:get',
  'diagnostics:export',
  'shell:open-external',
  'app:open-logs-folder',
  'updates:get',
  'updates:check',
  'updates:set-auto-check',
  'updates:restart',
  ...JOB_HEALTH_REQUEST_CHANNELS,
  ...TIMELINE_REQUEST_CHANNELS,
  ...ALERTS_REQUEST_CHANNELS,
  'metrics:open',
  'metrics:close',
  'metrics:view',
  'metrics:items',
  'metrics:save-layout'
] as const satisfies readonly RequestChannel[]

export const PUSH_CHANNELS = [
  'connection:state',
  'jobs:snapshot',
  'jobs:transition',
  'logs:append',
  'clusters:snapshot',
  'sysinfo:snapshot',
  'jvm:sample',
  'session:user',
  'app:navigate',
  'cache:cleared',
  'settings:changed',
  'updates:status',
  'jobHealth:update',
  'metrics:update',
  ...TIMELINE_PUSH_CHANNELS,
  ...ALERTS_PUSH_CHANNELS
] as const satisfies readonly PushChannel[]

// Both lists must name every channel of their map: a channel missing here fails the typecheck.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>
export const requestChannelsComplete: Missing<RequestChannel, (typeof REQUEST_CHANNELS)[number]> =
  true
export const pushChannelsComplete: Missing<PushChannel, (typeof PUSH_CHANNELS)[number]> = true
