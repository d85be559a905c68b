/**
 * Dinky 1.0/1.1's `getJvmInfo` pool in the simulator: every stream since start holds one of 10 threads forever, so
 * the 11th gets heartbeats but never a `Jvm`, until a restart frees the pool.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { authHeaders, login } from './helpers'

/** One JVM stream read frame by frame (`data:` lines parsed), until `until` holds for the frames so far. */
async function readJvmStream(
  sim: Simulator,
  token: string,
  until: (frames: Array<{ topic: string }>) => boolean
): Promise<Array<{ topic: string }>> {
  const aborter = new AbortController()
  const res = await fetch(`${sim.url}/api/monitor/getJvmInfo`, {
    headers: authHeaders(sim, token),
    signal: aborter.signal
  })
  const reader = res.body!.getReader()
  const frames: Array<{ topic: string }> = []
  let buffered = ''
  while (!until(frames)) {
    const { value, done } = await reader.read()
    if (done) break
    buffered += new TextDecoder().decode(value)
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) if (line.startsWith('data:')) frames.push(JSON.parse(line.slice(5)))
  }
  aborter.abort()
  return frames
}

describe('the getJvmInfo worker pool (1.0/1.1)', () => {
  let sim: Simulator
  afterEach(() => sim.close())

  it('feeds the first 10 streams since start; the 11th gets heartbeats only; a restart frees the pool', async () => {
    sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 50, jvmIntervalMs: 50 })
    let token = await login(sim)
    const isJvm = (frame: { topic: string }) => frame.topic !== 'HEART_BEAT'
    for (let i = 0; i < 10; i++) {
      const frames = await readJvmStream(sim, token, (f) => f.some(isJvm))
      // The sender's first `Jvm` comes before its first sleep, ahead of any heartbeat.
      expect(isJvm(frames[0])).toBe(true)
    }
    expect(sim.control.stats().jvmWorkers).toEqual({ running: 10, queued: 0 })
    // Five heartbeats, each after a JVM period, and no `Jvm` among them.
    const starved = await readJvmStream(sim, token, (f) => f.length >= 5)
    expect(starved.map((frame) => frame.topic)).toEqual(Array(5).fill('HEART_BEAT'))
    expect(sim.control.stats().jvmWorkers).toEqual({ running: 10, queued: 1 })
    await sim.control.restart()
    token = await login(sim)
    expect(sim.control.stats().jvmWorkers).toEqual({ running: 0, queued: 0 })
    const fed = await readJvmStream(sim, token, (f) => f.some(isJvm))
    expect(fed.some(isJvm)).toBe(true)
  })
})
