/**
 * Mounts Dinky 1.2's global WebSocket on the simulator's HTTP server (the `ws` package, no separate port) at the
 * version's path (`/api/ws/global`, or `/api/ws/global/{token}` from 1.2.2: `ws-dialect.ts`), feeds it from the
 * world (console copies, metrics, printed rows, running tasks) and runs the `JVM_INFO` push. Upgrades to other
 * paths are refused with a 404 (no endpoint matches); a queued request fault answers the upgrade as a proxy would.
 */

import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { Faults } from '../faults'
import { processToWire } from '../http/wire-process'
import type { SimState } from '../sim-state'
import { formatDate, formatDateTime } from '../world/time-format'
import { startTaskRunPush } from './task-run-push'
import { wsDialectFor } from './ws-dialect'
import { WsHub } from './ws-hub'

export const WS_PATH = '/api/ws/global'

/** The `{token}` of `/api/ws/global/{token}` (one non-empty path segment), or null. */
function pathTokenOf(path: string): string | null {
  if (!path.startsWith(`${WS_PATH}/`)) return null
  const token = decodeURIComponent(path.slice(WS_PATH.length + 1))
  return token && !token.includes('/') ? token : null
}

function refuseUpgrade(socket: Duplex, status: string, body = ''): void {
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  )
}

/** Attaches the endpoint; returns its hub and a disposer that stops its timer and listeners. */
export function attachWebSocket(
  state: SimState,
  server: Server,
  faults: Faults
): { hub: WsHub; dispose: () => void } {
  const dialect = wsDialectFor(state.options.version, {
    jvmIntervalMs: state.options.wsJvmIntervalMs,
    idleTimeoutMs: state.options.wsIdleTimeoutMs
  })
  const hub = new WsHub(state, dialect)
  const wss = new WebSocketServer({ noServer: true })
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(req.url ?? '/', 'http://simulator.invalid').pathname
    // Counted by template: a token in the path must not show up in `/__sim/stats`.
    const counted = path.startsWith(`${WS_PATH}/`) ? `${WS_PATH}/{token}` : path
    state.requestsByPath.set(counted, (state.requestsByPath.get(counted) ?? 0) + 1)
    if (faults.pendingFailures() > 0) {
      const kind = faults.takeFailure()
      return refuseUpgrade(
        socket,
        kind === 'html' ? '200 OK' : '502 Bad Gateway',
        faults.pageFor(kind)
      )
    }
    const token = dialect.pathToken ? pathTokenOf(path) : null
    if (dialect.pathToken ? token === null : path !== WS_PATH) {
      return refuseUpgrade(socket, '404 Not Found')
    }
    wss.handleUpgrade(req, socket, head, (ws) => void hub.accept(ws, token))
  }
  server.on('upgrade', onUpgrade)
  const { world } = state
  const disposers = [
    state.consoleCopies.onCopy((process) => {
      if (hub.hasSubscriber('PROCESS_CONSOLE', process.name)) {
        hub.push('PROCESS_CONSOLE', { [process.name]: processToWire(process, 'epoch') })
      }
    }),
    world.onMetrics((jid, content) => {
      if (!hub.hasSubscriber('METRICS', jid)) return
      const at = state.options.now()
      hub.push('METRICS', {
        [jid]: { heartTime: formatDateTime(at), model: jid, content, date: formatDate(at) }
      })
    }),
    world.onPrintRow((identifier, row) => hub.push('PRINT_TABLE', { [identifier]: row })),
    state.timers.repeat(() => hub.pushJvm(), dialect.jvmIntervalMs),
    startTaskRunPush(state, hub)
  ]
  return {
    hub,
    dispose: () => {
      server.off('upgrade', onUpgrade)
      disposers.forEach((dispose) => dispose())
      hub.closeAll()
      wss.close()
    }
  }
}
