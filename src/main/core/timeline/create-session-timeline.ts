/**
 * The timeline module as a session composes it: one line in `session.ts` builds it from the session's model, cache,
 * clock and settings and subscribes it to every update, so the session's file stays about its lifecycle.
 */
import type { AppSettings } from '../../../shared/profiles'
import { DEFAULT_TIMELINE_SETTINGS, type TimelineSettings } from '../../../shared/timeline'
import type { ProfileCache } from '../cache/cache-store'
import type { JobDetailService } from '../job-detail/job-detail-service'
import type { Clock, Logger } from '../ports'
import type { SessionModel } from '../session/session-model'
import { SessionTimeline } from './session-timeline'
import { TIMELINE_ALIVE_MODULE, TIMELINE_MODULE } from './timeline-document'

/** The timeline bounds of the settings, with the defaults where a setting is absent or not a positive number. */
export function timelineSettingsOf(settings: AppSettings): TimelineSettings {
  const given = settings.timeline
  const positive = (value: number | undefined, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback
  return {
    maxAgeDays: positive(given?.maxAgeDays, DEFAULT_TIMELINE_SETTINGS.maxAgeDays),
    maxEvents: Math.floor(positive(given?.maxEvents, DEFAULT_TIMELINE_SETTINGS.maxEvents))
  }
}

export function timelineFor(
  model: SessionModel,
  jobHealth: JobDetailService,
  options: { cache: ProfileCache; settings: AppSettings; liveSettings?: () => AppSettings },
  clock: Clock,
  logger: Logger
): SessionTimeline {
  const timeline = new SessionTimeline({
    profileId: model.snapshot().profileId,
    clock,
    logger: logger.child('timeline'),
    file: options.cache.module?.(TIMELINE_MODULE) ?? null,
    aliveFile: options.cache.module?.(TIMELINE_ALIVE_MODULE) ?? null,
    settings: () => timelineSettingsOf(options.liveSettings?.() ?? options.settings),
    cachedJobs: model.snapshot().jobs,
    cachedHealth: jobHealth.summaries(),
    jobs: () => model.snapshot().jobs?.value ?? []
  })
  model.subscribe((envelope) => timeline.observe(envelope.update))
  return timeline
}
