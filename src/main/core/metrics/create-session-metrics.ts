/**
 * Builds a session's metrics module with its disk cache (when the profile cache has a folder), so the session
 * itself only wires it and stays about its lifecycle.
 */
import type { Job } from '../../../shared/models'
import type { ProfileCache } from '../cache/cache-store'
import type { DinkyClient } from '../dinky/types'
import type { Clock, Logger } from '../ports'
import { createMetricsCache } from './metrics-cache'
import { SessionMetrics } from './session-metrics'

export function createSessionMetrics(options: {
  client: DinkyClient
  clock: Clock
  logger: Logger
  cache: ProfileCache
  jobs: () => readonly Job[]
  /** A read-only profile (issue 23): layouts are read, never saved. */
  readOnly?: boolean
  onTopicsChanged: () => void
}): SessionMetrics {
  const logger = options.logger.child('metrics')
  const dir = options.cache.metricsDir
  return new SessionMetrics({
    client: options.client,
    clock: options.clock,
    logger,
    jobs: options.jobs,
    readOnly: options.readOnly,
    onTopicsChanged: options.onTopicsChanged,
    cache: dir ? createMetricsCache({ dir, clock: options.clock, logger }) : undefined
  })
}
