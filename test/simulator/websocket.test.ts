import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { type Json, login, readJson, sleep } from './helpers'

/** A WebSocket client that keeps every text frame it receives, parsed. */
class WsProbe {
  readonly frames: Json[] = []
  readonly socket: WebSocket
  closed = false

  constructor(sim: Simulator) {
    this.socket = new WebSocket(`${sim.url.replace('http', 'ws')}/api/ws/global`)
    this.socket.on('message', (data) => this.frames.push(JSON.parse(data.toString())))
    this.socket.on('close', () => {
      this.closed = true
    })
    this.socket.on('error', () => undefined)
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve())
      this.socket.once('error', reject)
    })
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message))
  }

  async until(predicate: (frames: Json[]) => boolean, timeoutMs = 2000): Promise<Json[]> {
    const deadline = Date.now() + timeoutMs
    while (!predicate(this.frames)) {
      if (Date.now() > deadline)
        throw new Error(`timed out; frames: ${JSON.stringify(this.frames).slice(0, 400)}`)
      await sleep(10)
    }
    return this.frames
  }
}

describe('Dinky 1.2 mode: dinky-token and the global WebSocket', () => {
  let sim: Simulator
  let token: string
  const probes: WsProbe[] = []
  const connect = async (): Promise<WsProbe> => {
    const probe = new WsProbe(sim)
    probes.push(probe)
    await probe.opened()
    return probe
  }
  beforeEach(async () => {
    sim = await startSimulator({ version: '1.2.0', tickMs: 0, logRate: 0, wsJvmIntervalMs: 50 })
    token = await login(sim)
  })
  afterEach(async () => {
    probes.splice(0).forEach((probe) => probe.socket.terminate())
    await sim.close()
  })

  it('names the token dinky-token in the header, the cookie and Expose-Headers, and has no /api/sse', async () => {
    expect(sim.tokenName).toBe('dinky-token')
    const res = await fetch(`${sim.url}/api/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'dinky123!@#' })
    })
    expect(res.headers.get('dinky-token')).toBeTruthy()
    expect(res.headers.get('access-control-expose-headers')).toBe('dinky-token')
    expect(res.headers.get('set-cookie')).toMatch(/^dinky-token=/)
    const fresh = res.headers.get('dinky-token') ?? ''
    const info = await readJson(
      await fetch(`${sim.url}/api/tokenInfo`, { headers: { 'dinky-token': fresh } })
    )
    expect(info.data.tokenName).toBe('dinky-token')
    const sse = await fetch(`${sim.url}/api/sse/connect?sessionKey=x`, {
      headers: { 'dinky-token': fresh }
    })
    expect(sse.status).toBe(404)
    expect((await readJson(await fetch(`${sim.url}/api/version`))).data).toBe('1.2.0')
  })

  it('pushes firstSend snapshots, then console appends keyed by parameter with epoch times and no nulls', async () => {
    const probe = await connect()
    probe.send({ token, topics: { PROCESS_CONSOLE: ['FlinkSubmit/2'] } })
    const [first] = await probe.until((frames) => frames.length >= 1)
    expect(Object.keys(first)).toEqual(['sessionKey', 'topic', 'data'])
    expect(first.topic).toBe('PROCESS_CONSOLE')
    const entity = first.data['FlinkSubmit/2']
    expect(typeof entity.startTime).toBe('number')
    expect(JSON.stringify(first)).not.toContain('null')
    sim.control.appendLog('FlinkSubmit/2', ['one more line'])
    sim.control.appendLog('FlinkSubmit/5', ['not subscribed'])
    const frames = await probe.until((f) => f.length >= 2)
    await sleep(30)
    expect(frames).toHaveLength(2)
    expect(frames[1].data['FlinkSubmit/2'].log).toContain('one more line')
  })

  it('sends JVM_INFO every wsJvmIntervalMs under "none-params", and no heartbeat topic', async () => {
    const probe = await connect()
    probe.send({ token, topics: { JVM_INFO: [] } })
    const frames = await probe.until((f) => f.length >= 3)
    expect(frames.every((f: Json) => f.topic === 'JVM_INFO')).toBe(true)
    expect(frames[1].data['none-params'].heapUsed).toEqual(expect.any(Number))
  })

  it('replaces the subscription with each message and drops it silently on a bad token or empty topics', async () => {
    const probe = await connect()
    probe.send({ token, topics: { JVM_INFO: [] } })
    await probe.until((f) => f.length >= 1)
    probe.send({ token, topics: { PRINT_TABLE: ['t'] } })
    await sleep(120)
    const count = probe.frames.length
    sim.control.printRow('t', '+I[1]')
    await probe.until((f) => f.length === count + 1)
    expect(probe.frames.at(-1)).toMatchObject({ topic: 'PRINT_TABLE', data: { t: '+I[1]' } })
    probe.send({ token: 'not-a-token', topics: { PRINT_TABLE: ['t'] } })
    await sleep(30)
    sim.control.printRow('t', '+I[2]')
    await sleep(60)
    expect(probe.frames.length).toBe(count + 1)
    expect(sim.control.stats().wsSessions).toBe(0)
    probe.send({ token, topics: {} })
    await sleep(30)
    expect(probe.closed).toBe(false)
    sim.control.expireTokens()
    probe.send({ token, topics: { PRINT_TABLE: ['t'] } })
    await sleep(30)
    expect(sim.control.stats().wsSessions).toBe(0)
  })

  it('applies drop, stall, restart and refused connections to WebSocket clients', async () => {
    const dropped = await connect()
    sim.control.dropStreams()
    await dropped.until(() => dropped.closed)
    const stalled = await connect()
    stalled.send({ token, topics: { JVM_INFO: [] } })
    await stalled.until((f) => f.length >= 1)
    sim.control.stallStreams()
    const seen = stalled.frames.length
    await sleep(150)
    expect(stalled.frames.length).toBe(seen)
    expect(stalled.closed).toBe(false)
    await sim.control.restart()
    await stalled.until(() => stalled.closed)
    const after = await readJson(
      await fetch(`${sim.url}/api/tokenInfo`, { headers: { 'dinky-token': token } })
    )
    expect(after.msg).toBe('Invalid Token')
    const back = sim.control.refuseConnections(150)
    await sleep(20)
    const refused = new WsProbe(sim)
    await expect(refused.opened()).rejects.toThrow(/ECONNREFUSED/)
    await back
    await connect()
  })

  it('closes with its WebSocket clients cut and no timer left', async () => {
    const probe = await connect()
    probe.send({ token, topics: { JVM_INFO: [] } })
    await probe.until((f) => f.length >= 2)
    await sim.close()
    await probe.until(() => probe.closed)
    expect(sim.control.stats()).toMatchObject({ timers: 0, openStreams: 0, listening: false })
  })
})
