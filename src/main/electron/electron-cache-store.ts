/**
 * The app's cache and settings stores on electron-store, under userData. Same core, same files and format as the
 * conf-backed stores the CLI uses; only the key-value-file factory differs.
 */
import ElectronStore from 'electron-store'
import { createCacheStore, type CacheStoreOptions } from '../core/cache/cache-store-core'
import type { CacheStore, SettingsStore } from '../core/cache/cache-store'
import type { JsonDocument, KeyValueFileFactory } from '../core/cache/key-value-file'
import { createSettingsStore, type SettingsStoreOptions } from '../core/cache/settings-store'

/** An electron-store for `<cwd>/<name>.json`; `cwd` must be absolute (userData in the app). */
export const electronKeyValueFile: KeyValueFileFactory = ({ cwd, name }) =>
  new ElectronStore<JsonDocument>({ cwd, name })

/** The cache store of the app; pass `dir: app.getPath('userData')`. */
export function createElectronCacheStore(options: Omit<CacheStoreOptions, 'factory'>): CacheStore {
  return createCacheStore({ ...options, factory: electronKeyValueFile })
}

/** Profiles and settings of the app, in `<userData>/settings.json`. */
export function createElectronSettingsStore(
  options: Omit<SettingsStoreOptions, 'factory'>
): SettingsStore {
  return createSettingsStore({ ...options, factory: electronKeyValueFile })
}
