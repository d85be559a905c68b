/**
 * One request through the simulated Dinky, in the order the real one applies its layers: injected faults (the
 * proxy in front), the language interceptor, routing (404/405), Sa-Token's login check (401 with code 7; an empty
 * 500 when the request accepts no JSON), the TenantInterceptor (an empty 200 for a `tenantId` cookie without a
 * valid login), then the controller.
 */

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Faults } from '../faults'
import type { SimState } from '../sim-state'
import { TENANT_ID } from '../world/entities'
import {
  CODE,
  jsonReply,
  resultBody,
  springErrorReply,
  springRejectionReply,
  type Reply
} from './envelope'
import { BadRequestBody, createContext, type RequestContext } from './request'
import type { Router } from './router'

export type AdminHandler = (ctx: RequestContext) => Promise<Reply>

export interface PipelineDeps {
  state: SimState
  router: Router
  faults: Faults
  admin: AdminHandler
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(reply.body) })
  res.end(reply.body)
}

/**
 * Dinky's 401 for a request that accepts no JSON (an `EventSource`'s `Accept: text/event-stream` on
 * `/api/sse/connect` or `/api/monitor/getJvmInfo`): `notLoginException`'s `Result` cannot be written
 * (HttpMediaTypeNotAcceptableException), the NotLoginException reaches Tomcat (500), and Spring Boot's
 * `BasicErrorController.mediaTypeNotAcceptable` answers the error dispatch with an empty body: an empty 500.
 */
const NOT_ACCEPTABLE_401: Reply = { status: 500, headers: {}, body: '' }

/** True when the `Accept` header admits Jackson's `application/json` (no header: anything goes). */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    if (params.some((param) => /^q=0(\.0*)?$/.test(param))) return false
    return ['*/*', 'application/*', 'application/json'].includes(type) || type.endsWith('+json')
  })
}

/** Builds the request listener; why one function: the order of the layers is the behaviour under test. */
const CORS_VARY = ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers']

export function createPipeline(
  deps: PipelineDeps
): (req: IncomingMessage, res: ServerResponse) => void {
  const { state, router, faults } = deps
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const ctx = createContext(req, res, state.options.now())
    if (ctx.path.startsWith('/__sim/')) return writeReply(res, await deps.admin(ctx))
    // Spring's CORS support: three `Vary` lines on every answer, SSE and errors included (real 1.0.3–1.2.0).
    res.setHeader('Vary', CORS_VARY)
    state.requestsByPath.set(ctx.path, (state.requestsByPath.get(ctx.path) ?? 0) + 1)
    if (faults.slowMs > 0)
      await new Promise<void>((resolve) => state.timers.timeout(resolve, faults.slowMs))
    if (faults.answerWithFailure(res)) return
    const language = req.headers.language
    state.language.set(Array.isArray(language) ? language[0] : (language ?? ctx.cookies.language))
    const match = router.match(ctx.method, ctx.path)
    if ('miss' in match) {
      const reply =
        match.miss === 404
          ? springErrorReply(404, ctx.path, ctx.at)
          : springRejectionReply({ kind: 'method', method: ctx.method }, ctx.at)
      return writeReply(res, reply)
    }
    const token = state.tokens.read({
      query: ctx.query,
      headers: req.headers,
      cookies: ctx.cookies
    })
    const check = state.tokens.check(token)
    if (match.route.login && !check.ok) {
      if (!acceptsJson(req.headers.accept)) return writeReply(res, NOT_ACCEPTABLE_401)
      const body = resultBody(
        null,
        CODE.AUTHORIZE_ERROR,
        state.language.message(check.reason),
        ctx.at
      )
      return writeReply(res, jsonReply(body, 401))
    }
    if (check.ok)
      ctx.login = { token: check.token, loginId: check.loginId, expiresAt: check.expiresAt }
    // The TenantInterceptor covers `/api/**` but the login (and LDAP status); `/openapi/**` never meets it.
    if (
      ctx.path.startsWith('/api/') &&
      ctx.path !== '/api/login' &&
      ctx.tenantId !== null &&
      (!check.ok || ctx.tenantId !== TENANT_ID)
    ) {
      // TenantInterceptor returns false: nothing written, an empty 200; a foreign tenant also logs out.
      if (check.ok) state.tokens.logout(check.loginId)
      return writeReply(res, { status: 200, headers: {}, body: '' })
    }
    try {
      const result = await match.route.handle(ctx)
      if (result !== 'stream') writeReply(res, result)
    } catch (error) {
      if (error instanceof BadRequestBody)
        return writeReply(
          res,
          springRejectionReply({ kind: 'unreadable-body', detail: error.message }, ctx.at)
        )
      const message = error instanceof Error ? error.message : String(error)
      writeReply(res, jsonReply(resultBody(String(error), CODE.EXCEPTION, message, ctx.at)))
    }
  }
  return (req, res) => {
    handle(req, res).catch(() => res.destroy())
  }
}
