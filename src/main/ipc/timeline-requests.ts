/**
 * Argument schemas and handlers of the timeline request channels (issue 22), spliced into `request-schemas.ts` and
 * `request-handlers.ts` by one line each. The renderer is untrusted input: ids are bounded integers, a query asks
 * for at most 5,000 events, an export is CSV or JSON and goes through the platform's save dialog.
 */
import { z } from 'zod'
import type { TimelineRequestChannels } from '../../shared/ipc/timeline-channels'
import type { TimelineEvent } from '../../shared/timeline'
import type { ServerTimeline } from '../core/timeline/timeline-api'
import { timelineCsv, timelineJsonObject } from '../core/timeline/timeline-export'

const profileId = z.string().min(1).max(200)
const id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)

/** The most events one `timeline:events` answer carries (the kept timeline's default bound). */
export const TIMELINE_QUERY_LIMIT = 5_000
/** An export carries the whole kept timeline of the job or server, which settings bound well below this. */
const EXPORT_LIMIT = 100_000

export const TIMELINE_REQUEST_SCHEMAS = {
  'timeline:events': z.object({
    profileId,
    query: z
      .object({
        jobId: id.optional(),
        since: id.optional(),
        limit: z.number().int().min(1).max(TIMELINE_QUERY_LIMIT).optional()
      })
      .strict()
  }),
  'timeline:export': z.object({
    profileId,
    jobId: id.nullable(),
    format: z.enum(['csv', 'json'])
  }),
  'timeline:away': z.undefined(),
  'timeline:away-seen': z.object({ profileId })
} satisfies Record<keyof TimelineRequestChannels, z.ZodType>

type Handlers = {
  [C in keyof TimelineRequestChannels]: (
    req: TimelineRequestChannels[C]['req']
  ) => Promise<TimelineRequestChannels[C]['res']>
}

export interface TimelineHandlerDeps {
  /** The timeline of an open session (throws the request error when there is none). */
  timeline(profileId: string): ServerTimeline
  /** The timelines of every open session. */
  timelines(): ServerTimeline[]
  /** Asks where to save and writes the file; null when the user cancelled. */
  saveFile(suggestedName: string, text: string): Promise<string | null>
}

export function createTimelineHandlers(deps: TimelineHandlerDeps): Handlers {
  return {
    'timeline:events': async ({ profileId, query }) =>
      deps
        .timeline(profileId)
        .events({ ...query, limit: Math.min(query.limit ?? 500, TIMELINE_QUERY_LIMIT) }),
    'timeline:export': async ({ profileId, jobId, format }) => {
      const events = deps
        .timeline(profileId)
        .events(jobId === null ? { limit: EXPORT_LIMIT } : { jobId, limit: EXPORT_LIMIT })
      const text = format === 'csv' ? timelineCsv(events) : timelineJson(events)
      return { path: await deps.saveFile(exportFileName(profileId, jobId, format), text) }
    },
    'timeline:away': async () =>
      deps.timelines().flatMap((timeline) => {
        const summary = timeline.away()
        return summary ? [summary] : []
      }),
    'timeline:away-seen': async ({ profileId }) => deps.timeline(profileId).markSeen()
  }
}

/**
 * A `.json` file is one JSON document (an array, newest first) that any tool opens; its objects are the lines of
 * `dinky-console timeline --json`.
 */
export function timelineJson(events: readonly TimelineEvent[]): string {
  return JSON.stringify(events.map(timelineJsonObject), null, 2) + '\n'
}

/** `dinky-console-timeline-<server>[-job-<id>].<csv|json>`; the profile id is the user's, kept to safe characters. */
export function exportFileName(profileId: string, jobId: number | null, format: 'csv' | 'json') {
  const server = profileId.replace(/[^\w.-]+/g, '_').slice(0, 80)
  return `dinky-console-timeline-${server}${jobId === null ? '' : `-job-${jobId}`}.${format}`
}
