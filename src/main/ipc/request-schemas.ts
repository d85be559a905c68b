/**
 * Argument schemas for every request channel. Main validates what the renderer sends before it reaches a handler:
 * the renderer is untrusted input, however much we wrote it ourselves.
 */
import { z } from 'zod'
import type { RequestChannel } from '../../shared/ipc/contract'
import { hasUrlCredentials, URL_CREDENTIALS_MESSAGE } from '../../shared/server-url'
import { JOB_HEALTH_REQUEST_SCHEMAS } from './job-health-requests'
import { TIMELINE_REQUEST_SCHEMAS } from './timeline-requests'
import { ALERTS_REQUEST_SCHEMAS } from './alerts-requests'

const profileId = z.string().min(1).max(200)
const positiveInt = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
const processName = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z]+\/[\w.-]+$/, 'a process name looks like FlinkSubmit/12')

const connectionSettings = z.object({
  heartbeatTimeoutMs: z.number().int().min(1_000).max(600_000).nullable(),
  backoffBaseMs: z.number().int().min(100).max(60_000),
  backoffFactor: z.number().min(1).max(10),
  backoffMaxMs: z.number().int().min(1_000).max(3_600_000),
  backoffResetAfterMs: z.number().int().min(1_000).max(3_600_000),
  jobsPollMs: z.number().int().min(1_000).max(600_000),
  clustersPollMs: z.number().int().min(1_000).max(3_600_000),
  maxEventBytes: z
    .number()
    .int()
    .min(1024 * 1024)
    .max(1024 * 1024 * 1024)
    .optional(),
  jobDetailBudgetPerSecond: z.number().min(0.1).max(20).optional()
})

export const serverProfileSchema = z.object({
  id: profileId,
  name: z.string().trim().min(1).max(100),
  url: z
    .string()
    .max(2_000)
    .refine((value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol)
      } catch {
        return false
      }
    }, 'the server URL must be http:// or https://')
    .refine((value) => !hasUrlCredentials(value), URL_CREDENTIALS_MESSAGE),
  username: z.string().min(1).max(200),
  tenantId: positiveInt,
  transport: z.enum(['auto', 'sse', 'ws']),
  extraCaPem: z.string().max(100_000).nullable(),
  processes: z.array(processName).max(200),
  demo: z.boolean(),
  readOnly: z.boolean().optional()
})

const appSettingsPatch = z
  .object({
    language: z.enum(['system', 'en-US', 'zh-CN']),
    theme: z.enum(['system', 'light', 'dark']),
    notifications: z.boolean(),
    logTailLines: z.number().int().min(100).max(1_000_000),
    connection: connectionSettings,
    timeline: z.object({
      maxAgeDays: z.number().min(1).max(365),
      maxEvents: z.number().int().min(100).max(50_000)
    })
  })
  .partial()
  .strict()

const password = z.string().max(1_000).nullable()
const none = z.undefined()

const jobAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cancel'), taskId: positiveInt, withSavepoint: z.boolean() }),
  z.object({
    kind: z.literal('restart'),
    taskId: positiveInt,
    savepointPath: z.string().max(2_000).nullable()
  }),
  z.object({
    kind: z.literal('savepoint'),
    taskId: positiveInt,
    savepointType: z.enum(['trigger', 'stop', 'cancel'])
  })
])

const jid = z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, 'a Flink job id')
const holder = z.string().min(1).max(200)
const metricsLayout = z.object({
  name: z.string().min(1).max(500),
  taskId: positiveInt,
  entries: z
    .array(
      z.object({
        vertex: z.string().min(1).max(256),
        vertexTitle: z.string().max(1_000),
        metric: z.string().min(1).max(256)
      })
    )
    .max(256)
})

export const REQUEST_SCHEMAS = {
  'app:info': none,
  'profiles:list': none,
  'profiles:save': z.object({ profile: serverProfileSchema, password }),
  'profiles:remove': z.object({ profileId }),
  'profiles:select': z.object({ profileId }),
  'profiles:test': z.object({ profile: serverProfileSchema, password }),
  'session:snapshot': z.object({ profileId }),
  'session:retry-now': z.object({ profileId }),
  'session:login': z.object({ profileId, password }),
  'session:logout': z.object({ profileId }),
  'session:switch-tenant': z.object({ profileId, tenantId: positiveInt }),
  'jobs:detail': z.object({ profileId, jobId: positiveInt }),
  'jobs:action': z.object({ profileId, action: jobAction }),
  'logs:follow': z.object({ profileId, process: processName }),
  'logs:unfollow': z.object({ profileId, process: processName }),
  'logs:save': z.object({
    suggestedName: z.string().min(1).max(200),
    text: z.string().max(512 * 1024 * 1024)
  }),
  'metrics:open': z.object({ profileId, jid, holder }),
  'metrics:close': z.object({ profileId, jid, holder }),
  'metrics:view': z.object({ profileId, jid }),
  'metrics:items': z.object({
    profileId,
    jid,
    address: z.string().max(1_000),
    vertex: z.string().min(1).max(256)
  }),
  'metrics:save-layout': z.object({ profileId, jid, layout: metricsLayout }),
  'cache:info': none,
  'cache:clear': z.object({ profileId: profileId.nullable() }),
  'settings:get': none,
  'settings:set': appSettingsPatch,
  'diagnostics:get': z.object({ profileId }),
  'diagnostics:export': z.object({ profileId }),
  'shell:open-external': z.object({
    url: z
      .string()
      .max(4_000)
      .refine((value) => /^https?:\/\//i.test(value), 'only http(s) links open externally')
  }),
  'app:open-logs-folder': none,
  'updates:get': none,
  'updates:check': none,
  'updates:set-auto-check': z.object({ enabled: z.boolean() }).strict(),
  'updates:restart': none,
  ...JOB_HEALTH_REQUEST_SCHEMAS,
  ...TIMELINE_REQUEST_SCHEMAS,
  ...ALERTS_REQUEST_SCHEMAS
} satisfies Record<RequestChannel, z.ZodType>

/** Describes why an argument was refused, in one line a person can act on. */
export function describeInvalid(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message
    )
    .join('; ')
}
