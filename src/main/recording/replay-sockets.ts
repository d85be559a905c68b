/**
 * The WebSocket half of `replay`: the n-th upgrade at a path gets the n-th socket recorded there (then the last
 * again). A socket refused in the recording is refused with its status; an accepted one sends its recorded frames
 * with their spacing from the client's first message on (Dinky sends nothing before a subscription), answers each
 * `PING` with the recorded `PONG`, and keeps its `JVM_INFO` heartbeat going after the recording ends.
 */
import type { Server } from 'node:http'
import { WebSocketServer } from 'ws'
import { playFrames, type Playback } from './replay-frames'
import type { Recording } from './recording-files'
import { TOKEN_PLACEHOLDER, type WsOpenEntry } from './recording-format'

export interface ReplaySocketOptions {
  token: string
  speed: number
  fill: (text: string) => string
  log: (line: string) => void
  unknown: string[]
}

const isPong = (text: string) => /"type"\s*:\s*"PONG"/.test(text)
const isHeartbeat = (text: string) => /"topic"\s*:\s*"JVM_INFO"|JVM_INFO/.test(text)

/** Handles upgrades on `server`; returns what closes every socket. */
export function attachReplaySockets(
  server: Server,
  recording: Recording,
  options: ReplaySocketOptions
): () => void {
  const wss = new WebSocketServer({ noServer: true })
  const opens = recording.entries.filter((e): e is WsOpenEntry => e.kind === 'ws-open')
  const served = new Map<string, number>()
  const playbacks = new Set<Playback>()

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://replay')
    const path = url.pathname.split(options.token).join(TOKEN_PLACEHOLDER)
    const candidates = opens.filter((open) => open.path === path)
    const n = served.get(path) ?? 0
    served.set(path, n + 1)
    const open = candidates[Math.min(n, candidates.length - 1)]
    if (!open || open.status !== 101) {
      const status = open?.status || 404
      if (!open) {
        options.unknown.push(`WS ${url.pathname}`)
        options.log(`replay: no socket recorded at ${path}`)
      }
      socket.end(`HTTP/1.1 ${status} Refused\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const frames = recording.entries.filter(
        (e) =>
          (e.kind === 'ws-recv' || e.kind === 'ws-send' || e.kind === 'ws-close') &&
          e.socket === open.id
      )
      const firstSend = frames.find((e) => e.kind === 'ws-send')?.t ?? open.t
      const pong = frames.find((e) => e.kind === 'ws-recv' && isPong(e.data))
      const serverClose = frames.find((e) => e.kind === 'ws-close' && e.by === 'server')
      const schedule = frames
        .filter((e) => e.kind === 'ws-recv' && !isPong(e.data))
        .map((e) => ({
          at: Math.max(0, e.t - firstSend),
          text: e.kind === 'ws-recv' ? options.fill(e.data) : ''
        }))
      let playback: Playback | null = null
      if (serverClose && serverClose.kind === 'ws-close' && serverClose.t <= firstSend) {
        // Refused at open (an expired path token): closed as it was.
        return void ws.close(serverClose.code === 1005 ? 1000 : serverClose.code)
      }
      ws.on('message', (data) => {
        const text = data.toString()
        if (/"type"\s*:\s*"PING"/.test(text)) {
          if (pong && pong.kind === 'ws-recv') ws.send(options.fill(pong.data))
          return
        }
        if (playback) return
        playback = playFrames(schedule, isHeartbeat, options.speed, (frame) => ws.send(frame))
        playbacks.add(playback)
      })
      ws.on('close', () => {
        if (playback) playbacks.delete(playback)
        playback?.stop()
      })
    })
  })
  return () => {
    for (const playback of playbacks) playback.stop()
    for (const client of wss.clients) client.terminate()
    wss.close()
  }
}
