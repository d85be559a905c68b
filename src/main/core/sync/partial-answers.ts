/**
 * The poll's parts, each applied on its own. Jobs with their counts are the console's heart; the cluster list is a
 * side part. A malformed cluster list (`data: null`, a row without an id) used to fail the whole `Promise.all`, so
 * one bad side endpoint hid every job. Now jobs and counts succeed or fail together, the cluster list apart: when it
 * fails (for any reason but a lost login, which concerns every call) the jobs stay live and the clusters already
 * shown are marked stale with the reason.
 */
import type { ConnectionReason } from '../../../shared/connection'
import type { Cluster, Job, StatusCounts } from '../../../shared/models'
import { classifyNetworkError } from '../dinky/classify'
import { DinkyError } from '../dinky/dinky-error'
import type { DinkyClient } from '../dinky/types'
import type { Logger } from '../ports'
import { describeFailure } from './cluster-extras'

export type Part<T> = { ok: true; value: T } | { ok: false; error: unknown }

export interface JobParts {
  jobs: Job[]
  /** Null when the status counts failed on their own: the last counts stay shown. */
  counts: StatusCounts | null
}

export interface SnapshotParts extends JobParts {
  clusters: Part<Cluster[]>
}

/** A side part's failure: its reason and detail, or null when it concerns the whole session (the login). */
export function sidePartFailure(
  error: unknown
): { reason: ConnectionReason; detail: string } | null {
  const reason = error instanceof DinkyError ? error.reason : classifyNetworkError(error)
  if (reason === 'token-expired' || reason === 'login-failed') return null
  return { reason, detail: describeFailure(error) }
}

const settle = <T>(promise: Promise<T>): Promise<Part<T>> =>
  promise.then(
    (value): Part<T> => ({ ok: true, value }),
    (error: unknown): Part<T> => ({ ok: false, error })
  )

/**
 * Reads jobs and their status counts; rejects only when the jobs fail. Counts that fail alone (a count without
 * `code`) are logged and left out, or rethrown when the login is gone.
 */
export async function readJobParts(
  client: Pick<DinkyClient, 'jobs' | 'statusCounts'>,
  logger: Logger
): Promise<JobParts> {
  const jobsRead = client.jobs()
  const counts = settle(client.statusCounts())
  const jobs = await jobsRead
  const settled = await counts
  if (settled.ok) return { jobs, counts: settled.value }
  const failure = sidePartFailure(settled.error)
  if (!failure) throw settled.error
  logger.warn('status counts unusable; jobs stay live', failure)
  return { jobs, counts: null }
}

/** Reads jobs, counts and clusters at once; rejects only when the jobs fail. */
export async function readSnapshotParts(
  client: Pick<DinkyClient, 'jobs' | 'statusCounts' | 'clusters'>,
  logger: Logger
): Promise<SnapshotParts> {
  const jobParts = readJobParts(client, logger)
  const clusters = settle(client.clusters())
  const parts = await jobParts
  return { ...parts, clusters: await clusters }
}

/**
 * Reports a failed cluster list as stale clusters. False for a failure that concerns the whole session: the
 * caller's usual path (one silent re-login, then `auth-expired`) must take it.
 */
export function reportStaleClusters(
  error: unknown,
  logger: Logger,
  onStale: ((reason: ConnectionReason, detail: string) => void) | undefined
): boolean {
  const failure = sidePartFailure(error)
  if (!failure) return false
  logger.warn('cluster list unusable; jobs stay live, clusters are stale', failure)
  onStale?.(failure.reason, failure.detail)
  return true
}
