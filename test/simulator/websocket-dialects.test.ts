import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { ConsoleCopies } from '../../src/simulator/console-copies'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { World } from '../../src/simulator/world/world'
import { type Json, login, sleep } from './helpers'

/** A raw client of one WebSocket URL: every text frame parsed, the close code, the refused status. */
class Probe {
  readonly frames: Json[] = []
  readonly socket: WebSocket
  closeCode: number | null = null
  refusedStatus: number | null = null
  readonly settled: Promise<'open' | 'refused'>

  constructor(url: string) {
    this.socket = new WebSocket(url)
    this.socket.on('message', (data) => this.frames.push(JSON.parse(data.toString())))
    this.socket.on('close', (code) => {
      this.closeCode = code
    })
    this.settled = new Promise((resolve) => {
      this.socket.once('open', () => resolve('open'))
      this.socket.once('unexpected-response', (_req, res) => {
        this.refusedStatus = res.statusCode ?? 0
        res.resume()
        resolve('refused')
      })
      this.socket.on('error', () => resolve('refused'))
    })
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message))
  }

  async until(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(`timed out; frames: ${JSON.stringify(this.frames).slice(0, 400)}`)
      await sleep(10)
    }
  }
}

describe('the 1.2.x WebSocket dialects', () => {
  let sim: Simulator
  const probes: Probe[] = []
  const open = (path: string): Probe => {
    const probe = new Probe(`${sim.url.replace('http', 'ws')}${path}`)
    probes.push(probe)
    return probe
  }
  afterEach(async () => {
    probes.splice(0).forEach((probe) => probe.socket.terminate())
    await sim.close()
  })

  it('1.2.4: the token is in the path; the plain path is 404, a bad token is closed with 1000 at open', async () => {
    sim = await startSimulator({ version: '1.2.4', tickMs: 0, logRate: 0, wsJvmIntervalMs: 50 })
    const token = await login(sim)
    const plain = open('/api/ws/global')
    expect(await plain.settled).toBe('refused')
    expect(plain.refusedStatus).toBe(404)
    const bad = open('/api/ws/global/not-a-token')
    expect(await bad.settled).toBe('open')
    await bad.until(() => bad.closeCode !== null)
    expect(bad.closeCode).toBe(1000)
    expect(bad.frames).toEqual([])
    const good = open(`/api/ws/global/${token}`)
    expect(await good.settled).toBe('open')
    good.send({ type: 'SUBSCRIBE', topics: { JVM_INFO: [], TASK_RUN_INSTANCE: ['RunningTaskId'] } })
    await good.until(() => good.frames.some((frame) => frame.topic === 'TASK_RUN_INSTANCE'))
    const running = good.frames.find((frame) => frame.topic === 'TASK_RUN_INSTANCE')
    expect(Array.isArray(running.data.RunningTaskId)).toBe(true)
    good.send({ type: 'PING' })
    await good.until(() => good.frames.some((frame) => frame.type === 'PONG'))
    const pong = good.frames.find((frame) => frame.type === 'PONG')
    expect(Object.keys(pong).sort()).toEqual(['sessionKey', 'type'])
    expect(JSON.stringify(sim.control.stats().requestsByPath)).not.toContain(token)
  })

  it('1.2.4: a socket that sends nothing for the idle timeout is cut, even while JVM_INFO flows', async () => {
    sim = await startSimulator({
      version: '1.2.4',
      tickMs: 0,
      logRate: 0,
      wsJvmIntervalMs: 50,
      wsIdleTimeoutMs: 400
    })
    const token = await login(sim)
    const pinging = open(`/api/ws/global/${token}`)
    const silent = open(`/api/ws/global/${token}`)
    await Promise.all([pinging.settled, silent.settled])
    pinging.send({ topics: { JVM_INFO: [] } })
    silent.send({ topics: { JVM_INFO: [] } })
    const ping = setInterval(() => pinging.send({ type: 'PING' }), 100)
    try {
      await silent.until(() => silent.closeCode !== null, 3000)
      expect(silent.frames.some((frame) => frame.topic === 'JVM_INFO')).toBe(true)
      expect(pinging.closeCode).toBeNull()
    } finally {
      clearInterval(ping)
    }
  })

  it('1.2.1: the token rides in the message; a PING with a valid token gets a PONG, without one nothing', async () => {
    sim = await startSimulator({ version: '1.2.1', tickMs: 0, logRate: 0 })
    const token = await login(sim)
    expect(await open(`/api/ws/global/${token}`).settled).toBe('refused')
    const probe = open('/api/ws/global')
    await probe.settled
    probe.send({ type: 'PING' })
    await sleep(150)
    expect(probe.frames).toEqual([])
    probe.send({ token, type: 'PING' })
    await probe.until(() => probe.frames.some((frame) => frame.type === 'PONG'))
  })

  it('1.2.0: no PONG, and a topic the enum lacks stops the first send (so a client must not send it)', async () => {
    sim = await startSimulator({ version: '1.2.0', tickMs: 0, logRate: 0, wsJvmIntervalMs: 5000 })
    const token = await login(sim)
    const probe = open('/api/ws/global')
    await probe.settled
    probe.send({ token, type: 'PING' })
    probe.send({ token, topics: { JVM_INFO: [], TASK_RUN_INSTANCE: ['RunningTaskId'] } })
    await sleep(200)
    expect(probe.frames).toEqual([])
    probe.send({ token, topics: { JVM_INFO: [] } })
    await probe.until(() => probe.frames.some((frame) => frame.topic === 'JVM_INFO'))
    expect(probe.frames.some((frame) => frame.type === 'PONG')).toBe(false)
  })
})

describe('console copies under the race fault', () => {
  it('sends each line torn, whole, repeated, then the copy of three lines back and the torn one again', () => {
    const world = new World({ seed: 1, now: () => 0, submissionLines: 10 })
    const copies = new ConsoleCopies(world.console)
    const seen: string[] = []
    copies.onCopy((process) => seen.push(process.log))
    world.console.append('FlinkSubmit/1', ['a'])
    expect(seen).toHaveLength(1)
    copies.setRace(true)
    seen.length = 0
    for (const line of ['b', 'c', 'd', 'e']) world.console.append('FlinkSubmit/1', [line])
    const last = world.console.get('FlinkSubmit/1')?.log ?? ''
    const torn = last.slice(0, -1)
    expect(seen.slice(-5, -2)).toEqual([torn, last, last])
    expect(last.startsWith(seen.at(-2) ?? 'x')).toBe(true)
    expect(seen.at(-2)?.split('\n').length).toBe(last.split('\n').length - 3)
    expect(seen.at(-1)).toBe(torn)
  })
})
