import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator } from '../../../../src/simulator/index'
import { startNginx } from '../../../support/nginx-proxy'
import {
  profileFor,
  sessionTestResources,
  startRecordedSession,
  tempCacheStore,
  waitFor
} from '../session/session-harness'
import { proxiedWorlds } from './proxy-harness'

describe('error pages and addresses that are not Dinky', () => {
  const start = proxiedWorlds()
  const started = sessionTestResources()
  const servers: Server[] = []
  afterEach(async () => {
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve))
  })

  it("diagnoses nginx's 502 page while Dinky behind it is down, and is live again when it is back", async () => {
    const world = await start({ proxy: { profile: 'good' }, connection: { jobsPollMs: 300 } })
    const { sim, recorded } = world
    const session = recorded.session
    await waitFor('live', () => session.snapshot().streams.rest.kind === 'live')
    const down = sim.control.refuseConnections(2_500)
    await waitFor('the error page diagnosed', () =>
      recorded.updates('diagnosis').find((u) => u.diagnosis.code === 'proxy-error-page')
    )
    await down
    await waitFor('live again', () => session.snapshot().streams.rest.kind === 'live')
    const findings = recorded
      .updates('diagnosis')
      .filter((u) => u.diagnosis.code === 'proxy-error-page')
    expect(findings).toHaveLength(1)
    expect(findings[0].diagnosis.evidence.status).toBe(502)
    expect(findings[0].diagnosis.evidence.contentType).toContain('text/html')
    expect(session.snapshot().streams.topics.kind).not.toBe('degraded')
  })

  async function notDinky(url: string) {
    const cache = (started.cache = await tempCacheStore())
    const recorded = startRecordedSession({ profile: profileFor(url), store: cache.store })
    started.sessions.push(recorded)
    await waitFor('not-dinky', () => recorded.updates('diagnosis').length)
    const state = recorded.session.snapshot().streams.rest
    return { diagnosis: recorded.updates('diagnosis')[0].diagnosis, state }
  }

  it('says not-dinky, with the URL tried and the fix, for Dinky’s URL with /api appended', async () => {
    const sim = (started.sim = await startSimulator({ tickMs: 0, logRate: 0 }))
    const nginx = await startNginx({ profile: 'good', upstreamPort: sim.port })
    try {
      const { diagnosis, state } = await notDinky(`${nginx.url}/api`)
      expect(diagnosis.code).toBe('not-dinky')
      expect(diagnosis.evidence.url).toBe(`${nginx.url}/api/api/version`)
      expect(diagnosis.advice).toContain(`use ${nginx.url} (the server URL without /api)`)
      expect(state).toMatchObject({ kind: 'reconnecting', reason: 'not-dinky' })
      if (state.kind === 'reconnecting') expect(state.retryAt - state.since).toBe(60_000)
    } finally {
      await nginx.stop()
    }
  })

  it('says not-dinky for an ordinary web server, suggesting Dinky’s default port', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<!doctype html><title>Welcome to nginx!</title>')
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const { diagnosis, state } = await notDinky(url)
    expect(diagnosis).toMatchObject({ code: 'not-dinky', evidence: { status: 200 } })
    expect(diagnosis.advice).toContain('8888')
    expect(state).toMatchObject({ kind: 'reconnecting', reason: 'not-dinky' })
  })
})
