/** Turns a handler's `Result` into a value or a thrown Error, for UI code that reports failures in one place. */
import type { Result } from '../../../shared/ipc/result'

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new Error(result.error.message || result.error.code)
  return result.value
}

/** The message of anything thrown, for "Failed: …" notices. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
