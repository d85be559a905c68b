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

const DETAIL = [
  'GET /api/jobInstance/getJobInfoDetail',
  'GET /api/jobInstance/refreshJobInfoDetail'
]
const JOB = '/data/jobDataDto'
/** The recordings whose Flink is 1.18.1 (every one so far). */
const FLINK_118 = ['1.1.0', '1.2.0']

/** The same difference on both job-detail endpoints (they answer the same `JobInfoDetail`). */
function onDetail(pointer: string, why: string): AllowedDifference[] {
  return DETAIL.map((endpoint) => ({ versions: FLINK_118, endpoint, pointer: JOB + pointer, why }))
}

export const ALLOWED_DIFFERENCES: AllowedDifference[] = [
  // Found by the recording of real Dinky 1.1.0 (test/fixtures/real-dinky/1.1.0, 2026-12-07). Simulator fixes
  // pending; each entry goes when its fix lands.
  ...['POST /api/login', 'GET /api/current'].flatMap((endpoint) =>
    ['/data/roleList/0/createTime', '/data/roleList/0/updateTime'].map((pointer) => ({
      versions: ['1.1.0', '1.2.0'],
      endpoint,
      pointer,
      why: "real role rows carry createTime/updateTime; the simulator's do not"
    }))
  ),
  ...onDetail(
    '/job/vertices/0/metrics/accumulated-busy-time',
    'Flink 1.18 writes "NaN" (a string) for a source vertex\'s busy time; the simulator always a number'
  ),
  ...onDetail(
    '/checkpoints/history/0/discarded',
    'Flink 1.18 checkpoint history entries have no `discarded`; the simulator sends one'
  ),
  ...onDetail(
    '/checkpointsConfig/changelog_periodic_materialization_interval',
    'Flink 1.18 names it changelog_periodic_materialization_interval; the simulator periodic_materialization_interval'
  ),
  ...onDetail(
    '/checkpointsConfig/periodic_materialization_interval',
    "the simulator's name for changelog_periodic_materialization_interval (see above)"
  ),
  ...['taskName', 'location', 'taskManagerId'].flatMap((field) =>
    onDetail(
      `/exceptions/exceptionHistory/entries/0/${field}`,
      'a global failure (JobException, no restart) has no task, location or task manager in Flink 1.18; the simulator always sends them'
    )
  )
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
