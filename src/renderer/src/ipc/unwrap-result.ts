/** Turns a handler's `Result` into a value or a thrown Error, for UI code that reports failures in one place. */
import type { DiagnosisEvidence } from '../../../shared/diagnosis'
import type { Result } from '../../../shared/ipc/result'

/** A request main refused or failed, with the stable code the UI can translate (`login-failed`, `not-found`, …). */
export class IpcFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The figures of a named diagnosis (`not-dinky`), to say it in the UI's language. */
    readonly evidence?: DiagnosisEvidence
  ) {
    super(message || code)
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok)
    throw new IpcFailure(result.error.code, result.error.message, result.error.evidence)
  return result.value
}

/** The code of a failed request, or null for anything else thrown. */
export function failureCode(error: unknown): string | null {
  return error instanceof IpcFailure ? error.code : null
}

/** The message of anything thrown, for "Failed: …" notices. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
