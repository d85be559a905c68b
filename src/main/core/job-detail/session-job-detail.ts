/**
 * The job-detail module as a session composes it: one line in `session.ts` builds it from the session's client,
 * model, cache, clock and settings, so the session's file stays about its lifecycle.
 */
import type { AppSettings } from '../../../shared/profiles'
import type { ProfileCache } from '../cache/cache-store'
import type { DinkyClient } from '../dinky/types'
import type { Clock, Logger } from '../ports'
import type { SessionModel } from '../session/session-model'
import { JobDetailService } from './job-detail-service'

export function jobDetailFor(
  model: SessionModel,
  client: DinkyClient,
  options: { cache: ProfileCache; settings: AppSettings; liveSettings?: () => AppSettings },
  clock: Clock,
  logger: Logger
): JobDetailService {
  return new JobDetailService({
    client,
    cache: options.cache,
    clock,
    logger: logger.child('job-detail'),
    // Read at every request slot, from the settings as they are now: a change applies to the running session.
    budgetPerSecond: () =>
      (options.liveSettings?.() ?? options.settings).connection.jobDetailBudgetPerSecond ?? 1,
    isLive: () => model.stream('rest').kind === 'live',
    jobs: () => model.snapshot().jobs?.value ?? [],
    emit: (update) => model.apply(update)
  })
}
