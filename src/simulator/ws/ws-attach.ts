/**
 * Mounts Dinky 1.2's `/api/ws/global` on the simulator's HTTP server (the `ws` package, no separate port), feeds
 * it from the world (console appends, metrics, printed rows) and runs the `JVM_INFO` push. Upgrades to other
 * paths are refused with a 404; a queued request fault answers the upgrade the way a proxy would.
 */

import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { Faults } from '../faults'
import { processToWire } from '../http/wire-process'
import type { SimState } from '../sim-state'
import { formatDate, formatDateTime } from '../world/time-format'
import { WsHub } from './ws-hub'

export const WS_PATH = '/api/ws/global'

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
  const hub = new WsHub(state)
  const wss = new WebSocketServer({ noServer: true })
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(req.url ?? '/', 'http://simulator.invalid').pathname
    state.requestsByPath.set(path, (state.requestsByPath.get(path) ?? 0) + 1)
    if (faults.pendingFailures() > 0) {
      const kind = faults.takeFailure()
      return refuseUpgrade(
        socket,
        kind === 'html' ? '200 OK' : '502 Bad Gateway',
        faults.pageFor(kind)
      )
    }
    if (path !== WS_PATH) return refuseUpgrade(socket, '404 Not Found')
    wss.handleUpgrade(req, socket, head, (ws) => hub.accept(ws))
  }
  server.on('upgrade', onUpgrade)
  const { world } = state
  const disposers = [
    world.console.onUpdate((process) => {
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
    state.timers.repeat(() => hub.pushJvm(), state.options.wsJvmIntervalMs)
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
