/**
 * Argument schemas and handlers of the alerts request channels (issue 22), spliced into `request-schemas.ts` and
 * `request-handlers.ts` by one line each. The renderer is untrusted input: the schemas bound every size (rule and
 * silence counts, field counts, string lengths); what a rule *means* is judged by `parseAlertRules`, whose message
 * (naming the rule and field) is what the renderer shows when a document is refused.
 */
import { z } from 'zod'
import type { AlertRulesDocument } from '../../shared/alerts'
import type { AlertsRequestChannels } from '../../shared/ipc/alerts-channels'
import type { AlertCenter } from '../core/alerts/alert-center-api'

/** Most rules and silences one document may hold; a person edits these by hand. */
export const MAX_ALERT_RULES = 200
export const MAX_ALERT_SILENCES = 200

/** A field of a rule or silence: a short string, a number, a flag, null, or a short list of short strings. */
const fieldValue = z.union([
  z.string().max(500),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(100)).max(50)
])
const entry = z
  .record(z.string().max(40), fieldValue)
  .refine((value) => Object.keys(value).length <= 30, 'too many fields')
const rulesDocument = z
  .object({
    rules: z.array(entry).max(MAX_ALERT_RULES),
    silences: z.array(entry).max(MAX_ALERT_SILENCES)
  })
  .strict()

const alertKey = z.string().min(1).max(1_000)
const none = z.undefined()

export const ALERTS_REQUEST_SCHEMAS = {
  'alerts:rules': none,
  'alerts:save-rules': rulesDocument,
  'alerts:active': none,
  'alerts:acknowledge': z.object({ key: alertKey }).strict(),
  'alerts:snooze': z
    .object({
      key: alertKey,
      until: z.union([z.literal('resolved'), z.number().int().positive().max(8.64e15)])
    })
    .strict()
} satisfies Record<keyof AlertsRequestChannels, z.ZodType>

/** What the handlers need of main: the one center, the rules' judge, and where the rules are kept. */
export interface AlertsService {
  center: AlertCenter
  /** `parseAlertRules`: the document, checked; throws with a message naming the rule and field. */
  parse(raw: unknown): AlertRulesDocument
  /** Keeps the document (the settings file). */
  save(rules: AlertRulesDocument): void
}

type Handlers = {
  [C in keyof AlertsRequestChannels]: (
    req: AlertsRequestChannels[C]['req']
  ) => Promise<AlertsRequestChannels[C]['res']>
}

/**
 * `refuse` makes the error whose code and message reach the renderer as they are (`RequestError`, passed in so this
 * module does not import the one that imports it).
 */
export function createAlertsHandlers(
  service: AlertsService | undefined,
  refuse: (code: string, message: string) => Error
): Handlers {
  const center = () => {
    if (!service) throw refuse('unsupported', 'No alert center here')
    return service.center
  }
  const openKey = (key: string) => {
    if (
      !center()
        .active()
        .some((alert) => alert.key === key)
    )
      throw refuse('not-found', 'That alert is no longer open')
    return key
  }
  return {
    'alerts:rules': async () => center().rules(),
    'alerts:save-rules': async (raw) => {
      center()
      let rules: AlertRulesDocument
      try {
        rules = service!.parse(raw)
      } catch (error) {
        throw refuse('invalid-rules', error instanceof Error ? error.message : String(error))
      }
      service!.save(rules)
      service!.center.setRules(rules)
      return service!.center.rules()
    },
    'alerts:active': async () => center().active(),
    'alerts:acknowledge': async ({ key }) => center().acknowledge(openKey(key)),
    'alerts:snooze': async ({ key, until }) => center().snooze(openKey(key), until)
  }
}
