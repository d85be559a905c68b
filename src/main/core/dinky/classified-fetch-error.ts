/**
 * An error a fetch wrapper or a stream tap raises on purpose, already classified: a refused redirect, an event past
 * the size cap. `classifyNetworkError` and `describeNetworkError` read its reason and message as they are, so the
 * REST client, the SSE connection and the supervisor report it like any other classified failure.
 */
import type { ConnectionReason } from '../../../shared/connection'

export class ClassifiedFetchError extends Error {
  override readonly name = 'ClassifiedFetchError'

  constructor(
    readonly reason: ConnectionReason,
    /** Short, secret-free, safe to log and to show: URLs without their query. */
    readonly detail: string
  ) {
    super(detail)
  }
}
