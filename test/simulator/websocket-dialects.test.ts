import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { ConsoleCopies } from '../../src/simulator/console-copies'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { World } from '../../src/simulator/world/world'
import { waitUntil } from '../support/wait-until'
import { type Json, login } from './helpers'

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

  async until(predicate: () => boolean): Promise<void> {
    await waitUntil('the frames awaited', predicate, { state: () => this.frames })
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

  it("1.2.1: the idle timeout counts the server's writes, and cuts a socket without a close frame (1006)", async () => {
    sim = await startSimulator({
      version: '1.2.1',
      tickMs: 0,
      logRate: 0,
      wsJvmIntervalMs: 50,
      wsIdleTimeoutMs: 300
    })
    const token = await login(sim)
    const fed = open('/api/ws/global')
    const idle = open('/api/ws/global')
    await Promise.all([fed.settled, idle.settled])
    fed.send({ token, topics: { JVM_INFO: [] } })
    await idle.until(() => idle.closeCode !== null)
    expect(idle.closeCode).toBe(1006)
    // The fed client, which never wrote again, is still open after more than another timeout of pushes.
    const seen = fed.frames.length
    await fed.until(() => fed.frames.length >= seen + 10)
    expect(fed.closeCode).toBeNull()
  })

  it('1.2.0: no idle timeout; a PING with a valid token gets a PONG, without one nothing', async () => {
    sim = await startSimulator({ version: '1.2.0', tickMs: 0, logRate: 0, wsIdleTimeoutMs: 50 })
    const token = await login(sim)
    expect(await open(`/api/ws/global/${token}`).settled).toBe('refused')
    const probe = open('/api/ws/global')
    await probe.settled
    probe.send({ type: 'PING' })
    probe.send({ token, type: 'PING' })
    // Frames of one socket are answered in order: the first PING would have been answered before this PONG.
    await probe.until(() => probe.frames.some((frame) => frame.type === 'PONG'))
    expect(probe.frames).toEqual([{ sessionKey: expect.any(String), type: 'PONG' }])
    expect(probe.closeCode).toBeNull()
  })

  it('1.2.0: TASK_RUN_INSTANCE comes at subscription and on a change, never while the set is unchanged', async () => {
    sim = await startSimulator({ version: '1.2.0', tickMs: 0, logRate: 0, wsJvmIntervalMs: 50 })
    const token = await login(sim)
    const probe = open('/api/ws/global')
    await probe.settled
    probe.send({ token, topics: { JVM_INFO: [], TASK_RUN_INSTANCE: [] } })
    const runs = () => probe.frames.filter((frame) => frame.topic === 'TASK_RUN_INSTANCE')
    const jvms = () => probe.frames.filter((frame) => frame.topic === 'JVM_INFO').length
    await probe.until(() => runs().length === 1)
    const before: number[] = runs()[0].data.RunningTaskId
    // 30 JVM_INFO pushes 50 ms apart span more than one 1 s TASK_RUN_INSTANCE check.
    await probe.until(() => jvms() >= 30)
    expect(runs()).toHaveLength(1)
    const idle = sim.control.world.latestInstances().find((i) => !before.includes(i.taskId))
    expect(idle).toBeDefined()
    sim.control.submit(idle?.taskId ?? 0)
    await probe.until(() => runs().length === 2)
    expect(runs()[1].data.RunningTaskId).toContain(idle?.taskId)
  })

  it('1.2.0: firstSend reaches every subscriber of the topic, not only the new one', async () => {
    sim = await startSimulator({ version: '1.2.0', tickMs: 0, logRate: 0, wsJvmIntervalMs: 60_000 })
    const token = await login(sim)
    const first = open('/api/ws/global')
    const second = open('/api/ws/global')
    await Promise.all([first.settled, second.settled])
    first.send({ token, topics: { JVM_INFO: [] } })
    await first.until(() => first.frames.length === 1)
    second.send({ token, topics: { JVM_INFO: [] } })
    await second.until(() => second.frames.length === 1)
    await first.until(() => first.frames.length === 2)
    expect(first.frames.map((frame) => frame.topic)).toEqual(['JVM_INFO', 'JVM_INFO'])
  })

  it('the ws-drop-subscriptions fault: the socket stays open and PINGs are answered, but no topic arrives', async () => {
    sim = await startSimulator({ version: '1.2.0', tickMs: 0, logRate: 0, wsJvmIntervalMs: 50 })
    const token = await login(sim)
    const dropped = open('/api/ws/global')
    await dropped.settled
    dropped.send({ token, topics: { JVM_INFO: [] } })
    await dropped.until(() => dropped.frames.length >= 2)
    const res = await fetch(`${sim.url}/__sim/fault/ws-drop-subscriptions`, { method: 'POST' })
    expect(res.status).toBe(200)
    expect(sim.control.stats().wsSessions).toBe(0)
    const seen = dropped.frames.length
    dropped.send({ token, type: 'PING' })
    await dropped.until(() => dropped.frames.some((frame) => frame.type === 'PONG'))
    // Another client gets several pushes meanwhile; the dropped one, still open, gets nothing but its PONG.
    const other = open('/api/ws/global')
    await other.settled
    other.send({ token, topics: { JVM_INFO: [] } })
    await other.until(() => other.frames.length >= 5)
    expect(dropped.frames.slice(seen)).toEqual([{ sessionKey: expect.any(String), type: 'PONG' }])
    expect(dropped.closeCode).toBeNull()
    dropped.send({ token, topics: { JVM_INFO: [] } })
    await dropped.until(() =>
      dropped.frames.slice(seen).some((frame) => frame.topic === 'JVM_INFO')
    )
  })

  it('1.2.0-SNAPSHOT: no PONG, and a topic the enum lacks stops the first send (so a client must not send it)', async () => {
    sim = await startSimulator({
      version: '1.2.0-SNAPSHOT',
      tickMs: 0,
      logRate: 0,
      wsJvmIntervalMs: 5000
    })
    const token = await login(sim)
    const probe = open('/api/ws/global')
    await probe.settled
    probe.send({ token, type: 'PING' })
    probe.send({ token, topics: { JVM_INFO: [], TASK_RUN_INSTANCE: ['RunningTaskId'] } })
    probe.send({ token, topics: { JVM_INFO: [] } })
    // Answered in order: anything the PING or the first subscription caused would come before this JVM_INFO.
    await probe.until(() => probe.frames.some((frame) => frame.topic === 'JVM_INFO'))
    expect(probe.frames.map((frame) => frame.topic ?? frame.type)).toEqual(['JVM_INFO'])
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
