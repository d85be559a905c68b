/**
 * Argument schemas and handlers of the job-health request channels (issue 15), spliced into `request-schemas.ts`
 * and `request-handlers.ts` by one line each. The renderer is untrusted input: ids are bounded integers, an
 * address is a host:port, a Flink log reference is one of four kinds.
 */
import { z } from 'zod'
import type { JobHealthRequestChannels } from '../../shared/ipc/job-health-channels'
import type { JobHealthSummary } from '../../shared/job-health'
import type { SessionHandle } from '../core/session/session-api'

const profileId = z.string().min(1).max(200)
const id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
/** A JobManager address as Dinky stores it: host:port, maybe with a scheme, no spaces. */
const address = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[\w.:\-/[\]@]+$/, 'an address looks like host:port')
const flinkLogProcess = z.string().min(1).max(1_200).startsWith('flink:')

export const JOB_HEALTH_REQUEST_SCHEMAS = {
  'jobHealth:open': z.object({ profileId, instanceId: id }),
  'jobHealth:close': z.object({ profileId, instanceId: id }),
  'jobHealth:refresh': z.object({ profileId, instanceId: id }),
  'jobHealth:summaries': z.object({ profileId }),
  'jobHealth:alerts': z.object({ profileId, instanceId: id }),
  'jobHealth:versions': z.object({ profileId, taskId: id }),
  'jobHealth:savepoints': z.object({ profileId, taskId: id }),
  'jobHealth:task-managers': z.object({ profileId, address }),
  'jobHealth:flink-log': z.object({
    profileId,
    ref: z.object({
      kind: z.enum(['jm-log', 'jm-stdout', 'jm-thread-dump', 'tm-log']),
      address,
      containerId: z.string().min(1).max(500).optional()
    })
  }),
  'jobHealth:flink-log-stop': z.object({ profileId, process: flinkLogProcess })
} satisfies Record<keyof JobHealthRequestChannels, z.ZodType>

type Handlers = {
  [C in keyof JobHealthRequestChannels]: (
    req: JobHealthRequestChannels[C]['req']
  ) => Promise<JobHealthRequestChannels[C]['res']>
}

/**
 * `onSummariesRead`: the renderer is about to get these summaries (main's push batcher then does not push a reading
 * that says the same again).
 */
export function createJobHealthHandlers(
  session: (profileId: string) => SessionHandle,
  onSummariesRead?: (profileId: string, summaries: readonly JobHealthSummary[]) => void
): Handlers {
  const health = (profileId: string) => session(profileId).jobHealth
  return {
    'jobHealth:open': async ({ profileId, instanceId }) => health(profileId).open(instanceId),
    'jobHealth:close': async ({ profileId, instanceId }) => health(profileId).close(instanceId),
    'jobHealth:refresh': async ({ profileId, instanceId }) => health(profileId).refresh(instanceId),
    'jobHealth:summaries': async ({ profileId }) => {
      const summaries = health(profileId).summaries()
      onSummariesRead?.(profileId, summaries)
      return summaries
    },
    'jobHealth:alerts': ({ profileId, instanceId }) => health(profileId).alerts(instanceId),
    'jobHealth:versions': ({ profileId, taskId }) => health(profileId).versions(taskId),
    'jobHealth:savepoints': ({ profileId, taskId }) => health(profileId).savepoints(taskId),
    'jobHealth:task-managers': ({ profileId, address }) => health(profileId).taskManagers(address),
    'jobHealth:flink-log': ({ profileId, ref }) => health(profileId).followFlinkLog(ref),
    'jobHealth:flink-log-stop': async ({ profileId, process }) =>
      health(profileId).unfollowFlinkLog(process)
  }
}
