/**
 * Dinky's racy console pushes end to end over loopback: a Session follows a process while the simulator sends every
 * console copy torn, whole, repeated and out of order (as `CompletableFuture.runAsync(sendTopic)` does), on SSE
 * (1.1), the 1.2.0 socket and the 1.2.4 path-token socket, with a dropped stream in the middle. Every line must
 * reach the session exactly once, and nothing may be shown again.
 */
import { describe, expect, it } from 'vitest'
import { RESTART_MARKER } from '../../../../src/main/core/sync/log-delta'
import { startSimulator } from '../../../../src/simulator/index'
import {
  profileFor,
  sessionTestResources,
  startRecordedSession,
  tempCacheStore,
  waitFor
} from './session-harness'

const PROCESS = 'FlinkSubmit/3'
const LINES = 60

describe.each([
  ['SSE (Dinky 1.1.0)', '1.1.0', 'sse'],
  ['WebSocket (Dinky 1.2.0)', '1.2.0', 'ws'],
  ['WebSocket, token in the path (Dinky 1.2.4)', '1.2.4', 'ws']
])('console copies out of order over %s', (_name, version, transport) => {
  const started = sessionTestResources()

  it('shows each line exactly once and never restarts the log', async () => {
    const sim = (started.sim = await startSimulator({
      version,
      wsJvmIntervalMs: 200,
      heartbeatMs: 200,
      tickMs: 0,
      logRate: 0
    }))
    const cache = (started.cache = await tempCacheStore())
    const recorded = startRecordedSession({
      profile: profileFor(sim.url, [PROCESS]),
      store: cache.store
    })
    started.sessions.push(recorded)
    const { session } = recorded
    await waitFor('topics live', () => session.snapshot().streams.topics.kind === 'live')
    expect(session.diagnostics().transport).toBe(transport)
    sim.control.submit(3)
    sim.control.raceConsoleCopies(true)
    const lines = () =>
      recorded
        .updates('log')
        .filter((update) => update.chunk.process === PROCESS && !update.chunk.stale)
        .flatMap((update) => update.chunk.lines)
    const ours = () =>
      lines()
        .map((line) => /race line (\d+)$/.exec(line)?.[1])
        .filter((n): n is string => n !== undefined)
    for (let i = 1; i <= LINES; i++) {
      sim.control.appendLog(PROCESS, [`race line ${i}`])
      // In bursts of ten: each burst's copies race one another, then the session has taken the burst in.
      if (i % 10 === 0) await waitFor(`line ${i}`, () => ours().includes(String(i)))
      // A reconnect in the middle: the stream's firstSend and the REST read race the pushes too.
      if (i === LINES / 2) {
        sim.control.dropStreams()
        await waitFor('topics live again', () => session.snapshot().streams.topics.kind === 'live')
      }
    }
    await waitFor('the last line', () => ours().includes(String(LINES)))
    // One faithful copy after the race: every racing copy came before it on the stream.
    sim.control.raceConsoleCopies(false)
    sim.control.appendLog(PROCESS, ['the race is over'])
    await waitFor('the line after the race', () =>
      lines().some((l) => l.endsWith('the race is over'))
    )
    expect(ours()).toEqual(Array.from({ length: LINES }, (_, i) => String(i + 1)))
    expect(lines()).not.toContain(RESTART_MARKER)
  })
})
