/**
 * The cache store both backends share: per-profile caches over any key-value-file factory, one coalescing write
 * scheduler, and clear/info over the `dinky-cache/` folder. `conf-cache-store.ts` and the Electron adapter differ
 * only in the factory they pass.
 */
import { readdir, rm } from 'node:fs/promises'
import { systemClock, type Clock, type Logger } from '../ports'
import type { CacheInfoEntry, CacheStore, ProfileCache } from './cache-store'
import { bytesBelow, cacheRoot, decodeSegment, isMissing, profileDir } from './cache-paths'
import type { KeyValueFileFactory } from './key-value-file'
import { diskLogFileWriter, type LogFileWriter } from './log-file-writer'
import { ProfileCacheImpl } from './profile-cache'
import { createWriteScheduler } from './write-scheduler'
import { DEFAULT_APP_SETTINGS } from '../../../shared/profiles'

export interface CacheStoreOptions {
  /** The root folder: the app's userData, or `--cache-dir`. The cache lives in `<dir>/dinky-cache/`. */
  dir: string
  factory: KeyValueFileFactory
  logger: Logger
  clock?: Clock
  /** At most one write per this many ms, per store (default 1000). */
  writeIntervalMs?: number
  /** Lines kept per process, read at every append so a settings change applies at once (default 5000). */
  logTailLines?: () => number
  /** Log-tail file writes; tests inject a counting one. */
  logWriter?: LogFileWriter
}

/**
 * Builds a `CacheStore` that touches the disk only when a profile is opened or something is written, so `info`
 * and `clear` on a missing folder create nothing.
 */
export function createCacheStore(options: CacheStoreOptions): CacheStore {
  const clock = options.clock ?? systemClock
  const logger = options.logger.child('cache')
  const caches = new Map<string, ProfileCacheImpl>()
  const scheduler = createWriteScheduler({
    clock,
    logger,
    intervalMs: options.writeIntervalMs ?? 1_000,
    write: async () => {
      for (const cache of caches.values()) await cache.writePending()
    }
  })
  const context = {
    dir: options.dir,
    factory: options.factory,
    logWriter: options.logWriter ?? diskLogFileWriter,
    logger,
    now: () => clock.now(),
    maxLines: options.logTailLines ?? (() => DEFAULT_APP_SETTINGS.logTailLines),
    markDirty: () => scheduler.markDirty()
  }

  return {
    profile(profileId: string): ProfileCache {
      let cache = caches.get(profileId)
      if (!cache) {
        cache = new ProfileCacheImpl(profileId, context)
        caches.set(profileId, cache)
      }
      return cache
    },

    async info(): Promise<CacheInfoEntry[]> {
      let names: string[]
      try {
        names = await readdir(cacheRoot(options.dir))
      } catch (error) {
        if (isMissing(error)) return []
        throw error
      }
      const entries: CacheInfoEntry[] = []
      for (const name of names.sort()) {
        const profileId = decodeSegment(name)
        entries.push({ profileId, bytes: await bytesBelow(profileDir(options.dir, profileId)) })
      }
      return entries
    },

    clear(profileId: string | null) {
      return scheduler.exclusive(async () => {
        for (const [id, cache] of caches) if (profileId === null || id === profileId) cache.reset()
        const target =
          profileId === null ? cacheRoot(options.dir) : profileDir(options.dir, profileId)
        const bytesFreed = await bytesBelow(target)
        await rm(target, { recursive: true, force: true })
        logger.info('cache cleared', { profileId, bytesFreed })
        return { bytesFreed }
      })
    },

    flush: () => scheduler.flushNow(),
    close: () => scheduler.close()
  }
}
