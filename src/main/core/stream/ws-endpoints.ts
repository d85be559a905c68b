/**
 * The shapes of Dinky 1.2's global WebSocket and what a server was seen to speak. The version cannot say which
 * shape a server has (no release tag was read for either; dinky-protocol.md §5.1), so the transport tries both in
 * the order the version suggests and remembers per server version what answered, and whether it answered a PING:
 * - `message-token`: `/api/ws/global`, the token in every message (1.2.0-SNAPSHOT; with PING/PONG from the 1.2.0 release);
 * - `path-token`: `/api/ws/global/{token}`, checked once at open; messages carry none (`e3517ffd`, 1.2.2 notes).
 * A new version (an upgrade) has no memory yet, so it is probed again.
 */

export type WsEndpoint = 'message-token' | 'path-token'

export const WS_GLOBAL_PATH = '/api/ws/global'

/** What one server version was seen to speak. */
export interface WsServerTraits {
  endpoint: WsEndpoint
  /** It answered a `PING` with a `PONG` once: it reads `type`, and its enum has `TASK_RUN_INSTANCE`. */
  pong: boolean
}

/** Versions remembered at most (a server seldom changes version; the cap only bounds a pathological one). */
const MAX_VERSIONS = 8

/** Why from the version at all: it only orders the probe, so a wrong guess costs one refused upgrade. */
export function suggestedEndpoints(version: string | null): WsEndpoint[] {
  const [major = 0, minor = 0, patch = 0] = (version ?? '')
    .split(/[.-]/)
    .map((part) => Number.parseInt(part, 10) || 0)
  const later = major > 1 || (major === 1 && (minor > 2 || (minor === 2 && patch >= 2)))
  return later ? ['path-token', 'message-token'] : ['message-token', 'path-token']
}

/** The socket URL of an endpoint; the token is percent-encoded into the path shape only. */
export function wsUrlFor(baseUrl: string, endpoint: WsEndpoint, token: string | null): string {
  const path =
    endpoint === 'path-token'
      ? `${WS_GLOBAL_PATH}/${encodeURIComponent(token ?? '')}`
      : WS_GLOBAL_PATH
  const url = new URL(path, baseUrl)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  return url.toString()
}

/** The URL for logs and diagnostics: the path token replaced by its template. */
export function describeWsUrl(baseUrl: string, endpoint: WsEndpoint): string {
  return wsUrlFor(baseUrl, 'message-token', null) + (endpoint === 'path-token' ? '/{token}' : '')
}

/** Per server (one memory per session), keyed by the version it answered. */
export class WsEndpointMemory {
  private readonly byVersion = new Map<string, WsServerTraits>()

  traits(version: string | null): WsServerTraits | null {
    return this.byVersion.get(version ?? '') ?? null
  }

  /** The endpoints to try, the one that answered this version first. */
  order(version: string | null): WsEndpoint[] {
    const known = this.traits(version)?.endpoint
    const suggested = suggestedEndpoints(version)
    return known ? [known, ...suggested.filter((endpoint) => endpoint !== known)] : suggested
  }

  remember(version: string | null, endpoint: WsEndpoint): void {
    const key = version ?? ''
    const previous = this.byVersion.get(key)
    if (previous?.endpoint === endpoint) return
    if (!previous && this.byVersion.size >= MAX_VERSIONS) {
      const oldest = this.byVersion.keys().next().value
      if (oldest !== undefined) this.byVersion.delete(oldest)
    }
    this.byVersion.set(key, { endpoint, pong: false })
  }

  rememberPong(version: string | null, endpoint: WsEndpoint): void {
    this.remember(version, endpoint)
    const traits = this.byVersion.get(version ?? '')
    if (traits) traits.pong = true
  }

  /** The endpoint stopped answering (an upgrade under the same version string): probe again. */
  forget(version: string | null): void {
    this.byVersion.delete(version ?? '')
  }
}
