/**
 * The one error type the REST client and the stream transports raise: it names the endpoint and a classified
 * `ConnectionReason`, so the supervisor, the session and the UI can react to the kind of failure rather than parse
 * messages. Messages never contain a token or a password.
 */
import type { ConnectionReason } from '../../../shared/connection'
import type { DiagnosisEvidence } from '../../../shared/diagnosis'

export interface DinkyErrorInit {
  /** The API path, e.g. `/api/jobInstance` (never with query secrets). */
  endpoint: string
  reason: ConnectionReason
  /** A short human text: Dinky's `msg`, the HTTP status line, or what did not validate. */
  detail: string
  status?: number
  /** Dinky's `Result.code` when the body was an envelope. */
  code?: number
  /** The figures of a diagnosis the error stands for (`not-dinky`), so the UI can say it in its own language. */
  evidence?: DiagnosisEvidence
}

export class DinkyError extends Error {
  readonly endpoint: string
  readonly reason: ConnectionReason
  readonly detail: string
  readonly status: number | undefined
  readonly code: number | undefined
  readonly evidence: DiagnosisEvidence | undefined

  constructor(init: DinkyErrorInit) {
    super(`${init.endpoint}: ${init.reason}: ${init.detail}`)
    this.name = 'DinkyError'
    this.endpoint = init.endpoint
    this.reason = init.reason
    this.detail = init.detail
    this.status = init.status
    this.code = init.code
    this.evidence = init.evidence
  }
}

/** True for a `DinkyError` that means the login is gone (HTTP 401 or Dinky code 7 on an authenticated call). */
export function isAuthError(error: unknown): error is DinkyError {
  return error instanceof DinkyError && error.reason === 'token-expired'
}
