/** Handlers return a Result instead of throwing: Electron keeps only the message of a thrown error. */

export interface IpcError {
  /** A stable code the renderer can translate, e.g. `invalid-argument`, `dinky-error`, `not-found`. */
  code: string
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: string, message: string): Result<never> => ({
  ok: false,
  error: { code, message }
})
