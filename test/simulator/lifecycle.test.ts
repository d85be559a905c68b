import { describe, expect, it, vi } from 'vitest'
import { startSimulator } from '../../src/simulator/index'
import { authHeaders, dataEvents, login, postJson, RawStream } from './helpers'

/** Node's own view of what keeps the process alive, by kind. */
const resourceKinds = (): Record<string, number> => {
  const counts: Record<string, number> = {}
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1
  return counts
}

describe('simulator lifecycle', () => {
  it('starts and close() leaves no server, socket or timer behind', async () => {
    const before = resourceKinds()
    const sim = await startSimulator({
      tickMs: 20,
      logRate: 500,
      heartbeatMs: 30,
      jvmIntervalMs: 30
    })
    const token = await login(sim)
    const sse = new RawStream(sim, '/api/sse/connect?sessionKey=l', authHeaders(sim, token))
    const jvm = new RawStream(sim, '/api/monitor/getJvmInfo', authHeaders(sim, token))
    await sse.until((t) => dataEvents(t).length >= 1)
    await jvm.until((t) => dataEvents(t).length >= 1)
    sim.control.slowResponses(10_000)
    const pending = fetch(`${sim.url}/api/version`).catch(() => null)
    expect(sim.control.stats().timers).toBeGreaterThan(3)
    await sim.close()
    await sim.close()
    await pending
    await Promise.all([sse.closed(), jvm.closed()])
    await new Promise((resolve) => setImmediate(resolve))
    expect(sim.control.stats()).toMatchObject({ timers: 0, openStreams: 0, listening: false })
    const after = resourceKinds()
    for (const kind of ['TCPServerWrap', 'TCPSocketWrap', 'Timeout']) {
      expect(after[kind] ?? 0, kind).toBeLessThanOrEqual(before[kind] ?? 0)
    }
  })

  it('pushes a firehose as fast as a reader drains, one event per batch', async () => {
    const sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    const token = await login(sim)
    const stream = new RawStream(sim, '/api/sse/connect?sessionKey=fh', authHeaders(sim, token))
    await stream.until((t) => t.includes('retry:1000'))
    await postJson(sim, token, '/api/sse/subscribeTopic', {
      sessionKey: 'fh',
      topics: ['/TOPIC/PROCESS_CONSOLE/FlinkSubmit/99']
    })
    const report = await sim.control.firehose({
      processName: 'FlinkSubmit/99',
      lines: 1000,
      linesPerEvent: 50
    })
    expect(report).toMatchObject({ lines: 1000, events: 20 })
    await stream.until((t) => t.split('\ndata:').length > 20 && t.endsWith('\n\n\r\n'), 10_000)
    const last = dataEvents(stream.text).at(-1)
    expect(last.data.log.split('\n').filter(Boolean)).toHaveLength(1000)
    stream.close()
    await sim.close()
  })

  it('holds the firehose back while a subscriber does not read, and finishes once it reads again', async () => {
    const sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    const token = await login(sim)
    const stream = new RawStream(sim, '/api/sse/connect?sessionKey=slow', authHeaders(sim, token))
    await stream.until((t) => t.includes('retry:1000'))
    await postJson(sim, token, '/api/sse/subscribeTopic', {
      sessionKey: 'slow',
      topics: ['/TOPIC/PROCESS_CONSOLE/FlinkSubmit/98']
    })
    stream.pause()
    const appended = vi.spyOn(sim.control.world.console, 'appendBatch')
    let done = false
    const running = sim.control.firehose({
      processName: 'FlinkSubmit/98',
      lines: 3000,
      linesPerEvent: 30
    })
    void running.then(() => (done = true))
    // Unhindered, the firehose ends within two turns of the event loop (it yields every 64 events); a round trip
    // to the server takes several turns, so three of them order "would have finished" before the check.
    for (let trip = 0; trip < 3; trip++) await (await fetch(`${sim.url}/api/version`)).text()
    expect(done).toBe(false)
    expect(appended.mock.calls.length).toBeGreaterThan(0)
    expect(appended.mock.calls.length).toBeLessThan(100)
    stream.resume()
    expect(await running).toMatchObject({ lines: 3000, events: 100 })
    stream.close()
    await sim.close()
  })
})
