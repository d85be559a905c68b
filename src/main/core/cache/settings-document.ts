/**
 * The on-disk format of `settings.json`: profiles, the selected profile and the app settings (v1). Unlike the
 * cache, this is the user's work, so reading is forgiving: a bad field falls back to its default and a bad profile
 * is dropped, instead of the whole file being moved aside. Unknown keys are stripped, which is also what keeps a
 * `password` or `token` someone put on a profile object out of the file. The alert rules (issue 22) are judged by
 * `parseAlertRules`, as when they were saved; a document it refuses is dropped (the defaults apply) with a warning.
 */
import { z } from 'zod'
import {
  DEFAULT_APP_SETTINGS,
  DEFAULT_CONNECTION_SETTINGS,
  type AppSettings,
  type ServerProfile
} from '../../../shared/profiles'
import type { AlertRulesDocument } from '../../../shared/alerts'
import { parseAlertRules } from '../alerts/parse-alert-rules'

export const SETTINGS_VERSION = 1

export const serverProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  url: z.string(),
  username: z.string(),
  tenantId: z.number(),
  transport: z.enum(['auto', 'sse', 'ws']),
  extraCaPem: z.string().nullable(),
  processes: z.array(z.string()),
  demo: z.boolean(),
  // Fails closed: a garbled flag keeps the server read-only rather than opening it to actions.
  readOnly: z.boolean().optional().catch(true)
}) satisfies z.ZodType<ServerProfile>

const c = DEFAULT_CONNECTION_SETTINGS
const positive = z.number().positive()
const connectionSchema = z.object({
  heartbeatTimeoutMs: positive.nullable().catch(c.heartbeatTimeoutMs),
  backoffBaseMs: positive.catch(c.backoffBaseMs),
  backoffFactor: z.number().min(1).catch(c.backoffFactor),
  backoffMaxMs: positive.catch(c.backoffMaxMs),
  backoffResetAfterMs: positive.catch(c.backoffResetAfterMs),
  jobsPollMs: positive.catch(c.jobsPollMs),
  clustersPollMs: positive.catch(c.clustersPollMs),
  maxEventBytes: z
    .number()
    .int()
    .min(1024 * 1024)
    .optional()
    .catch(undefined),
  jobDetailBudgetPerSecond: z.number().min(0.1).max(20).optional().catch(undefined)
})

/** Absent stays absent (the defaults apply); a document `parseAlertRules` refuses fails, and `.catch` drops it. */
const alertRulesSchema = z.custom<AlertRulesDocument>().transform((raw, context) => {
  try {
    return parseAlertRules(raw)
  } catch (error) {
    context.addIssue({ code: 'custom', message: String((error as Error).message ?? error) })
    return z.NEVER
  }
})

const d = DEFAULT_APP_SETTINGS
export const appSettingsSchema = z.object({
  language: z.enum(['system', 'en-US', 'zh-CN']).catch(d.language),
  theme: z.enum(['system', 'light', 'dark']).catch(d.theme),
  notifications: z.boolean().catch(d.notifications),
  logTailLines: z.number().int().positive().catch(d.logTailLines),
  connection: connectionSchema.catch(() => ({ ...c })),
  // The timeline's bounds (issue 22), as `settings:set` takes them; out of range falls back to the defaults.
  timeline: z
    .object({
      maxAgeDays: z.number().min(1).max(365),
      maxEvents: z.number().int().min(100).max(50_000)
    })
    .optional()
    .catch(undefined),
  alerts: alertRulesSchema.optional().catch(undefined)
}) satisfies z.ZodType<AppSettings>

export interface SettingsDocument {
  version: typeof SETTINGS_VERSION
  profiles: ServerProfile[]
  selectedProfileId: string | null
  settings: AppSettings
}

export function defaultSettingsDocument(): SettingsDocument {
  return {
    version: SETTINGS_VERSION,
    profiles: [],
    selectedProfileId: null,
    settings: structuredClone(DEFAULT_APP_SETTINGS)
  }
}

/** Throws only when the file is not a settings object at all (or from a newer, unknown version). */
export function parseSettingsDocument(
  raw: unknown,
  onDroppedProfile: (why: string) => void = () => {},
  onDroppedAlertRules: (why: string) => void = () => {}
): { value: SettingsDocument; migrated: boolean } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error('settings file is not an object')
  }
  const record = raw as Record<string, unknown>
  if (record.version !== SETTINGS_VERSION) {
    throw new Error(`unknown settings version ${JSON.stringify(record.version)}`)
  }
  const profiles: ServerProfile[] = []
  for (const candidate of Array.isArray(record.profiles) ? record.profiles : []) {
    const parsed = serverProfileSchema.safeParse(candidate)
    if (parsed.success) profiles.push(parsed.data)
    else onDroppedProfile(parsed.error.message)
  }
  const selected = record.selectedProfileId
  const storedAlerts = (record.settings as { alerts?: unknown } | undefined)?.alerts
  if (storedAlerts !== undefined) {
    try {
      parseAlertRules(storedAlerts)
    } catch (error) {
      onDroppedAlertRules(String((error as Error).message ?? error))
    }
  }
  return {
    value: {
      version: SETTINGS_VERSION,
      profiles,
      selectedProfileId: typeof selected === 'string' ? selected : null,
      settings: appSettingsSchema.parse(record.settings ?? {})
    },
    migrated: false
  }
}
