/**
 * A REST read of a followed process that the stream overtook, against the Dinky 1.2.0 simulator (WebSocket): the
 * read is answered with the previous run, held back until the stream has delivered the next run's lines, then let
 * through. The console must not go back to the old run, nor show the new run's lines a second time (what the
 * intermittent 'Dinky 1.2.0' case of session-console-race showed, made certain here by holding the answer).
 */
import { describe, expect, it } from 'vitest'
import type { FetchLike } from '../../../../src/main/core/ports'
import { startSimulator } from '../../../../src/simulator/index'
import {
  profileFor,
  sessionTestResources,
  startRecordedSession,
  tempCacheStore,
  waitFor
} from './session-harness'

const PROCESS = 'FlinkSubmit/3'

/** A fetch that, once armed, answers the next `getProcess` at once on the server but hands it over only when let. */
function processReadGate() {
  let armed = false
  let held = false
  let release: () => void = () => {}
  const let_ = new Promise<void>((resolve) => (release = resolve))
  const fetch: FetchLike = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!armed || !url.includes('/api/process/getProcess')) return globalThis.fetch(input, init)
    armed = false
    const response = await globalThis.fetch(input, init)
    const body = await response.text()
    held = true
    await let_
    return new Response(body, { status: response.status, headers: response.headers })
  }
  return { fetch, arm: () => void (armed = true), held: () => held, release }
}

describe('a console read overtaken by the stream (Dinky 1.2.0, WebSocket)', () => {
  const started = sessionTestResources()

  it('keeps the newer run and shows each of its lines once', { timeout: 20_000 }, async () => {
    const sim = (started.sim = await startSimulator({ version: '1.2.0', tickMs: 0, logRate: 0 }))
    const cache = (started.cache = await tempCacheStore())
    sim.control.submit(3)
    sim.control.appendLog(PROCESS, ['old run line'])
    const gate = processReadGate()
    const recorded = startRecordedSession({
      profile: profileFor(sim.url),
      store: cache.store,
      fetch: gate.fetch
    })
    started.sessions.push(recorded)
    const { session } = recorded
    await waitFor('topics live', () => session.snapshot().streams.topics.kind === 'live')
    expect(session.diagnostics().transport).toBe('ws')

    gate.arm()
    const following = session.follow(PROCESS)
    await waitFor('the read of the old run to be held', () => gate.held())
    sim.control.submit(3)
    sim.control.appendLog(PROCESS, ['new run line 1', 'new run line 2', 'new run line 3'])
    const lines = () =>
      recorded
        .updates('log')
        .filter((update) => update.chunk.process === PROCESS && !update.chunk.stale)
        .flatMap((update) => update.chunk.lines)
        .map((line) => /(new run line \d+|old run line)$/.exec(line)?.[1])
        .filter((line): line is string => line !== undefined)
    await waitFor('the new run on the stream', () => lines().includes('new run line 3'))

    gate.release()
    await following
    sim.control.appendLog(PROCESS, ['new run line 4'])
    await waitFor('the next line of the new run', () => lines().includes('new run line 4'))
    const shown = lines().filter((line) => line.startsWith('new run'))
    expect(shown).toEqual([1, 2, 3, 4].map((n) => `new run line ${n}`))
    expect(lines().indexOf('old run line')).toBeLessThan(lines().indexOf('new run line 1'))
    expect(
      session
        .snapshot()
        .logs.find((tail) => tail.process === PROCESS)
        ?.lines.at(-1)
    ).toMatch(/new run line 4$/)
  })
})
