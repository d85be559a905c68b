/**
 * The refusal of an action on a read-only server (issue 23): a profile marked `readOnly` is one an operator only
 * watches, so nothing that changes Dinky (a job action, a restore, a metrics layout) leaves the console for it. A
 * typed error with the stable reason `read-only`, which the IPC dispatch passes to the renderer as its code and the
 * CLI turns into its own exit code, raised before any request is made.
 */
import type { ConsoleActionKind } from '../../../shared/timeline'

/** What every refusal says, in the words the UI uses (the renderer translates the `read-only` code). */
export const READ_ONLY_MESSAGE = 'Read-only server: actions are disabled in its profile'

/** What was refused, as the operator would name it (a job action as the timeline names it). */
export type RefusedAction = ConsoleActionKind | 'save-metrics-layout'

export class ReadOnlyServerError extends Error {
  override readonly name = 'ReadOnlyServerError'
  /** Read by the IPC dispatch as the failure's code, like `DinkyError.reason`. */
  readonly reason = 'read-only'

  constructor(readonly action: RefusedAction) {
    super(`${READ_ONLY_MESSAGE} (${action} refused)`)
  }
}
