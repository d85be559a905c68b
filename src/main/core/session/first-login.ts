/**
 * A session's first login as a promise the caller can wait on (the CLI's exit code 3): resolved by the first
 * successful login, rejected when the server refuses the credentials or the session stops first. Separate from
 * `Session` so the settling rule reads in one place: only the first settle counts, as with any promise.
 */
import type { SessionUser } from '../../../shared/session'

export class FirstLogin {
  readonly promise: Promise<SessionUser>
  resolve!: (user: SessionUser) => void
  reject!: (error: Error) => void

  constructor() {
    this.promise = new Promise<SessionUser>((resolve, reject) => {
      this.resolve = resolve
      this.reject = reject
    })
    // Nobody need wait on it: a refusal unobserved is no unhandled rejection.
    this.promise.catch(() => undefined)
  }
}
