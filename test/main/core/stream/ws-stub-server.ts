/**
 * A small stand-in for Dinky 1.2 until the simulator's 1.2 mode lands: login REST with `dinky-token`, tokenInfo,
 * and `/api/ws/global` with Dinky's semantics (subscribe replaces, an invalid token unregisters silently, JVM_INFO
 * pushed every `jvmMs` as `{"none-params": Jvm}`, parameter-keyed `data` maps).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { randomUUID } from 'node:crypto'
import { WebSocketServer, type WebSocket } from 'ws'

export const JVM = {
  total: 1,
  max: 2,
  free: 1,
  cpuUsed: 0.1,
  nonHeapMax: -1,
  nonHeapUsed: 1,
  heapMax: 2,
  heapUsed: 1,
  threadPeakCount: 1,
  threadCount: 1,
  version: '17',
  home: '/jvm'
}

interface Subscription {
  token: string
  topics: Record<string, string[]>
}

export async function startWsStub(options: { jvmMs: number }) {
  const tokens = new Set<string>()
  const subs = new Map<WebSocket, Subscription>()
  const sockets = new Set<Socket>()
  const stats = { logins: 0, subscribes: 0, upgrades: 0 }
  let acceptLogins = true
  let failUpgrades = 0
  const json = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
  }
  const ok = (data: unknown) => ({ code: 0, msg: 'ok', data, success: true })
  const user = {
    user: { username: 'admin', nickname: 'Admin' },
    tenantList: [{ id: 1, tenantCode: 'T' }]
  }
  const tokenOf = (req: IncomingMessage) => String(req.headers['dinky-token'] ?? '')

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/api/login') {
      stats.logins++
      if (!acceptLogins) return json(res, 200, { code: 7, msg: 'UserName Or Password Not Correct' })
      const token = randomUUID()
      tokens.add(token)
      const headers = { 'dinky-token': token, 'access-control-expose-headers': 'dinky-token' }
      return json(res, 200, ok(user), headers)
    }
    if (!tokens.has(tokenOf(req))) return json(res, 401, { code: 7, msg: 'Invalid Token' })
    if (path === '/api/chooseTenant') return json(res, 200, ok({ id: 1, tenantCode: 'T' }))
    if (path === '/api/current') return json(res, 200, ok({ ...user, currentTenant: { id: 1 } }))
    if (path === '/api/tokenInfo')
      return json(res, 200, ok({ tokenName: 'dinky-token', isLogin: true }))
    json(res, 404, { code: 1, msg: 'not found' })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req, socket, head) => {
    stats.upgrades++
    if (failUpgrades > 0) {
      failUpgrades--
      socket.end(
        'HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html\r\ncontent-length: 5\r\n\r\n<h1/>'
      )
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (raw) => {
        const message = JSON.parse(raw.toString()) as Subscription
        stats.subscribes++
        if (!tokens.has(message.token) || !message.topics) return void subs.delete(ws)
        subs.set(ws, message)
      })
      ws.on('close', () => subs.delete(ws))
    })
  })
  const push = (topic: string, data: Record<string, unknown>) => {
    for (const [ws, sub] of subs) {
      if (sub.topics[topic]) ws.send(JSON.stringify({ sessionKey: 'ws', topic, data }))
    }
  }
  const jvmTimer = setInterval(() => push('JVM_INFO', { 'none-params': JVM }), options.jvmMs)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats,
    push,
    subscriptions: () => [...subs.values()],
    openSockets: () => wss.clients.size,
    tcpSockets: () => sockets.size,
    /** Tokens expire: Dinky drops a subscription only when the client sends again, so streams just go quiet. */
    expireTokens() {
      tokens.clear()
      for (const [ws, sub] of subs) if (!tokens.has(sub.token)) subs.delete(ws)
    },
    refuseLogins: () => void (acceptLogins = false),
    failNextUpgrades: (count: number) => void (failUpgrades = count),
    dropSockets: () => wss.clients.forEach((ws) => ws.terminate()),
    async close() {
      clearInterval(jvmTimer)
      wss.clients.forEach((ws) => ws.terminate())
      wss.close()
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
