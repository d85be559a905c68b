import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { waitUntil } from '../support/wait-until'
import { type Json, login, readJson } from './helpers'

/** Waits for a condition of the simulator (a count, a flag); the deadline only fails a stuck test. */
const until = (what: string, check: () => boolean): Promise<true> => waitUntil(what, check)

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

  async until(predicate: (frames: Json[]) => boolean): Promise<Json[]> {
    await waitUntil('the frames awaited', () => predicate(this.frames), {
      state: () => this.frames
    })
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
    sim.control.appendLog('FlinkSubmit/2', ['and another'])
    // The frame of the later append proves the one of the unsubscribed process would have come by now.
    const frames = await probe.until((f) => f.length >= 3)
    expect(frames).toHaveLength(3)
    expect(frames[1].data['FlinkSubmit/2'].log).toContain('one more line')
    expect(JSON.stringify(frames)).not.toContain('FlinkSubmit/5')
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
    // 1.2.0's firstSend answers the new subscription with PRINT_TABLE's empty map.
    await probe.until((f) => f.some((frame) => frame.topic === 'PRINT_TABLE'))
    expect(probe.frames.at(-1)).toMatchObject({ topic: 'PRINT_TABLE', data: {} })
    const count = probe.frames.length
    sim.control.printRow('t', '+I[1]')
    await probe.until((f) => f.length === count + 1)
    expect(probe.frames.at(-1)).toMatchObject({ topic: 'PRINT_TABLE', data: { t: '+I[1]' } })
    probe.send({ token: 'not-a-token', topics: { PRINT_TABLE: ['t'] } })
    await until('the session unregistered', () => sim.control.stats().wsSessions === 0)
    sim.control.printRow('t', '+I[2]')
    probe.send({ token, topics: { PRINT_TABLE: ['t'] } })
    await probe.until((f) => f.length === count + 2)
    sim.control.printRow('t', '+I[3]')
    await probe.until((f) => f.length === count + 3)
    expect(probe.frames.slice(count + 1).map((frame) => frame.data)).toEqual([{}, { t: '+I[3]' }])
    probe.send({ token, topics: {} })
    probe.send({ token, type: 'PING' })
    await probe.until((f) => f.some((frame) => frame.type === 'PONG'))
    expect(probe.closed).toBe(false)
    expect(sim.control.stats().wsSessions).toBe(0)
    probe.send({ token, topics: { PRINT_TABLE: ['t'] } })
    await until('subscribed again', () => sim.control.stats().wsSessions === 1)
    sim.control.expireTokens()
    probe.send({ token, topics: { PRINT_TABLE: ['t'] } })
    await until('unregistered by the expired token', () => sim.control.stats().wsSessions === 0)
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
    // A client that came after the stall gets several JVM_INFO pushes; the stalled one none of them.
    const later = await connect()
    later.send({ token, topics: { JVM_INFO: [] } })
    await later.until((f) => f.length >= 4)
    expect(stalled.frames.length).toBe(seen)
    expect(stalled.closed).toBe(false)
    await sim.control.restart()
    await stalled.until(() => stalled.closed)
    const after = await readJson(
      await fetch(`${sim.url}/api/tokenInfo`, { headers: { 'dinky-token': token } })
    )
    expect(after.msg).toBe('Invalid Token')
    const back = sim.control.refuseConnections(150)
    await until('the listener stopped', () => !sim.control.stats().listening)
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
