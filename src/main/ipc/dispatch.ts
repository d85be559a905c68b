/**
 * One request from the renderer, start to finish: validate the argument against its schema, run the handler, and
 * turn whatever happens into a `Result` (Electron would keep only the message of a thrown error).
 */
import { describeInvalid, REQUEST_SCHEMAS } from './request-schemas'
import { RequestError, type RequestHandlers } from './request-handlers'
import type { Logger } from '../core/ports'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type { RequestChannel } from '../../shared/ipc/contract'
import { DinkyError } from '../core/dinky/dinky-error'

export async function dispatchRequest(
  handlers: RequestHandlers,
  channel: string,
  argument: unknown,
  logger: Logger
): Promise<Result<unknown>> {
  if (!Object.hasOwn(REQUEST_SCHEMAS, channel)) {
    return fail('unknown-channel', `Unknown request channel ${channel}`)
  }
  const name = channel as RequestChannel
  const parsed = REQUEST_SCHEMAS[name].safeParse(argument)
  if (!parsed.success) {
    logger.warn('refused an invalid request', { channel, reason: describeInvalid(parsed.error) })
    return fail('invalid-argument', describeInvalid(parsed.error))
  }
  try {
    const handler = handlers[name] as (req: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  } catch (error) {
    if (error instanceof RequestError) return fail(error.code, error.message)
    const message = error instanceof Error ? error.message : String(error)
    const code = (error as { reason?: unknown })?.reason
    logger.warn('request failed', { channel, message })
    const evidence = error instanceof DinkyError ? error.evidence : undefined
    return fail(typeof code === 'string' ? code : 'failed', message, evidence)
  }
}
