/**
 * One server profile's cache: its snapshot document (through the key-value backend) and its log-tail files. Reads
 * are from memory; changes mark the cache dirty and the store's write scheduler calls `writePending()` at most
 * once per interval.
 */
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../ports'
import type { CachedSnapshot, ProfileCache, SnapshotPart } from './cache-store'
import type { LogTail } from '../../../shared/session'
import {
  LOG_EXTENSION,
  SNAPSHOT_NAME,
  isMissing,
  logFilePath,
  logsDir,
  profileDir
} from './cache-paths'
import {
  openDocument,
  type JsonDocument,
  type KeyValueFile,
  type KeyValueFileFactory
} from './key-value-file'
import type { LogFileWriter } from './log-file-writer'
import { LogTailFile } from './log-tail-file'
import { moveAside } from './quarantine'
import { ModuleCacheFile, type ModuleCache } from './module-cache'
import {
  emptySnapshotDocument,
  parseSnapshotDocument,
  toCachedSnapshot,
  type SnapshotDocument
} from './snapshot-document'

export interface ProfileCacheContext {
  dir: string
  factory: KeyValueFileFactory
  logWriter: LogFileWriter
  logger: Logger
  now: () => number
  maxLines: () => number
  /** Tells the store there is something to write. */
  markDirty: () => void
}

export class ProfileCacheImpl implements ProfileCache {
  private document: SnapshotDocument
  private snapshotDirty = false
  private readonly file: KeyValueFile
  private tails = new Map<string, LogTailFile>()
  private readonly modules = new Map<string, ModuleCacheFile>()
  private readonly logger: Logger

  /** Under the profile's folder, so clearing the profile's cache clears its metrics too. */
  get metricsDir(): string {
    return join(profileDir(this.context.dir, this.profileId), 'metrics')
  }

  constructor(
    readonly profileId: string,
    private readonly context: ProfileCacheContext
  ) {
    this.logger = context.logger.child(`cache/${profileId}`)
    const location = { cwd: profileDir(context.dir, profileId), name: SNAPSHOT_NAME }
    const opened = openDocument(
      context.factory,
      location,
      parseSnapshotDocument,
      this.logger,
      context.now()
    )
    this.file = opened.file
    this.document = opened.value ?? emptySnapshotDocument()
    this.loadTails()
  }

  snapshot(): CachedSnapshot {
    return toCachedSnapshot(this.document)
  }

  logTails(): LogTail[] {
    return [...this.tails.values()].map((tail) => tail.tail())
  }

  saveSnapshot(part: SnapshotPart): void {
    const stamped = { value: part.value.value, asOf: part.value.asOf }
    const next = { ...this.document }
    if (part.part === 'jobs') next.jobs = stamped as SnapshotDocument['jobs']
    else if (part.part === 'counts') next.counts = stamped as SnapshotDocument['counts']
    else if (part.part === 'sysInfo') next.sysInfo = stamped as SnapshotDocument['sysInfo']
    else {
      next.clusters = stamped as SnapshotDocument['clusters']
      next.taskManagers = part.taskManagers
    }
    this.document = next
    this.snapshotDirty = true
    this.context.markDirty()
  }

  module(name: string): ModuleCache {
    let cache = this.modules.get(name)
    if (!cache) {
      cache = new ModuleCacheFile(this.context, this.profileId, name, this.context.markDirty)
      this.modules.set(name, cache)
    }
    return cache
  }

  appendLog(process: string, run: string, lines: readonly string[]): void {
    let tail = this.tails.get(process)
    if (!tail) {
      const path = logFilePath(this.context.dir, this.profileId, process)
      tail = LogTailFile.create(path, process, run, this.context.maxLines)
      this.tails.set(process, tail)
    }
    tail.append(run, lines)
    this.context.markDirty()
  }

  /** Writes what changed since the last call; returns the number of files written. Errors are logged, not thrown. */
  async writePending(): Promise<number> {
    let written = 0
    if (this.snapshotDirty) {
      this.snapshotDirty = false
      try {
        this.file.store = this.document as unknown as JsonDocument
        written++
      } catch (error) {
        this.snapshotDirty = true
        this.logger.warn('snapshot cache write failed', { why: String(error) })
      }
    }
    for (const cache of this.modules.values()) {
      try {
        if (cache.writePending()) written++
      } catch (error) {
        cache.dirty = true
        this.logger.warn('module cache write failed', { module: cache.name, why: String(error) })
      }
    }
    for (const tail of this.tails.values()) {
      if (!tail.dirty) continue
      try {
        written += await tail.write(this.context.logWriter)
      } catch (error) {
        this.logger.warn('log tail cache write failed', {
          process: tail.process,
          why: String(error)
        })
      }
    }
    return written
  }

  get dirty(): boolean {
    return (
      this.snapshotDirty ||
      [...this.tails.values()].some((tail) => tail.dirty) ||
      [...this.modules.values()].some((cache) => cache.dirty)
    )
  }

  /** Forgets everything in memory (the store then removes the files): "clear cache". */
  reset(): void {
    this.document = emptySnapshotDocument()
    this.snapshotDirty = false
    this.tails = new Map()
    for (const cache of this.modules.values()) cache.reset()
  }

  private loadTails(): void {
    const folder = logsDir(this.context.dir, this.profileId)
    let names: string[]
    try {
      names = readdirSync(folder)
    } catch (error) {
      if (!isMissing(error)) this.logger.warn('log tail folder unreadable', { why: String(error) })
      return
    }
    for (const name of names) {
      const path = join(folder, name)
      // A temporary file left by a kill during a rewrite: the rename never happened, the old file stands.
      if (name.includes(`${LOG_EXTENSION}.tmp-`)) rmSync(path, { force: true })
      if (!name.endsWith(LOG_EXTENSION)) continue
      try {
        const tail = LogTailFile.load(path, this.context.maxLines)
        this.tails.set(tail.process, tail)
      } catch (error) {
        moveAside(path, error, this.logger, this.context.now())
      }
    }
  }
}
