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
  /** True for a path that ends in a `{variable}`: the route takes every path below `path`. */
  prefix?: boolean
  /** True for Spring's `path/**`: the route takes every path below `path`, at any depth. */
  subtree?: boolean
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
    const exact = this.byPath.get(path)?.filter((route) => !route.prefix)
    const candidates = exact?.length ? exact : (this.byPrefix(path) ?? this.bySubtree(path))
    if (!candidates) return { miss: 404 }
    const route = candidates.find((candidate) => candidate.method === method)
    return route ? { route } : { miss: 405 }
  }

  /** Routes taking a whole subtree (`/api/flink/**`) whose path starts `path`. */
  private bySubtree(path: string): Route[] | undefined {
    for (const [base, routes] of this.byPath) {
      const below = routes.filter((route) => route.subtree)
      if (below.length > 0 && path.startsWith(base) && path.length > base.length) return below
    }
    return undefined
  }

  /** Routes with a trailing path variable (`/saveFlinkMetrics/{layout}`): a non-empty last segment. */
  private byPrefix(path: string): Route[] | undefined {
    const cut = path.lastIndexOf('/')
    if (cut <= 0 || cut === path.length - 1) return undefined
    const routes = this.byPath.get(path.slice(0, cut + 1))
    return routes?.some((route) => route.prefix) ? routes.filter((r) => r.prefix) : undefined
  }
}
