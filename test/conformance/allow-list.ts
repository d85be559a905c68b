/**
 * Known differences between the simulator and real Dinky whose fix is out of scope for now. Each entry is
 * explicit and says why; a difference not listed here fails the conformance test. Remove an entry once fixed.
 */
import type { Difference } from './shape-diff'

export interface AllowedDifference {
  /** Dinky versions it applies to (`*` for all). */
  versions: string[]
  endpoint: string
  /** A JSON pointer, or a prefix ending in `*`. */
  pointer: string
  why: string
}

export const ALLOWED_DIFFERENCES: AllowedDifference[] = []

export function isAllowed(version: string, difference: Difference): boolean {
  return ALLOWED_DIFFERENCES.some(
    (allowed) =>
      (allowed.versions.includes('*') || allowed.versions.includes(version)) &&
      allowed.endpoint === difference.endpoint &&
      (allowed.pointer.endsWith('*')
        ? difference.pointer.startsWith(allowed.pointer.slice(0, -1))
        : allowed.pointer === difference.pointer)
  )
}
