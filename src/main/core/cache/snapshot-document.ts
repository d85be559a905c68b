/**
 * The on-disk format of one profile's last snapshot (`snapshot.json`), its version history and its migrations.
 *
 * - v1 (the "older" format, written by console 0.0.x): one `savedAt` for the whole file, parts stored bare, no task
 *   managers. Migrated to v2 by giving every part `asOf: savedAt`, the best age we know.
 * - v2 (current): every part carries its own `asOf`; task managers ride with the clusters.
 */
import { z } from 'zod'
import type { CachedSnapshot } from './cache-store'
import type { Fresh } from '../../../shared/models'
import {
  clusterSchema,
  jobSchema,
  statusCountsSchema,
  sysInfoSchema,
  taskManagersSchema
} from './model-schemas'

export const SNAPSHOT_VERSION = 2

const stamped = <T extends z.ZodType>(value: T) => z.object({ value, asOf: z.number() }).nullable()

export const snapshotDocumentSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  jobs: stamped(z.array(jobSchema)),
  counts: stamped(statusCountsSchema),
  clusters: stamped(z.array(clusterSchema)),
  taskManagers: taskManagersSchema,
  sysInfo: stamped(sysInfoSchema)
})
export type SnapshotDocument = z.infer<typeof snapshotDocumentSchema>

/** v1: a file without `version`, or with `version: 1`. */
export const snapshotDocumentV1Schema = z.object({
  version: z.literal(1).optional(),
  savedAt: z.number(),
  jobs: z.array(jobSchema).nullable(),
  counts: statusCountsSchema.nullable(),
  clusters: z.array(clusterSchema).nullable(),
  sysInfo: sysInfoSchema.nullable()
})
export type SnapshotDocumentV1 = z.infer<typeof snapshotDocumentV1Schema>

export function emptySnapshotDocument(): SnapshotDocument {
  return {
    version: SNAPSHOT_VERSION,
    jobs: null,
    counts: null,
    clusters: null,
    taskManagers: {},
    sysInfo: null
  }
}

/** v1 → v2: a part's age is the file's age, because v1 never knew better. */
export function migrateSnapshotV1(v1: SnapshotDocumentV1): SnapshotDocument {
  const at = <T>(value: T | null) => (value === null ? null : { value, asOf: v1.savedAt })
  return {
    version: SNAPSHOT_VERSION,
    jobs: at(v1.jobs),
    counts: at(v1.counts),
    clusters: at(v1.clusters),
    taskManagers: {},
    sysInfo: at(v1.sysInfo)
  }
}

/**
 * Reads any known version and returns the current one. Throws on anything else (a newer version included: we
 * cannot know what it means, so it is moved aside rather than half-read).
 */
export function parseSnapshotDocument(raw: unknown): {
  value: SnapshotDocument
  migrated: boolean
} {
  const version = (raw as { version?: unknown } | null)?.version
  if (version === SNAPSHOT_VERSION) {
    return { value: snapshotDocumentSchema.parse(raw), migrated: false }
  }
  if (version === undefined || version === 1) {
    return { value: migrateSnapshotV1(snapshotDocumentV1Schema.parse(raw)), migrated: true }
  }
  throw new Error(`unknown snapshot version ${JSON.stringify(version)}`)
}

/** What the port hands out: every part marked stale, with the `asOf` it was saved with. */
export function toCachedSnapshot(document: SnapshotDocument): CachedSnapshot {
  const stale = <T>(part: { value: T; asOf: number } | null): Fresh<T> | null =>
    part === null ? null : { value: part.value, asOf: part.asOf, stale: true }
  return {
    jobs: stale(document.jobs),
    counts: stale(document.counts),
    clusters: stale(document.clusters),
    taskManagers: document.taskManagers,
    sysInfo: stale(document.sysInfo)
  }
}
