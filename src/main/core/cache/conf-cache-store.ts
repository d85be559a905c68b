/** The `conf`-backed stores, for the CLI and the tests: same files and format as the app's electron-store. */
import Conf from 'conf'
import { createCacheStore, type CacheStoreOptions } from './cache-store-core'
import type { CacheStore, SettingsStore } from './cache-store'
import type { JsonDocument, KeyValueFileFactory } from './key-value-file'
import { createSettingsStore, type SettingsStoreOptions } from './settings-store'

/** A `conf` store for `<cwd>/<name>.json`; no schema or migrations of conf's own, the core does both. */
export const confKeyValueFile: KeyValueFileFactory = ({ cwd, name }) =>
  new Conf<JsonDocument>({ cwd, configName: name })

/** The cache store on `conf`, for the CLI and tests (no Electron needed). */
export function createConfCacheStore(options: Omit<CacheStoreOptions, 'factory'>): CacheStore {
  return createCacheStore({ ...options, factory: confKeyValueFile })
}

/** Profiles and settings on `conf`, in `<dir>/settings.json`. */
export function createConfSettingsStore(
  options: Omit<SettingsStoreOptions, 'factory'>
): SettingsStore {
  return createSettingsStore({ ...options, factory: confKeyValueFile })
}
