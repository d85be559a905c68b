/**
 * Profiles and settings in `<dir>/settings.json`, through the same key-value backend as the cache. Small and
 * changed by hand, so every save writes through at once (atomically); "clear cache" never touches this file.
 */
import { systemClock, type Clock, type Logger } from '../ports'
import type { AppSettings, ServerProfile } from '../../../shared/profiles'
import type { SettingsStore } from './cache-store'
import { SETTINGS_NAME } from './cache-paths'
import { openDocument, type JsonDocument, type KeyValueFileFactory } from './key-value-file'
import {
  appSettingsSchema,
  defaultSettingsDocument,
  parseSettingsDocument,
  serverProfileSchema,
  type SettingsDocument
} from './settings-document'

export interface SettingsStoreOptions {
  dir: string
  factory: KeyValueFileFactory
  logger: Logger
  clock?: Clock
}

/** Opens (or starts) the settings file; a broken file is moved aside and defaults are used. */
export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const logger = options.logger.child('settings')
  const now = (options.clock ?? systemClock).now()
  const parse = (raw: unknown) =>
    parseSettingsDocument(
      raw,
      (why) => logger.warn('dropped an unreadable profile', { why }),
      (why) => logger.warn('alert rules unreadable; using the default rules', { why })
    )
  const opened = openDocument(
    options.factory,
    { cwd: options.dir, name: SETTINGS_NAME },
    parse,
    logger,
    now
  )
  let document: SettingsDocument = opened.value ?? defaultSettingsDocument()

  const save = (next: SettingsDocument) => {
    document = next
    try {
      opened.file.store = document as unknown as JsonDocument
    } catch (error) {
      logger.warn('settings write failed; kept in memory', { why: String(error) })
    }
  }

  return {
    profiles: () => structuredClone(document.profiles),
    saveProfiles(profiles: ServerProfile[]) {
      // Parsing strips any key the model does not have (a password, a token) before it can reach the file.
      save({ ...document, profiles: profiles.map((profile) => serverProfileSchema.parse(profile)) })
    },
    selectedProfileId: () => document.selectedProfileId,
    selectProfile(profileId: string) {
      save({ ...document, selectedProfileId: profileId })
    },
    settings: () => structuredClone(document.settings),
    saveSettings(settings: AppSettings) {
      save({ ...document, settings: appSettingsSchema.parse(settings) })
    }
  }
}
