/**
 * Moving a bad file aside. A cache file that cannot be read or parsed is renamed to `<name>.corrupt-<time>` (kept for
 * a bug report, removed by "clear cache") and the caller starts from an empty cache: bad local data must never stop
 * the console from starting.
 */
import { renameSync, rmSync } from 'node:fs'
import type { Logger } from '../ports'

/** A file name stamp without `:` (not allowed on Windows), sortable, e.g. `2026-01-01T10-15-30-123Z`. */
function timeStamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-')
}

/**
 * Renames `path` aside and logs one warning with the reason. Returns the new path, or null when even the rename
 * failed (then the file is removed, and if that fails too, left for the next write to replace).
 */
export function moveAside(
  path: string,
  reason: unknown,
  logger: Logger,
  now: number
): string | null {
  const target = `${path}.corrupt-${timeStamp(now)}`
  const why = reason instanceof Error ? reason.message : String(reason)
  try {
    renameSync(path, target)
    logger.warn('cache file unreadable, moved aside and starting empty', {
      path,
      movedTo: target,
      why
    })
    return target
  } catch (renameError) {
    logger.warn('cache file unreadable and could not be moved aside; dropping it', {
      path,
      why,
      renameError: renameError instanceof Error ? renameError.message : String(renameError)
    })
    try {
      rmSync(path, { recursive: true, force: true })
    } catch {
      // The next write replaces it; the in-memory cache is empty either way.
    }
    return null
  }
}
