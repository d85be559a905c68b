import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../../../src/simulator/index'
import type { Job } from '../../../../src/shared/models'
import type { ConnectionSettings } from '../../../../src/shared/profiles'
import {
  profileFor,
  startRecordedSession,
  tempCacheStore,
  waitFor,
  sessionTestResources
} from './session-harness'

describe('Session against the simulator', () => {
  const started = sessionTestResources()

  async function start(
    simOptions: Parameters<typeof startSimulator>[0],
    processes: string[] = [],
    connection: Partial<ConnectionSettings> = {}
  ) {
    const sim = (started.sim = await startSimulator({
      heartbeatMs: 200,
      tickMs: 0,
      logRate: 0,
      ...simOptions
    }))
    const cache = (started.cache = await tempCacheStore())
    const profile = profileFor(sim.url, processes)
    const recorded = startRecordedSession({ profile, store: cache.store, connection })
    started.sessions.push(recorded)
    const session = recorded.session
    await waitFor('topics live', () => session.snapshot().streams.topics.kind === 'live')
    await waitFor('first jobs', () => recorded.updates('jobs').length)
    return { sim, recorded }
  }

  it('takes a REST snapshot after every reconnect of the topic stream', async () => {
    const { sim, recorded } = await start({})
    const jobRequests = () => sim.control.stats().requestsByPath['/api/jobInstance'] ?? 0
    for (let drop = 1; drop <= 3; drop++) {
      const snapshots = recorded.updates('jobs').length
      const requests = jobRequests()
      sim.control.dropStreams()
      // Polling is set to a minute: a request and a snapshot this soon can only come from the reconnect.
      await waitFor(`request after drop ${drop}`, () => jobRequests() > requests)
      await waitFor(
        `snapshot after drop ${drop}`,
        () => recorded.updates('jobs').length > snapshots
      )
    }
    expect(recorded.session.diagnostics().reconnects).toBeGreaterThanOrEqual(3)
    // Each drop of a stream that was receiving data reconnects at Dinky's retry:1000 floor.
  })

  it('delivers every console line exactly once while the stream drops mid-submission', async () => {
    const simOptions = { logRate: 300, submissionLines: 360 }
    const { sim, recorded } = await start(simOptions, ['FlinkSubmit/3'])
    sim.control.submit(3)
    const run = await waitFor('the run', () => sim.control.world.console.get('FlinkSubmit/3'))
    const linesOfRun = () =>
      recorded
        .updates('log')
        .filter((update) => update.chunk.run === run.key)
        .flatMap((update) => update.chunk.lines)
    // The drops land after 60, 120 and 180 of the submission's 360 lines (written 300 a second).
    const written = () => run.log.split('\n').length - 1
    for (let drop = 1; drop <= 3; drop++) {
      await waitFor(`line ${drop * 60} of the run`, () => written() >= drop * 60)
      expect(run.endTime).toBeNull()
      sim.control.dropStreams()
    }
    await waitFor('the run to end', () => run.endTime !== null)
    const expected = run.log.split('\n').slice(0, -1)
    await waitFor('all lines', () => linesOfRun().length >= expected.length)
    expect(linesOfRun()).toEqual(expected)
    expect(expected.length).toBeGreaterThan(300)
  })

  it('emits a job transition once, however many resyncs follow', async () => {
    const { sim, recorded } = await start({})
    const running = recorded
      .updates('jobs')[0]
      .jobs.value.find((job) => job.status === 'RUNNING') as Job
    sim.control.failJob(running.taskId)
    sim.control.dropStreams()
    await waitFor('the transition', () => recorded.updates('job').length)
    for (let drop = 0; drop < 2; drop++) {
      const snapshots = recorded.updates('jobs').length
      sim.control.dropStreams()
      await waitFor('resync', () => recorded.updates('jobs').length > snapshots)
    }
    const transitions = recorded.updates('job').map((update) => update.transition)
    expect(transitions).toHaveLength(1)
    expect(transitions[0]).toMatchObject({ taskId: running.taskId, from: 'RUNNING', to: 'FAILED' })
  })

  it('numbers every update in order and reports stream diagnostics', async () => {
    const { recorded } = await start({})
    await waitFor(
      'two heartbeats',
      () => recorded.session.diagnostics().heartbeatIntervalsMs.length >= 2
    )
    const seqs = recorded.envelopes.map((envelope) => envelope.seq)
    expect(seqs).toEqual(seqs.map((_, i) => i + 1))
    expect(recorded.session.snapshot().seq).toBe(seqs.length)
    const diagnostics = recorded.session.diagnostics()
    expect(diagnostics.contentTypeOk).toBe(true)
    expect(diagnostics.streamHeaders?.['content-type']).toMatch(/^text\/event-stream/)
    expect(diagnostics.serverVersion).toBe('1.1.0')
    expect(diagnostics.transport).toBe('sse')
    expect(diagnostics.heartbeatsBursty).toBe(false)
  })

  it('refuses job actions unless live', async () => {
    const { sim, recorded } = await start({})
    await sim.close()
    const action = { kind: 'cancel', taskId: 1, withSavepoint: false } as const
    recorded.session.retryNow()
    await waitFor('rest not live', () => recorded.session.snapshot().streams.rest.kind !== 'live')
    await expect(recorded.session.jobAction(action)).rejects.toThrow(/live connection/)
  })
})
