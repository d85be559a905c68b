/**
 * A cache document of its own for a module beside sync (job detail, metrics, ...): `<profile>/<name>.json`, read
 * once, validated by the module, written whole by the store's write scheduler. Why not a snapshot part: each module
 * owns its format and its bounds, and the snapshot document's versions stay untouched.
 */
import type { Logger } from '../ports'
import { profileDir } from './cache-paths'
import {
  openDocument,
  type JsonDocument,
  type KeyValueFile,
  type KeyValueFileFactory
} from './key-value-file'

/** What a module sees of its cache document. */
export interface ModuleCache {
  /** The document as loaded (unvalidated: the module checks it), or null. */
  read(): unknown
  /** Replaces the document; written at the store's next write. */
  write(value: JsonDocument): void
}

export class ModuleCacheFile implements ModuleCache {
  private readonly file: KeyValueFile
  private value: JsonDocument | null
  dirty = false

  constructor(
    context: { dir: string; factory: KeyValueFileFactory; logger: Logger; now: () => number },
    profileId: string,
    readonly name: string,
    private readonly markDirty: () => void
  ) {
    const location = { cwd: profileDir(context.dir, profileId), name }
    const accept = (raw: unknown) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new Error(`${name}.json is not an object`)
      return { value: raw as JsonDocument, migrated: false }
    }
    const opened = openDocument(context.factory, location, accept, context.logger, context.now())
    this.file = opened.file
    this.value = opened.value
  }

  read(): unknown {
    return this.value
  }

  write(value: JsonDocument): void {
    this.value = value
    this.dirty = true
    this.markDirty()
  }

  /** Writes the document when it changed; returns whether it wrote. */
  writePending(): boolean {
    if (!this.dirty || this.value === null) return false
    this.dirty = false
    this.file.store = this.value
    return true
  }

  reset(): void {
    this.value = null
    this.dirty = false
  }
}
