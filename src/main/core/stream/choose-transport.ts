/**
 * Which push protocol a server speaks, from its version: SSE up to 1.1, the global WebSocket from 1.2 on
 * (dinky-protocol.md, "Version facts"). A profile may force either; `auto` follows the version probe.
 */
import type { TransportChoice } from '../../../shared/profiles'
import type { DinkyClient } from '../dinky/types'
import type { Logger } from '../ports'
import { createSseJvmTransport, createSseTopicTransport } from './sse-transports'
import type { StreamTransport } from './transport'
import type { WsEndpointMemory } from './ws-endpoints'
import { createWsTransport } from './ws-transport'

/** True for 1.2 and later, including snapshots such as `1.2.0-SNAPSHOT`. */
export function isWebSocketVersion(version: string): boolean {
  const [major = 0, minor = 0] = version
    .trim()
    .split(/[.-]/)
    .map((part) => Number.parseInt(part, 10) || 0)
  return major > 1 || (major === 1 && minor >= 2)
}

/** Why a function: the probe result, the profile's override and an unknown version must agree in one place. */
export function chooseTransport(choice: TransportChoice, version: string | null): 'sse' | 'ws' {
  if (choice !== 'auto') return choice
  return version !== null && isWebSocketVersion(version) ? 'ws' : 'sse'
}

/** The transports of one server: SSE has a topic stream and a JVM stream; WS carries both on one socket. */
export function createStreamTransports(
  kind: 'sse' | 'ws',
  options: {
    client: DinkyClient
    logger: Logger
    /** WS: what this server's versions were seen to speak (kept by the session across reconnects). */
    endpoints?: WsEndpointMemory
    /** WS: the server's version as last probed. */
    serverVersion?: () => string | null
    /** The largest event accepted from the server (default `DEFAULT_MAX_EVENT_BYTES`). */
    maxEventBytes?: number
    /** WS: silence of the subscribed topics before subscribing again (see `topic-life.ts`). */
    topicSilenceMs?: number
    /** WS: how often to ping (default the heartbeat interval). */
    pingIntervalMs?: number
  }
): StreamTransport[] {
  if (kind === 'ws') return [createWsTransport(options)]
  return [createSseTopicTransport(options), createSseJvmTransport(options)]
}
