import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { authHeaders, dataEvents, login, postJson, RawStream, TEST_OPTIONS } from './helpers'

const CONSOLE_3 = '/TOPIC/PROCESS_CONSOLE/FlinkSubmit/3'

describe('SSE subscribe and topics', () => {
  let sim: Simulator
  let token: string
  const streams: RawStream[] = []
  const connect = async (key: string): Promise<RawStream> => {
    const stream = new RawStream(sim, `/api/sse/connect?sessionKey=${key}`, authHeaders(sim, token))
    streams.push(stream)
    await stream.until((t) => t.includes('retry:1000'))
    return stream
  }
  const subscribe = (sessionKey: string, topics: string[]) =>
    postJson(sim, token, '/api/sse/subscribeTopic', { sessionKey, topics })

  beforeEach(async () => {
    sim = await startSimulator(TEST_OPTIONS)
    token = await login(sim)
  })
  afterEach(async () => {
    streams.splice(0).forEach((stream) => stream.close())
    await sim.close()
  })

  it('replaces the topic set and answers it in a Result', async () => {
    await connect('s1')
    const first = await subscribe('s1', ['/TOPIC/METRICS/a', CONSOLE_3])
    expect(first.body).toMatchObject({ code: 0, msg: 'Successfully', success: true })
    expect(first.body.data.sort()).toEqual([CONSOLE_3, '/TOPIC/METRICS/a'].sort())
    const second = await subscribe('s1', ['/TOPIC/METRICS/b'])
    expect(second.body.data).toEqual(['/TOPIC/METRICS/b'])
  })

  it('answers ["SESSION_INVALID"] with code 0 for an unknown session key', async () => {
    const res = await subscribe('never-connected', [CONSOLE_3])
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ data: ['SESSION_INVALID'], code: 0, success: true })
  })

  it('re-sends the whole ProcessEntity on every appended line, only to subscribers of the exact topic', async () => {
    const subscribed = await connect('s1')
    const other = await connect('s2')
    await subscribe('s1', [CONSOLE_3])
    await subscribe('s2', ['/TOPIC/PROCESS_CONSOLE/FlinkSubmit/33'])
    sim.control.appendLog('FlinkSubmit/3', ['first line', 'second line 中文', 'third line'])
    await subscribed.until((t) => dataEvents(t).length >= 3)
    const events = dataEvents(subscribed.text)
    expect(events.map((e) => e.topic)).toEqual([CONSOLE_3, CONSOLE_3, CONSOLE_3])
    const logs = events.map((e) => e.data.log as string)
    expect(logs[1].startsWith(logs[0])).toBe(true)
    expect(logs[2].startsWith(logs[1])).toBe(true)
    expect(logs[2]).toContain('second line 中文')
    expect(Object.keys(events[2].data)).toEqual([
      'key',
      'title',
      'log',
      'type',
      'status',
      'startTime',
      'endTime',
      'time',
      'lastUpdateStep',
      'children',
      'threadId'
    ])
    expect(events[2].data.startTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?$/)
    // A line for the other topic, sent after: once it is there, anything meant for CONSOLE_3 would be too.
    sim.control.appendLog('FlinkSubmit/33', ['for the other subscriber'])
    await other.until((t) => dataEvents(t).length >= 1)
    expect(dataEvents(other.text).map((e) => e.topic)).toEqual([
      '/TOPIC/PROCESS_CONSOLE/FlinkSubmit/33'
    ])
  })

  it('registers a fresh empty subscriber when the same key reconnects', async () => {
    const first = await connect('same')
    await subscribe('same', [CONSOLE_3])
    const second = await connect('same')
    sim.control.appendLog('FlinkSubmit/3', ['after reconnect'])
    await subscribe('same', [CONSOLE_3])
    sim.control.appendLog('FlinkSubmit/3', ['after resubscribe'])
    // The line sent after resubscribing arrives after anything the first line could have sent on this stream.
    await second.until((t) => dataEvents(t).some((e) => e.data.log.includes('after resubscribe')))
    expect(dataEvents(second.text)).toHaveLength(1)
    // The old emitter was replaced, not closed, and gets nothing more.
    expect(first.ended).toBe(false)
    expect(dataEvents(first.text)).toHaveLength(0)
  })

  it('streams a new run with a new key when a task is submitted', async () => {
    await sim.close()
    sim = await startSimulator({ ...TEST_OPTIONS, logRate: 2000, submissionLines: 30 })
    token = await login(sim)
    const stream = await connect('run')
    await subscribe('run', [CONSOLE_3])
    const before = (
      await postJson(sim, token, '/api/sse/subscribeTopic', { sessionKey: 'x', topics: [] })
    ).body
    expect(before.data).toEqual(['SESSION_INVALID'])
    sim.control.submit(3)
    await stream.until((t) => dataEvents(t).some((e) => e.data.status === 'FINISHED'), 20_000)
    const events = dataEvents(stream.text)
    expect(new Set(events.map((e) => e.data.key)).size).toBe(1)
    expect(events[0].data.log).toContain('Start Process:FlinkSubmit/3')
    expect(events.length).toBeGreaterThanOrEqual(30)
    expect(events.at(-1).data.time).toBeGreaterThanOrEqual(0)
  })

  it('pushes METRICS for running jobs and PRINT_TABLE rows as strings', async () => {
    const stream = await connect('m')
    const running = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')
    const printTopic =
      '/TOPIC/PRINT_TABLE/`default_catalog`.`default_database`.`print_debug_orders`'
    await subscribe('m', [`/TOPIC/METRICS/${running?.jid}`, printTopic])
    sim.control.tick()
    sim.control.printRow('`default_catalog`.`default_database`.`print_debug_orders`', '+I[1, foo]')
    await stream.until(
      (t) => dataEvents(t).some((e) => e.topic === printTopic) && t.includes('/TOPIC/METRICS/')
    )
    const events = dataEvents(stream.text)
    const metrics = events.find((e) => e.topic.startsWith('/TOPIC/METRICS/'))
    expect(Object.keys(metrics.data)).toEqual(['heartTime', 'model', 'content', 'date'])
    expect(metrics.data.model).toBe(running?.jid)
    expect(metrics.data.heartTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    expect(events.filter((e) => e.topic === printTopic).map((e) => e.data)).toContain('+I[1, foo]')
  })
})
