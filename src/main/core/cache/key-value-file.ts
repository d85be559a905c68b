/**
 * The one seam between the cache core and its two backends. `conf` (CLI, tests) and `electron-store` (the app) are
 * the same JSON-file store underneath; the core asks only for a whole document at a path, read once and written
 * whole, so the two stores differ only in the factory that builds this object.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../ports'
import { isMissing } from './cache-paths'
import { moveAside } from './quarantine'

export type JsonDocument = Record<string, unknown>

/** What conf and electron-store both are: `store` reads the whole JSON file and writes it whole and atomically. */
export interface KeyValueFile {
  readonly path: string
  store: JsonDocument
}

/** Builds the store for `<cwd>/<name>.json`. */
export type KeyValueFileFactory = (options: { cwd: string; name: string }) => KeyValueFile

export interface OpenedDocument<T> {
  file: KeyValueFile
  /** The parsed (and migrated) document, or null when there was none or it was moved aside. */
  value: T | null
}

/**
 * Opens `<cwd>/<name>.json` through `factory`, parsing it with `parse` (which migrates and validates, and throws on
 * anything it cannot accept). The file is read and checked *before* the backend sees it, because conf throws on
 * bad JSON and we want "move aside, warn, start empty" instead of a crash at start-up.
 */
export function openDocument<T>(
  factory: KeyValueFileFactory,
  location: { cwd: string; name: string },
  parse: (raw: unknown) => { value: T; migrated: boolean },
  logger: Logger,
  now: number
): OpenedDocument<T> {
  const path = join(location.cwd, `${location.name}.json`)
  removeStaleTemporaries(location.cwd, `${location.name}.json.tmp-`)
  let value: T | null = null
  let migrated = false
  try {
    const parsed = parse(JSON.parse(readFileSync(path, 'utf8')))
    value = parsed.value
    migrated = parsed.migrated
  } catch (error) {
    if (!isMissing(error)) moveAside(path, error, logger, now)
  }
  let file: KeyValueFile
  try {
    file = factory(location)
  } catch (error) {
    // The backend refused what we accepted (or the file changed under us): drop it once and start empty.
    moveAside(path, error, logger, now)
    value = null
    try {
      file = factory(location)
    } catch (again) {
      logger.error('cache file cannot be opened; keeping this cache in memory only', {
        path,
        why: again instanceof Error ? again.message : String(again)
      })
      file = inMemoryFile(path)
    }
  }
  if (value !== null && migrated) file.store = value as JsonDocument
  return { file, value }
}

/** A stand-in when the disk refuses us: the console keeps working, it just forgets on quit. */
function inMemoryFile(path: string): KeyValueFile {
  return { path, store: {} }
}

/** Temporaries of an atomic write that a kill interrupted: the rename never happened, the old file stands. */
function removeStaleTemporaries(cwd: string, prefix: string): void {
  let names: string[]
  try {
    names = readdirSync(cwd)
  } catch {
    return
  }
  for (const name of names) if (name.startsWith(prefix)) rmSync(join(cwd, name), { force: true })
}
