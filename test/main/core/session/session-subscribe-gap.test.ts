/**
 * The gap between a topic stream's open and its subscription, against a Dinky 1.1 (SSE) simulator: a run that
 * writes its last lines and ends while `subscribeTopic` is still on its way must still show every line, once.
 * A fetch wrapper holds `subscribeTopic` to widen the gap; polling is set to a minute, so only the read after the
 * subscription can bring the lines.
 */
import { describe, expect, it } from 'vitest'
import type { FetchLike } from '../../../../src/main/core/ports'
import { startSimulator } from '../../../../src/simulator/index'
import {
  profileFor,
  startRecordedSession,
  tempCacheStore,
  waitFor,
  sessionTestResources,
  type RecordedSession
} from './session-harness'

const PROCESS = 'FlinkSubmit/3'

/** A fetch that, while closed, holds every `subscribeTopic` request until opened, and counts REST calls in flight. */
function subscribeGate() {
  let closed = false
  let held: Array<() => void> = []
  let inFlight = 0
  let calls = 0
  const fetch: FetchLike = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (closed && url.includes('/api/sse/subscribeTopic')) {
      await new Promise<void>((resolve) => held.push(resolve))
    }
    if (/\/api\/(sse\/connect|monitor\/getJvmInfo)/.test(url)) return globalThis.fetch(input, init)
    inFlight++
    calls++
    try {
      return await globalThis.fetch(input, init)
    } finally {
      inFlight--
    }
  }
  return {
    fetch,
    close: () => void (closed = true),
    held: () => held.length,
    /** No REST call is on its way (held ones aside): whatever the session read, it has read. */
    quiet: () => inFlight === 0,
    /** REST calls started so far. */
    calls: () => calls,
    open() {
      closed = false
      held.forEach((release) => release())
      held = []
    }
  }
}

/**
 * Waits until the session's REST reads have come back and been taken in: none in flight, and none started up to the
 * next heartbeat on the stream (100 ms apart; a read that an answer sets off has started long before then).
 */
async function settle(gate: ReturnType<typeof subscribeGate>, recorded: RecordedSession) {
  const heartbeat = () => recorded.session.diagnostics().lastHeartbeatAt
  for (;;) {
    await waitFor('REST calls to come back', () => gate.quiet())
    const calls = gate.calls()
    const beat = heartbeat()
    await waitFor('the next heartbeat', () => heartbeat() !== beat)
    if (gate.quiet() && gate.calls() === calls) return
  }
}
/** Dinky prefixes each console line with `[time] [level] [logger]`. */
const message = (line: string) => line.replace(/^(\[[^\]]*\] )+/, '')

describe('Session: no console line falls between a stream open and its subscription', () => {
  const started = sessionTestResources()

  async function start(processes: string[]) {
    const sim = (started.sim = await startSimulator({ heartbeatMs: 100, tickMs: 0, logRate: 0 }))
    const cache = (started.cache = await tempCacheStore())
    const gate = subscribeGate()
    const profile = profileFor(sim.url, processes)
    const recorded = startRecordedSession({ profile, store: cache.store, fetch: gate.fetch })
    started.sessions.push(recorded)
    const session = recorded.session
    await waitFor('topics live', () => session.snapshot().streams.topics.kind === 'live')
    await waitFor('first jobs', () => recorded.updates('jobs').length)
    await settle(gate, recorded)
    return { sim, recorded, gate }
  }

  function linesOf(recorded: RecordedSession, run: string): string[] {
    return recorded
      .updates('log')
      .filter((update) => update.chunk.run === run)
      .flatMap((update) => update.chunk.lines)
  }

  it('shows lines a run wrote and ended with while the reconnected stream was not yet subscribed', async () => {
    const { sim, recorded, gate } = await start([PROCESS])
    sim.control.submit(3)
    sim.control.appendLog(PROCESS, ['before the drop'])
    const run = await waitFor('the run', () => sim.control.world.console.get(PROCESS))
    await waitFor('the first line', () => linesOf(recorded, run.key).length === 1)

    gate.close()
    const snapshots = recorded.updates('jobs').length
    sim.control.dropStreams()
    await waitFor('the resubscribe, held', () => gate.held() > 0)
    await waitFor('the reconnect snapshot', () => recorded.updates('jobs').length > snapshots)
    // Every read started at open has come back: the lines below are newer than any of them.
    await settle(gate, recorded)
    sim.control.appendLog(PROCESS, ['in the gap, one', 'in the gap, two'])
    sim.control.cancel(3)
    expect(run.endTime).not.toBeNull()
    gate.open()

    const expected = run.log.split('\n').slice(0, -1)
    await waitFor('every line', () => linesOf(recorded, run.key).length >= expected.length)
    // Nothing more on its way: a line shown twice would have come by now.
    await settle(gate, recorded)
    expect(linesOf(recorded, run.key)).toEqual(expected)
    expect(expected.map(message)).toEqual(['before the drop', 'in the gap, one', 'in the gap, two'])
  })

  it('shows lines a run wrote and ended with while a newly followed process was being subscribed', async () => {
    const { sim, recorded, gate } = await start([])
    sim.control.submit(3)
    sim.control.appendLog(PROCESS, ['before following'])
    const run = await waitFor('the run', () => sim.control.world.console.get(PROCESS))

    gate.close()
    const shown = await recorded.session.follow(PROCESS)
    expect(shown.flatMap((chunk) => chunk.lines).map(message)).toEqual(['before following'])
    await waitFor('the subscribe, held', () => gate.held() > 0)
    await settle(gate, recorded)
    sim.control.appendLog(PROCESS, ['in the gap'])
    sim.control.cancel(3)
    gate.open()

    const expected = run.log.split('\n').slice(0, -1)
    await waitFor('every line', () => linesOf(recorded, run.key).length >= expected.length)
    // Nothing more on its way: a line shown twice would have come by now.
    await settle(gate, recorded)
    expect(linesOf(recorded, run.key)).toEqual(expected)
    expect(expected.map(message)).toEqual(['before following', 'in the gap'])
  })
})
