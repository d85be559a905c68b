import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import { DinkyError } from '../../../../src/main/core/dinky/dinky-error'
import { createLineLogger, silentLogger } from '../../../../src/main/core/logger'

const PASSWORD = 'dinky123!@#'
let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickMs: 0 })
})
afterAll(() => sim.close())

async function caught(promise: Promise<unknown>): Promise<DinkyError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DinkyError)
  return error as DinkyError
}

describe('createDinkyClient against the simulator', () => {
  it('probes the version without login, logs in and picks the tenant', async () => {
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    expect(await client.version()).toBe('1.1.0')
    const { user, tokenName } = await client.login('admin', PASSWORD)
    expect(tokenName).toBe('token')
    expect(user).toMatchObject({ username: 'admin', tenantId: 1, tenantCode: 'DefaultTenant' })
    expect(client.streamAuth()).toMatchObject({ tokenName: 'token', tenantId: 1 })
    expect((await client.tokenInfo()).isLogin).toBe(true)
  })

  it('reads jobs, counts, clusters, task managers, detail, process and sysInfo as models', async () => {
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', PASSWORD)
    const jobs = await client.jobs()
    const counts = await client.statusCounts()
    expect(jobs.length).toBe(counts.all)
    expect(new Set(jobs.map((j) => j.taskId)).size).toBe(jobs.length)
    const clusters = await client.clusters()
    expect(clusters.some((c) => c.autoRegisters)).toBe(true)
    expect(clusters.some((c) => !c.autoRegisters)).toBe(true)
    const managers = await client.taskManagers(clusters[0].jobManagerHost!)
    expect(managers[0].slotsTotal).toBeGreaterThan(0)
    expect((await client.jobDetail(jobs[0].id)).job.id).toBe(jobs[0].id)
    const process = await client.process(`FlinkSubmit/${jobs[0].taskId}`)
    expect(process?.key).toBeTruthy()
    expect((await client.sysInfo()).jvm.heapMax).toBeGreaterThan(0)
    expect((await client.clusterConfigurations()).length).toBeGreaterThan(0)
  })

  it('turns a lost login into token-expired and a wrong password into login-failed', async () => {
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', PASSWORD)
    sim.control.expireTokens()
    expect((await caught(client.jobs())).reason).toBe('token-expired')
    await client.relogin()
    expect((await client.jobs()).length).toBeGreaterThan(0)
    const wrong = await caught(client.login('admin', 'nope'))
    expect(wrong).toMatchObject({ reason: 'login-failed', endpoint: '/api/login' })
  })

  it('classifies proxy pages on REST calls', async () => {
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', PASSWORD)
    sim.control.failNextRequests(1, 'bad-gateway')
    expect(await caught(client.statusCounts())).toMatchObject({ reason: 'proxy-html', status: 502 })
    sim.control.failNextRequests(1, 'html')
    expect((await caught(client.statusCounts())).reason).toBe('wrong-content-type')
  })

  it('never writes the token or the password into logs or errors', async () => {
    const lines: string[] = []
    const logger = createLineLogger((line) => lines.push(line), { level: 'debug' })
    const client = createDinkyClient({ baseUrl: sim.url, logger })
    await client.login('admin', PASSWORD)
    const token = client.streamAuth()!.tokenValue
    sim.control.expireTokens()
    const error = await caught(client.jobs())
    await caught(client.login('admin', 'secret-attempt'))
    const text = [...lines, error.message, JSON.stringify(error)].join('\n')
    expect(lines.length).toBeGreaterThan(0)
    expect(text).not.toContain(token)
    expect(text).not.toContain(PASSWORD)
    expect(text).not.toContain('secret-attempt')
  })
})

describe('createDinkyClient against malformed servers', () => {
  let server: Server
  let body = ''
  let url = ''
  let lastHeaders: Record<string, unknown> = {}
  beforeAll(async () => {
    server = createServer((req, res) => {
      lastHeaders = req.headers
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterEach(() => (body = ''))
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('names the endpoint and the reason for a body that is not JSON or not an envelope', async () => {
    const client = createDinkyClient({ baseUrl: url, logger: silentLogger })
    body = '{"truncated'
    expect(await caught(client.version())).toMatchObject({
      endpoint: '/api/version',
      reason: 'malformed-response'
    })
    body = JSON.stringify({ code: 0, msg: 'ok', data: [{ id: 'not a number', name: 'x' }] })
    const error = await caught(client.clusters())
    expect(error).toMatchObject({ endpoint: '/api/cluster/list', reason: 'malformed-response' })
    expect(error.detail).toContain('id')
  })

  it('sends the version probe without token or tenant cookie', async () => {
    const client = createDinkyClient({ baseUrl: url, logger: silentLogger, language: 'en-US' })
    body = JSON.stringify({ code: 0, msg: 'ok', data: '1.1.0', success: true })
    await client.version()
    expect(lastHeaders.cookie).toBeUndefined()
    expect(lastHeaders.token).toBeUndefined()
    expect(lastHeaders.language).toBe('en-US')
  })

  it('reads a Dinky EXCEPTION envelope as a server error with its message', async () => {
    const client = createDinkyClient({ baseUrl: url, logger: silentLogger })
    body = JSON.stringify({ code: 5, msg: 'boom', data: 'stack', success: false })
    expect(await caught(client.version())).toMatchObject({
      reason: 'http-5xx',
      detail: 'boom',
      code: 5
    })
  })

  it('reports a refused connection as connection-refused', async () => {
    const spare = createServer()
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve))
    const { port } = spare.address() as AddressInfo
    await new Promise<void>((resolve) => spare.close(() => resolve()))
    const client = createDinkyClient({ baseUrl: `http://127.0.0.1:${port}`, logger: silentLogger })
    expect((await caught(client.version())).reason).toBe('connection-refused')
  })
})
