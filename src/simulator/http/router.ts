/**
 * Exact-path routing with Spring's answers for misses: an unknown path is 404, a known path with another method
 * is 405. A handler either returns a reply or takes the response over (`'stream'`) for SSE.
 */

import type { Reply } from './envelope'
import type { RequestContext } from './request'

export type RouteResult = Reply | 'stream'

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  /** `@SaCheckLogin`: without a valid token the answer is 401. */
  login: boolean
  handle(ctx: RequestContext): RouteResult | Promise<RouteResult>
}

export type RouteMatch = { route: Route } | { miss: 404 | 405 }

export class Router {
  private readonly byPath = new Map<string, Route[]>()

  add(routes: readonly Route[]): this {
    for (const route of routes) {
      const list = this.byPath.get(route.path) ?? []
      list.push(route)
      this.byPath.set(route.path, list)
    }
    return this
  }

  match(method: string, path: string): RouteMatch {
    const candidates = this.byPath.get(path)
    if (!candidates) return { miss: 404 }
    const route = candidates.find((candidate) => candidate.method === method)
    return route ? { route } : { miss: 405 }
  }
}
