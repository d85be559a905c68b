/**
 * What only the WebSocket transport has, against a Dinky 1.2 simulator: one socket for every topic, JVM_INFO as
 * the heartbeat, firstSend, subscriptions replaced on change, parameter-keyed data and epoch-ms dates, and a token
 * that expires without a word. Faults common to both transports are in supervisor-faults.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { StreamMessage } from '../../../../src/main/core/stream/transport'
import { startCase, WS_CASE, type CaseHarness } from '../connection/transport-cases'

let harness: CaseHarness | null = null
afterEach(async () => {
  await harness?.close()
  harness = null
})

type Topic = StreamMessage['topic']
const count = (h: CaseHarness, topic: Topic) => h.messages.filter((m) => m.topic === topic).length
const ofTopic = <T extends Topic>(h: CaseHarness, topic: T) =>
  h.messages.filter((m): m is Extract<StreamMessage, { topic: T }> => m.topic === topic)

async function live(simOptions = {}): Promise<CaseHarness> {
  const h = (harness = await startCase(WS_CASE, simOptions))
  h.supervisor.start()
  await h.waitForState('live')
  return h
}

describe('WebSocket transport (Dinky 1.2) under the supervisor, against the simulator', () => {
  it('subscribes JVM_INFO with its topics after open and treats JVM_INFO as the heartbeat', async () => {
    const h = await live()
    await h.waitFor(() => count(h, 'JVM_INFO') >= 5)
    expect(h.sim.control.stats().wsSessions).toBe(1)
    expect(ofTopic(h, 'JVM_INFO')[0].data.heapMax).toBeGreaterThan(0)
    expect(h.kinds()).toEqual(['connecting:started', 'live'])
  })

  it('receives the current state of a followed process at once (firstSend), keyed by its name', async () => {
    const sim = await startCase(WS_CASE)
    harness = sim
    sim.sim.control.appendLog('FlinkSubmit/1', ['written before the client came'])
    sim.supervisor.start()
    await sim.waitFor(() => count(sim, 'PROCESS_CONSOLE') >= 1)
    const [first] = ofTopic(sim, 'PROCESS_CONSOLE')
    expect(first.param).toBe('FlinkSubmit/1')
    expect(first.data.log).toContain('written before the client came')
  })

  it('replaces the whole subscription when the topics change: processes, metrics and print tables', async () => {
    const h = await live()
    const running = h.sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')
    expect(running).toBeDefined()
    const seen = h.messages.length
    h.transport.setTopics({
      processes: ['FlinkSubmit/7'],
      metrics: [running!.jid],
      printTables: ['t']
    })
    // Reported at the first frame after it was sent: from here on the transport holds it as the server's set.
    await h.waitFor(() => h.subscribed.some((set) => set.printTables.includes('t')))
    // A frame pushed just before the server read the SUBSCRIBE could have carried that report; two more JVM samples
    // order the appends below after the server took it in (the simulator shares this event loop).
    const jvmBefore = count(h, 'JVM_INFO')
    await h.waitFor(() => count(h, 'JVM_INFO') >= jvmBefore + 2)
    h.sim.control.appendLog('FlinkSubmit/1', ['no longer followed'])
    h.sim.control.appendLog('FlinkSubmit/7', ['now followed'])
    h.sim.control.printRow('t', '+I[1, foo]')
    h.sim.control.tick()
    await h.waitFor(() => count(h, 'PRINT_TABLE') === 1 && count(h, 'METRICS') >= 1)
    await h.waitFor(() => ofTopic(h, 'PROCESS_CONSOLE').some((m) => m.param === 'FlinkSubmit/7'))
    const since = h.messages.slice(seen)
    expect(since.map((m) => ('param' in m ? m.param : m.topic))).not.toContain('FlinkSubmit/1')
    expect(ofTopic(h, 'PRINT_TABLE')[0]).toMatchObject({ param: 't', data: '+I[1, foo]' })
    expect(ofTopic(h, 'METRICS')[0]).toMatchObject({ param: running!.jid })
  })

  it('catches a subscription dropped silently on a live socket, logs in once, and recovers', async () => {
    const h = await live()
    h.sim.control.expireTokens()
    // The next subscribe carries the expired token: Dinky unregisters the session and sends nothing more.
    h.transport.setTopics({ processes: ['FlinkSubmit/2'], metrics: [], printTables: [] })
    await h.waitFor(() => h.kinds().includes('reconnecting:token-expired'))
    await h.waitFor(() => h.kinds().at(-1) === 'live' && h.sim.control.stats().wsSessions === 1)
    expect(h.kinds()).toEqual(['connecting:started', 'live', 'reconnecting:token-expired', 'live'])
    expect(h.sim.control.stats().logins).toBe(2)
  })

  it('maps the epoch-ms times of WS payloads exactly as REST maps its ISO text', async () => {
    const h = await live()
    h.transport.setTopics({ processes: ['FlinkSubmit/3'], metrics: [], printTables: [] })
    h.sim.control.submit(3)
    h.sim.control.appendLog('FlinkSubmit/3', ['a line'])
    await h.waitFor(() => ofTopic(h, 'PROCESS_CONSOLE').some((m) => m.param === 'FlinkSubmit/3'))
    const pushed = ofTopic(h, 'PROCESS_CONSOLE').find((m) => m.param === 'FlinkSubmit/3')!.data
    const rest = await h.client.process('FlinkSubmit/3')
    expect(pushed.startTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    expect(pushed.startTime).toBe(rest?.startTime)
    expect(pushed.key).toBe(rest?.key)
    expect(Math.abs(Date.parse(pushed.startTime!) - Date.now())).toBeLessThan(60_000)
  })

  it('reports the first subscription of each socket at its first frame, with the topics it sent', async () => {
    const h = await live()
    expect(h.subscribed).toEqual([{ processes: ['FlinkSubmit/1'], metrics: [], printTables: [] }])
    h.transport.setTopics({ processes: ['FlinkSubmit/7'], metrics: [], printTables: [] })
    h.sim.control.dropStreams()
    await h.waitFor(() => h.opens() === 2 && h.subscribed.at(-1)?.processes[0] === 'FlinkSubmit/7')
    expect(h.subscribed.at(-1)?.processes).toEqual(['FlinkSubmit/7'])
  })

  it('coalesces topic changes into one subscription and reports it once the server took it', async () => {
    const h = await live()
    const subscribes = h.sim.control.stats().wsSubscribes
    const processes: string[] = []
    for (let i = 1; i <= 9; i++) {
      processes.push(`FlinkSubmit/${i}`)
      h.transport.setTopics({ processes: [...processes], metrics: [], printTables: [] })
    }
    await h.waitFor(() => h.subscribed.length === 2)
    expect(h.subscribed[1].processes).toEqual(processes)
    expect(h.sim.control.stats().wsSubscribes).toBe(subscribes + 1)
  })

  it('closes its socket on stop', async () => {
    const h = await live()
    await h.supervisor.stop()
    await h.waitFor(() => h.sim.control.stats().openStreams === 0)
    expect(h.kinds().at(-1)).toBe('stopped:stopped-by-user')
  })
})
