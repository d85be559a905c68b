/**
 * What a failed request says to the person: a sentence in the UI's language from the failure's kind (a connection
 * reason such as `connection-reset`, or a request code such as `not-found`), and main's English message kept apart
 * as the technical detail. Main's message names endpoints and server text; it must not be the headline.
 */
import type { TFunction } from 'i18next'
import { DISCONNECT_REASONS, type ConnectionReason } from '../../../shared/connection'
import { errorMessage, failureCode } from './unwrap-result'

const REASONS: ReadonlySet<string> = new Set(DISCONNECT_REASONS)
const isReason = (code: string): code is ConnectionReason => REASONS.has(code)

const REQUEST_CODES = ['not-found', 'unsupported', 'invalid-argument'] as const
type RequestCode = (typeof REQUEST_CODES)[number]
const isRequestCode = (code: string): code is RequestCode =>
  (REQUEST_CODES as readonly string[]).includes(code)

export interface FailureText {
  /** The translated kind of failure, e.g. "connection reset" / "连接被重置". */
  reason: string
  /** Main's own message (English, technical), for a tooltip or small print. */
  detail: string
}

export function failureText(t: TFunction, error: unknown): FailureText {
  const code = failureCode(error)
  const reason =
    code !== null && isReason(code)
      ? t(`connection.reasons.${code}`)
      : code !== null && isRequestCode(code)
        ? t(`errors.${code}`)
        : t('errors.failed')
  return { reason, detail: errorMessage(error) }
}
