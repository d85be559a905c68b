/**
 * Which Dinky release line a simulated version string belongs to, for the answers that differ by release (1.0.x has
 * no getSysInfo, no owner fields on job rows, no `verticesTitle` in metrics layouts).
 */

/** True for a 1.0.x version string (`1.0`, `1.0.3`, `1.0.0-rc4`). */
export function isDinky10(version: string): boolean {
  return /^1\.0(\.|$|-)/.test(version)
}
