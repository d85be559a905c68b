/** Handlers return a Result instead of throwing: Electron keeps only the message of a thrown error. */
import type { DiagnosisEvidence } from '../diagnosis'

export interface IpcError {
  /** A stable code the renderer can translate, e.g. `invalid-argument`, `dinky-error`, `not-found`. */
  code: string
  message: string
  /** The figures of a named diagnosis (`not-dinky`), for a message in the UI's language; `message` is English. */
  evidence?: DiagnosisEvidence
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (
  code: string,
  message: string,
  evidence?: DiagnosisEvidence
): Result<never> => ({
  ok: false,
  error: evidence ? { code, message, evidence } : { code, message }
})
