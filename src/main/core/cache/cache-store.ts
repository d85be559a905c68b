/**
 * The cache port: what the core asks of persistent storage. Two implementations share one file format — electron-store
 * under userData in the app, `conf` in the CLI and the tests. Secrets never pass through here.
 */
import type {
  Cluster,
  Fresh,
  Job,
  StatusCounts,
  SysInfo,
  TaskManager
} from '../../../shared/models'
import type { AppSettings, ServerProfile } from '../../../shared/profiles'
import type { LogTail } from '../../../shared/session'
import type { ModuleCache } from './module-cache'

/** The last-known state of one server, each part with its own `asOf`. */
export interface CachedSnapshot {
  jobs: Fresh<Job[]> | null
  counts: Fresh<StatusCounts> | null
  clusters: Fresh<Cluster[]> | null
  /** Task managers by cluster id, as of the clusters' `asOf`. */
  taskManagers: Record<number, TaskManager[]>
  sysInfo: Fresh<SysInfo> | null
}

export type SnapshotPart =
  | { part: 'jobs'; value: Fresh<Job[]> }
  | { part: 'counts'; value: Fresh<StatusCounts> }
  | { part: 'clusters'; value: Fresh<Cluster[]>; taskManagers: Record<number, TaskManager[]> }
  | { part: 'sysInfo'; value: Fresh<SysInfo> }

/** Per-server cache: snapshot parts and bounded console-log tails. Writes are coalesced; reads are from memory. */
export interface ProfileCache {
  readonly profileId: string
  /** The cached snapshot as loaded (values marked `stale: true`), or empty parts. */
  snapshot(): CachedSnapshot
  /** The cached log tails, marked stale, at most the configured number of lines each. */
  logTails(): LogTail[]
  saveSnapshot(part: SnapshotPart): void
  /** A module's own cache document (`module-cache.ts`); absent in caches that keep nothing (CLI without a dir). */
  module?(name: string): ModuleCache
  /** Folder of this profile's metrics history files (`metrics/<jid>.json`); absent for in-memory caches. */
  readonly metricsDir?: string
  /** Appends lines of a run; a new run replaces the process's old tail. */
  appendLog(process: string, run: string, lines: readonly string[]): void
}

export interface CacheInfoEntry {
  profileId: string
  bytes: number
}

export interface CacheStore {
  profile(profileId: string): ProfileCache
  /** Bytes on disk per profile (snapshots and log tails). */
  info(): Promise<CacheInfoEntry[]>
  /** Removes snapshots and log tails of one profile, or all when null; keeps profiles and settings. */
  clear(profileId: string | null): Promise<{ bytesFreed: number }>
  /** Writes everything pending now (quit, suspend). */
  flush(): Promise<void>
  close(): Promise<void>
}

/** Profiles and settings: small, rarely written, never cleared by "clear cache". */
export interface SettingsStore {
  profiles(): ServerProfile[]
  saveProfiles(profiles: ServerProfile[]): void
  selectedProfileId(): string | null
  selectProfile(profileId: string): void
  settings(): AppSettings
  saveSettings(settings: AppSettings): void
}
