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

/**
 * Every difference the recordings of real 1.1.0 and 1.2.0 showed is fixed in the simulator. What is left is not
 * Dinky's protocol but the recorded install.
 */
export const ALLOWED_DIFFERENCES: AllowedDifference[] = [
  ...['/code', '/data'].map((pointer) => ({
    versions: ['1.0.3'],
    endpoint: 'GET /api/monitor/getFlinkData',
    pointer,
    why:
      'The recorded 1.0.3 install answers code 5 with a stack trace in data (a Hadoop class is missing from our ' +
      "build's classpath): a broken install, not 1.0.3's protocol; no working 1.0.x answer was recorded."
  }))
]

function matches(allowed: AllowedDifference, version: string, difference: Difference): boolean {
  return (
    (allowed.versions.includes('*') || allowed.versions.includes(version)) &&
    allowed.endpoint === difference.endpoint &&
    (allowed.pointer.endsWith('*')
      ? difference.pointer.startsWith(allowed.pointer.slice(0, -1))
      : allowed.pointer === difference.pointer)
  )
}

export function isAllowed(version: string, difference: Difference): boolean {
  return ALLOWED_DIFFERENCES.some((allowed) => matches(allowed, version, difference))
}

/** Entries of `version` that no difference needs any more: fixed, so to be removed. */
export function staleAllowances(version: string, differences: readonly Difference[]): string[] {
  return ALLOWED_DIFFERENCES.filter(
    (allowed) =>
      allowed.versions.includes(version) && !differences.some((d) => matches(allowed, version, d))
  ).map((allowed) => `${allowed.endpoint} ${allowed.pointer}`)
}
