/**
 * The WebSocket transport against each 1.2.x socket the simulator serves: the endpoint probe and what it
 * remembers, PING/PONG as activity, Dinky's idle timeout, and TASK_RUN_INSTANCE only where the server has it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../src/main/core/logger'
import {
  WsEndpointMemory,
  suggestedEndpoints,
  wsUrlFor
} from '../../../../src/main/core/stream/ws-endpoints'
import { createWsTransport } from '../../../../src/main/core/stream/ws-transport'
import type { SimulatorOptions } from '../../../../src/simulator/index'
import { startHarness, type Harness } from '../connection/sim-harness'

let harness: Harness | null = null
afterEach(async () => {
  await harness?.close()
  harness = null
})

const PLAIN = '/api/ws/global'
const PATH = '/api/ws/global/{token}'

async function live(
  simOptions: SimulatorOptions,
  version: { current: string },
  endpoints = new WsEndpointMemory()
): Promise<Harness> {
  const h = (harness = await startHarness(
    (client) => {
      const transport = createWsTransport({
        client,
        logger: silentLogger,
        heartbeatIntervalMs: 100,
        endpoints,
        serverVersion: () => version.current
      })
      transport.setTopics({ processes: ['FlinkSubmit/1'], metrics: [], printTables: [] })
      return transport
    },
    { tickMs: 0, logRate: 0, wsJvmIntervalMs: 100, ...simOptions }
  ))
  h.supervisor.start()
  await h.waitForState('live')
  return h
}

const upgrades = (h: Harness, path: string) => h.sim.control.stats().requestsByPath[path] ?? 0

describe('which 1.2.x socket: probed, then remembered per server version', () => {
  it('orders the probe by version and keeps the token out of every URL but the path shape', () => {
    expect(suggestedEndpoints('1.2.0')).toEqual(['message-token', 'path-token'])
    expect(suggestedEndpoints('1.2.1')).toEqual(['message-token', 'path-token'])
    expect(suggestedEndpoints('1.2.4')).toEqual(['path-token', 'message-token'])
    expect(suggestedEndpoints('1.3.0-SNAPSHOT')).toEqual(['path-token', 'message-token'])
    expect(wsUrlFor('https://d.example/', 'path-token', 'a/b c')).toBe(
      'wss://d.example/api/ws/global/a%2Fb%20c'
    )
    expect(wsUrlFor('http://d.example', 'message-token', 'secret')).toBe(
      'ws://d.example/api/ws/global'
    )
  })

  it('finds the path-token socket behind a version that suggests the other, and goes straight there after', async () => {
    const version = { current: '1.2.0' }
    const h = await live({ version: '1.2.4' }, version)
    expect(upgrades(h, PLAIN)).toBe(1)
    expect(upgrades(h, PATH)).toBe(1)
    h.sim.control.dropStreams()
    await h.waitFor(() => h.opens() === 2)
    expect(upgrades(h, PLAIN)).toBe(1)
    expect(upgrades(h, PATH)).toBe(2)
  })

  it('probes again when the server answers another version (an upgrade)', async () => {
    const version = { current: '1.2.4' }
    const endpoints = new WsEndpointMemory()
    const h = await live({ version: '1.2.4' }, version, endpoints)
    await h.waitFor(() => endpoints.traits('1.2.4')?.pong === true)
    expect(endpoints.traits('1.2.4')?.endpoint).toBe('path-token')
    version.current = '1.2.0'
    h.sim.control.dropStreams()
    await h.waitFor(() => h.opens() === 2)
    expect(upgrades(h, PLAIN)).toBe(1)
    expect(endpoints.traits('1.2.0')?.endpoint).toBe('path-token')
  })
})

describe('PING/PONG and TASK_RUN_INSTANCE', () => {
  it('1.2.4: PONGs keep the watchdog fed, silent topics are subscribed again, and Dinky’s idle timeout never cuts', async () => {
    const h = await live(
      // An idle timeout of six ping periods: a pinger held up a few hundred ms on a busy machine is not a cut.
      { version: '1.2.4', wsJvmIntervalMs: 60_000, wsIdleTimeoutMs: 600 },
      { current: '1.2.4' }
    )
    const count = (topic: string) => h.messages.filter((m) => m.topic === topic).length
    // A PONG proves the socket, not the subscription: each silence of the topics is answered by subscribing again,
    // whose firstSend brings JVM_INFO, on the same socket.
    await h.waitFor(() => count('PONG') > 5 && count('JVM_INFO') >= 3)
    expect(h.kinds()).toEqual(['connecting:started', 'live'])
    expect(upgrades(h, PATH)).toBe(1)
  })

  it('1.2.4: subscribes TASK_RUN_INSTANCE and hears a task start and end', async () => {
    const h = await live({ version: '1.2.4' }, { current: '1.2.4' })
    const sets = () =>
      h.messages.flatMap((m) => (m.topic === 'TASK_RUN_INSTANCE' ? [m.taskIds] : []))
    await h.waitFor(() => sets().length >= 1)
    const idle = h.sim.control.world.latestInstances().find((i) => i.status !== 'RUNNING')
    expect(idle).toBeDefined()
    h.sim.control.submit(idle!.taskId)
    await h.waitFor(() => sets().some((ids) => ids.includes(idle!.taskId)))
  })

  it('1.2.1: learns PONG from the PING sent before the first subscription, then adds TASK_RUN_INSTANCE', async () => {
    const endpoints = new WsEndpointMemory()
    const h = await live({ version: '1.2.1' }, { current: '1.2.1' }, endpoints)
    await h.waitFor(() => h.messages.some((m) => m.topic === 'TASK_RUN_INSTANCE'))
    expect(endpoints.traits('1.2.1')).toEqual({ endpoint: 'message-token', pong: true })
    expect(upgrades(h, PATH)).toBe(0)
  })

  it('1.2.0-SNAPSHOT: never sends TASK_RUN_INSTANCE, so firstSend still answers every subscription', async () => {
    const endpoints = new WsEndpointMemory()
    const h = await live({ version: '1.2.0-SNAPSHOT' }, { current: '1.2.0-SNAPSHOT' }, endpoints)
    h.transport.setTopics({ processes: ['FlinkSubmit/2'], metrics: [], printTables: [] })
    h.sim.control.appendLog('FlinkSubmit/2', ['seen'])
    await h.waitFor(() => h.messages.some((m) => m.topic === 'PROCESS_CONSOLE'))
    // Three more JVM samples (100 ms apart) on the socket: pings went out meanwhile, and a PONG would be here.
    const jvm = () => h.messages.filter((m) => m.topic === 'JVM_INFO').length
    const jvmBefore = jvm()
    await h.waitFor(() => jvm() >= jvmBefore + 3)
    expect(endpoints.traits('1.2.0-SNAPSHOT')).toEqual({ endpoint: 'message-token', pong: false })
    expect(h.messages.some((m) => m.topic === 'PONG' || m.topic === 'TASK_RUN_INSTANCE')).toBe(
      false
    )
    expect(h.kinds()).toEqual(['connecting:started', 'live'])
  })
})
