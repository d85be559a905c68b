/**
 * `dinky-console replay`: an HTTP server on loopback that answers like a recording. Every login is accepted with a
 * fresh token (the recorded answer, `<token>` replaced), each request gets its recorded answers in order
 * (`replay-match.ts`), SSE streams re-emit their events with their recorded spacing, and WebSockets
 * (`replay-sockets.ts`) send their frames once the client subscribed. Dinky's `time` in every envelope is moved
 * to now in the recorded server's zone. What was never recorded is answered 404 in Dinky's envelope and logged.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { playFrames, type Playback } from './replay-frames'
import { AnswerBook } from './replay-match'
import { attachReplaySockets } from './replay-sockets'
import type { Recording } from './recording-files'
import { COOKIE_PLACEHOLDER, TOKEN_PLACEHOLDER, type HttpEntry } from './recording-format'

export interface ReplayServer {
  url: string
  port: number
  /** Requests the recording had no answer for (`METHOD path`), in order. */
  unknown: string[]
  close(): Promise<void>
}

export interface ReplayOptions {
  port?: number
  host?: string
  /** Frames and events play this many times faster than recorded (default 1). */
  speed?: number
  log?: (line: string) => void
}

const TOKEN_NAMES = ['token', 'dinky-token', 'satoken']
const MAX_REQUEST_BYTES = 1024 * 1024

/** Dinky's `yyyy-MM-dd HH:mm:ss` of an instant, in a zone `offsetMs` from UTC. */
function serverTime(nowMs: number, offsetMs: number): string {
  return new Date(nowMs + offsetMs).toISOString().slice(0, 19).replace('T', ' ')
}

/** Dinky's quoted `"yyyy-MM-dd HH:mm:ss"` times (from 2000 on: not the `1970-01-01` of "no time") moved by `ms`. */
export function shiftTimes(text: string, ms: number): string {
  return text.replace(/"(2\d{3}-\d\d-\d\d \d\d:\d\d:\d\d)"/g, (_match, time: string) => {
    const shifted = Date.parse(time.replace(' ', 'T') + 'Z') + ms
    return `"${new Date(shifted).toISOString().slice(0, 19).replace('T', ' ')}"`
  })
}

/** The recorded server's UTC offset, from the first envelope's `time` and when it arrived. */
function recordedOffset(recording: Recording): number {
  const started = Date.parse(recording.manifest.recordedAt)
  for (const entry of recording.entries) {
    if (entry.kind !== 'http' || !entry.body || !('json' in entry.body)) continue
    const time = (entry.body.json as { time?: unknown } | null)?.time
    if (typeof time !== 'string' || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(time)) continue
    const asUtc = Date.parse(time.replace(' ', 'T') + 'Z')
    const offset = asUtc - (started + entry.t + entry.durationMs)
    return Math.round(offset / (15 * 60_000)) * 15 * 60_000
  }
  return 0
}

export async function startReplay(
  recording: Recording,
  options: ReplayOptions = {}
): Promise<ReplayServer> {
  const token = randomBytes(16).toString('hex')
  const speed = options.speed ?? 1
  const log = options.log ?? (() => undefined)
  const offsetMs = recordedOffset(recording)
  const http = recording.entries.filter((e): e is HttpEntry => e.kind === 'http')
  const book = new AnswerBook(http)
  const unknown: string[] = []
  const playbacks = new Set<Playback>()
  const sockets = new Set<Socket>()
  // Everything recorded moves to now: a server-local time in a body or frame is shifted by the time since the
  // recording, so ages (a checkpoint's, a metric sample's) are what they were and nothing looks stale.
  const shiftMs = Date.now() - Date.parse(recording.manifest.recordedAt)
  const fill = (text: string) =>
    shiftTimes(text, shiftMs)
      .split(TOKEN_PLACEHOLDER)
      .join(token)
      .split(COOKIE_PLACEHOLDER)
      .join('replayed')

  const bodyText = (entry: HttpEntry): string => {
    if (!entry.body) return ''
    if ('text' in entry.body) return fill(entry.body.text)
    return fill(JSON.stringify(entry.body.json))
  }

  const writeHead = (res: ServerResponse, entry: HttpEntry) => {
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(entry.headers)) {
      if (name === 'transfer-encoding' || name === 'content-encoding') continue
      headers[name] = Array.isArray(value) ? value.map(fill) : fill(value)
    }
    res.writeHead(entry.status, headers)
  }

  const serveStream = (res: ServerResponse, entry: HttpEntry) => {
    writeHead(res, entry)
    res.flushHeaders()
    const frames = recording.entries
      .filter((e) => e.kind === 'sse' && e.stream === entry.id)
      .map((e) => ({ at: e.t - entry.t, text: e.kind === 'sse' ? fill(e.raw) : '' }))
    const playback = playFrames(
      frames,
      (text) => text.includes('HEART_BEAT'),
      speed,
      (text) => res.write(text + '\n\n')
    )
    playbacks.add(playback)
    const end = () => {
      playback.stop()
      playbacks.delete(playback)
    }
    res.on('close', end)
  }

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://replay')
    const cookie = req.headers.cookie ?? ''
    const auth =
      TOKEN_NAMES.some((name) => req.headers[name] !== undefined) ||
      TOKEN_NAMES.some((name) => new RegExp(`(^|;\\s*)${name}=`, 'i').test(cookie))
    const method = (req.method ?? 'GET').toUpperCase()
    const entry = book.answer(
      { method, path: url.pathname, query: url.searchParams, body, auth },
      token
    )
    if (!entry) {
      unknown.push(`${method} ${url.pathname}`)
      log(`replay: not in the recording: ${method} ${url.pathname}`)
      const answer = {
        data: null,
        code: 1,
        msg: `not in the recording: ${method} ${url.pathname}`,
        time: serverTime(Date.now(), offsetMs),
        success: false
      }
      res.writeHead(404, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify(answer))
    }
    if (entry.error) return void req.socket.destroy()
    if (entry.stream === 'sse') return serveStream(res, entry)
    writeHead(res, entry)
    res.end(bodyText(entry))
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_REQUEST_BYTES) return void req.socket.destroy()
      chunks.push(chunk)
    })
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')))
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const closeSockets = attachReplaySockets(server, recording, { token, speed, fill, log, unknown })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const host = options.host ?? '127.0.0.1'
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    unknown,
    async close() {
      for (const playback of playbacks) playback.stop()
      closeSockets()
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
