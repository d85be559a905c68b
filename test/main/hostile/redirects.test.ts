/**
 * Hostile server: redirects. A second loopback server plays "another host" and records everything that reaches it;
 * no token, cookie or password may ever be among it, on REST, the SSE stream or the WebSocket.
 */
import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createDinkyClient } from '../../../src/main/core/dinky/client'
import { DinkyError } from '../../../src/main/core/dinky/dinky-error'
import { createRedirectGuardedFetch } from '../../../src/main/core/dinky/redirect-guard'
import { silentLogger } from '../../../src/main/core/logger'
import { createSseTopicTransport } from '../../../src/main/core/stream/sse-transports'
import type { StreamCloseInfo, StreamHandlers } from '../../../src/main/core/stream/transport'
import { createWsTransport } from '../../../src/main/core/stream/ws-transport'
import {
  envelope,
  HOSTILE_PASSWORD,
  HOSTILE_TOKEN,
  sendJson,
  startHostileServer,
  type HostileServer
} from './hostile-server'

let servers: HostileServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()))
  servers = []
})

async function twoHosts() {
  const dinky = await startHostileServer()
  const other = await startHostileServer()
  servers.push(dinky, other)
  return { dinky, other }
}

const redirect = (status: number, location: string) => (_q: unknown, res: ServerResponse) => {
  res.writeHead(status, { location })
  res.end()
}

async function loggedIn(dinky: HostileServer) {
  const client = createDinkyClient({ baseUrl: dinky.url, logger: silentLogger })
  await client.login('admin', HOSTILE_PASSWORD)
  return client
}

async function rejection(promise: Promise<unknown>): Promise<DinkyError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DinkyError)
  return error as DinkyError
}

/** Nothing that identifies the login reached `server`. */
function expectNoSecrets(server: HostileServer) {
  const seen = server.everythingReceived()
  expect(seen).not.toContain(HOSTILE_TOKEN)
  expect(seen).not.toContain('secret')
  expect(seen).not.toContain('tenantId')
  for (const request of server.requests) {
    expect(request.headers.cookie).toBeUndefined()
    expect(request.headers.token).toBeUndefined()
  }
}

function closeOf(connect: (handlers: StreamHandlers) => unknown): Promise<StreamCloseInfo> {
  return new Promise((resolve) => {
    connect({
      onOpen: () => {},
      onActivity: () => {},
      onHeartbeat: () => {},
      onMessage: () => {},
      onRetry: () => {},
      onSubscribed: () => {},
      onClose: resolve
    })
  })
}

describe('redirects never carry credentials to another origin', () => {
  it('refuses a REST redirect to another host, naming both URLs, and the other host hears nothing', async () => {
    const { dinky, other } = await twoHosts()
    dinky.route('/api/cluster/list', redirect(302, `${other.url}/steal`))
    const client = await loggedIn(dinky)
    const error = await rejection(client.clusters())
    expect(error.reason).toBe('redirect-refused')
    expect(error.detail).toContain(`${dinky.url}/api/cluster/list`)
    expect(error.detail).toContain(`${other.url}/steal`)
    expect(other.requests).toEqual([])
  })

  it('refuses any redirect of a request with a body, even to its own origin (307 would re-send it)', async () => {
    const { dinky } = await twoHosts()
    dinky.route('/api/jobInstance', redirect(307, '/api/jobInstance2'))
    const client = await loggedIn(dinky)
    const error = await rejection(client.jobs())
    expect(error.reason).toBe('redirect-refused')
    expect(dinky.requests.filter((r) => r.path === '/api/jobInstance2')).toEqual([])
  })

  it('sends the password once, to the login URL only, when the login is redirected elsewhere', async () => {
    const { dinky, other } = await twoHosts()
    dinky.route('/api/login', redirect(307, `${other.url}/api/login`))
    const client = createDinkyClient({ baseUrl: dinky.url, logger: silentLogger })
    const error = await rejection(client.login('admin', HOSTILE_PASSWORD))
    expect(error.reason).toBe('redirect-refused')
    expect(dinky.requests.filter((r) => r.path === '/api/login')).toHaveLength(1)
    expect(other.requests).toEqual([])
    expect(error.message).not.toContain('secret')
  })

  it('follows a GET within its origin at most three times', async () => {
    const { dinky } = await twoHosts()
    dinky.route('/api/cluster/list', redirect(302, '/hop/1'))
    dinky.route('/hop/1', redirect(301, '/hop/2'))
    dinky.route('/hop/2', (_q, res) => sendJson(res, envelope([{ id: 7, name: 'c7' }])))
    const client = await loggedIn(dinky)
    expect((await client.clusters()).map((c) => c.id)).toEqual([7])
    // The token went along: the same origin is the same server.
    expect(dinky.requests.find((r) => r.path === '/hop/2')?.headers.token).toBe(HOSTILE_TOKEN)

    dinky.route('/hop/2', redirect(302, '/hop/3'))
    dinky.route('/hop/3', redirect(302, '/hop/4'))
    dinky.route('/hop/4', (_q, res) => sendJson(res, envelope([])))
    const error = await rejection(client.clusters())
    expect(error.reason).toBe('redirect-refused')
    expect(error.detail).toContain('more than 3 redirects')
    expect(dinky.requests.filter((r) => r.path === '/hop/4')).toEqual([])
  })

  it('never goes from https to http, even on the same host and port', async () => {
    const seen: string[] = []
    const fetch = createRedirectGuardedFetch(async (input) => {
      seen.push(String(input))
      return new Response(null, {
        status: 302,
        headers: { location: 'http://dinky.example:443/x' }
      })
    })
    const error = await fetch(new URL('https://dinky.example/api/current')).then(
      () => null,
      (e: unknown) => e as Error
    )
    expect(error?.message).toBe(
      'https://dinky.example/api/current -> http://dinky.example:443/x: credentials never leave their origin'
    )
    expect(seen).toEqual(['https://dinky.example/api/current'])
  })

  it('closes the SSE stream with redirect-refused when /api/sse/connect points elsewhere', async () => {
    const { dinky, other } = await twoHosts()
    dinky.route('/api/sse/connect', redirect(302, `${other.url}/api/sse/connect`))
    const client = await loggedIn(dinky)
    const transport = createSseTopicTransport({ client, logger: silentLogger })
    const info = await closeOf((h) => transport.connect(h))
    expect(info).toMatchObject({ reason: 'redirect-refused', wasOpen: false })
    expect(info.detail).toContain(`${other.url}/api/sse/connect`)
    expect(other.requests).toEqual([])
    expectNoSecrets(other)
  })

  it('closes the WebSocket with redirect-refused when the upgrade is redirected', async () => {
    const dinky = await startHostileServer({ version: '1.2.0' })
    const other = await startHostileServer({ version: '1.2.0' })
    servers.push(dinky, other)
    dinky.route('/api/ws/global', (_q, res) => {
      res.writeHead(302, { location: `${other.url.replace('http', 'ws')}/api/ws/global` })
      res.end()
    })
    const client = await loggedIn(dinky)
    const transport = createWsTransport({ client, logger: silentLogger })
    const info = await closeOf((h) => transport.connect(h))
    expect(info).toMatchObject({ reason: 'redirect-refused', status: 302, wasOpen: false })
    expect(info.detail).toContain('/api/ws/global')
    expect(other.requests).toEqual([])
  })
})
