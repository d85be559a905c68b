/**
 * Dinky 1.2's global WebSocket (`/api/ws/global`). Placeholder until phase 2: accepts no upgrade yet.
 */

import type { Server } from 'node:http'
import type { StreamHub } from '../control'
import type { SimState } from '../sim-state'

const idleHub: StreamHub = {
  dropStreams: () => undefined,
  stallStreams: () => undefined,
  closeAll: () => undefined,
  drained: () => Promise.resolve(),
  sessionCount: () => 0,
  openStreamCount: () => 0
}

/** Attaches the WebSocket endpoint to `server`; returns its hub and a disposer. */
export function attachWebSocket(
  _state: SimState,
  _server: Server
): { hub: StreamHub; dispose: () => void } {
  return { hub: idleHub, dispose: () => undefined }
}
