/**
 * A loopback server built to misbehave, for the hostile-server suite: not the friendly simulator. It answers just
 * enough of Dinky's REST API in Dinky's envelopes (login with a `token` header, one job, no clusters) for a session
 * to come up, records every request that reaches it (method, path, headers, body: so a test can prove no token,
 * cookie or password arrived where it must not), and lets a test replace any route and write raw bytes to the
 * SSE streams and raw frames to the WebSocket. Two of them make an "other host" for redirect tests.
 */
import { createServer, ServerResponse, type IncomingMessage } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'

export const HOSTILE_TOKEN = 'hostile-token-7f3a'
export const HOSTILE_PASSWORD = 'pa"ss\nw0rd-☃🔑-secret'

export interface RecordedRequest {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

export type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void

export interface HostileServer {
  url: string
  requests: RecordedRequest[]
  /** Replaces (or adds) the handler of a path (without query). */
  route(path: string, handler: Route): void
  /** Open SSE responses by path, in the order they opened. */
  streams(path: string): ServerResponse[]
  /** Resolves with the next SSE response opened on `path`. */
  nextStream(path: string): Promise<ServerResponse>
  /** WebSockets accepted on `/api/ws/global`, in order. */
  sockets: WebSocket[]
  nextSocket(): Promise<WebSocket>
  /** Every request header value seen, joined: what a test searches for secrets. */
  everythingReceived(): string
  close(): Promise<void>
}

const SERVER_TIME = '2026-01-01 08:00:00'

/** Dinky's `Result` envelope. */
export function envelope(data: unknown, code = 0, msg = 'ok'): string {
  return JSON.stringify({ code, msg, data, time: SERVER_TIME, success: code === 0 })
}

export function sendJson(res: ServerResponse, text: string, headers: Record<string, string> = {}) {
  res.writeHead(200, { 'content-type': 'application/json', ...headers })
  res.end(text)
}

const user = { user: { username: 'admin', nickname: 'Admin' }, tenantList: [{ id: 1 }] }

function defaultRoutes(version: string): Map<string, Route> {
  const routes = new Map<string, Route>()
  routes.set('/api/version', (_q, res) => sendJson(res, envelope(version)))
  routes.set('/api/login', (_q, res) =>
    sendJson(res, envelope(user), {
      token: HOSTILE_TOKEN,
      'access-control-expose-headers': 'token'
    })
  )
  routes.set('/api/chooseTenant', (_q, res) => sendJson(res, envelope({ id: 1 })))
  routes.set('/api/current', (_q, res) => sendJson(res, envelope(user)))
  routes.set('/api/tokenInfo', (_q, res) => sendJson(res, envelope({ isLogin: true })))
  routes.set('/api/jobInstance', (_q, res) =>
    sendJson(
      res,
      JSON.stringify({
        total: 1,
        success: true,
        data: [{ id: 1, taskId: 1, name: 'job-one', status: 'RUNNING' }]
      })
    )
  )
  routes.set('/api/jobInstance/getStatusCount', (_q, res) =>
    sendJson(res, envelope({ all: 1, running: 1 }))
  )
  routes.set('/api/cluster/list', (_q, res) => sendJson(res, envelope([])))
  routes.set('/api/process/getProcess', (_q, res) => sendJson(res, envelope(null)))
  routes.set('/api/sse/subscribeTopic', (_q, res, body) => {
    const topics = (JSON.parse(body || '{}') as { topics?: string[] }).topics ?? []
    sendJson(res, envelope(topics))
  })
  return routes
}

const STREAM_PATHS = new Set(['/api/sse/connect', '/api/monitor/getJvmInfo'])

export async function startHostileServer(
  options: { version?: string } = {}
): Promise<HostileServer> {
  const routes = defaultRoutes(options.version ?? '1.1.0')
  const requests: RecordedRequest[] = []
  const open = new Map<string, ServerResponse[]>()
  const streamWaiters = new Map<string, ((res: ServerResponse) => void)[]>()
  const sockets: WebSocket[] = []
  const socketWaiters: ((socket: WebSocket) => void)[] = []
  const connections = new Set<Socket>()

  const openStream = (path: string, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/event-stream;charset=UTF-8' })
    res.flushHeaders()
    const list = open.get(path) ?? []
    list.push(res)
    open.set(path, list)
    res.on('close', () => list.splice(list.indexOf(res), 1))
    const waiter = streamWaiters.get(path)?.shift()
    waiter?.(res)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const path = new URL(req.url ?? '/', 'http://x').pathname
      requests.push({ method: req.method ?? 'GET', path, headers: { ...req.headers }, body })
      const route = routes.get(path)
      if (route) return route(req, res, body)
      if (STREAM_PATHS.has(path)) return openStream(path, res)
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(envelope(null, 1, 'not here'))
    })
  })
  server.on('connection', (socket) => {
    connections.add(socket)
    socket.on('close', () => connections.delete(socket))
  })
  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    requests.push({ method: 'UPGRADE', path, headers: { ...req.headers }, body: '' })
    const route = routes.get(path)
    if (route) {
      // A route on the WS path answers the upgrade as plain HTTP (a redirect, an error page).
      const res = new ServerResponse(req)
      res.assignSocket(socket as Socket)
      return route(req, res, '')
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (data) =>
        requests.push({ method: 'WS', path, headers: {}, body: String(data) })
      )
      sockets.push(ws)
      socketWaiters.shift()?.(ws)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sockets,
    route: (path, handler) => void routes.set(path, handler),
    streams: (path) => open.get(path) ?? [],
    nextStream: (path) =>
      new Promise((resolve) => {
        const list = streamWaiters.get(path) ?? []
        list.push(resolve)
        streamWaiters.set(path, list)
      }),
    nextSocket: () => new Promise((resolve) => socketWaiters.push(resolve)),
    everythingReceived: () =>
      requests
        .map((r) => `${r.method} ${r.path} ${JSON.stringify(r.headers)} ${r.body}`)
        .join('\n'),
    async close() {
      for (const ws of sockets) ws.terminate()
      for (const socket of connections) socket.destroy()
      wss.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
