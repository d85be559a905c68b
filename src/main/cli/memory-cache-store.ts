/**
 * A cache that lives only as long as the process: what `watch` uses without `--cache-dir`, so the session code is
 * the same whether or not anything is persisted.
 */
import type { CacheStore, CachedSnapshot, ProfileCache } from '../core/cache/cache-store'

function emptySnapshot(): CachedSnapshot {
  return { jobs: null, counts: null, clusters: null, taskManagers: {}, sysInfo: null }
}

/** Why not a temp dir with the real store: nothing should touch the disk when the user asked for no cache. */
export function createMemoryCacheStore(): CacheStore {
  const profiles = new Map<string, ProfileCache>()
  return {
    profile(profileId) {
      let cache = profiles.get(profileId)
      if (!cache) {
        cache = {
          profileId,
          snapshot: emptySnapshot,
          logTails: () => [],
          saveSnapshot: () => undefined,
          appendLog: () => undefined
        }
        profiles.set(profileId, cache)
      }
      return cache
    },
    info: async () => [],
    clear: async () => ({ bytesFreed: 0 }),
    flush: async () => undefined,
    close: async () => undefined
  }
}
