import { describe, expect, it } from 'vitest'
import { DEFAULT_ALERT_RULES, type AlertEvent } from '../../../../src/shared/alerts'
import { waitFor } from '../session/session-harness'
import { alertSimResources } from './sim-harness'

/** The firing and resolved events of one rule (a repeat or an unknown would show up here too). */
const episodes = (events: AlertEvent[], rule: string) =>
  events.filter((e) => e.rule === rule).map((e) => [e.state, e.jobId])

describe('alert center against the simulator over loopback', () => {
  const startWatched = alertSimResources()

  it('job-status: a job that fails fires once, and resolves once when its task is recovered', async () => {
    const w = await startWatched([{ id: 'failed', kind: 'job-status', statuses: ['FAILED'] }])
    const job = w.runningJob()
    w.sim.control.failJob(job.taskId)
    const fired = await w.event('failed firing', (e) => e.rule === 'failed' && e.jobId === job.id)
    expect(fired).toMatchObject({ state: 'firing', announce: true, jobName: job.name })
    w.sim.control.recoverJob(job.taskId, { settle: true })
    await w.event('failed resolved', (e) => e.state === 'resolved' && e.jobId === job.id)
    expect(episodes(w.events, 'failed').filter(([, id]) => id === job.id)).toEqual([
      ['firing', job.id],
      ['resolved', job.id]
    ])
  })

  it('restarts: a restart loop fires once, and resolves once the loop stops and the window passes', async () => {
    const w = await startWatched((job) => [
      { id: 'loop', kind: 'restarts', atLeast: 2, withinMinutes: 0.05, job: job.name }
    ])
    const job = w.runningJob()
    w.sim.control.jobHealth.restartLoop(job.taskId, true, { everyTicks: 2 })
    const status = () => w.session.snapshot().jobs?.value.find((j) => j.id === job.id)?.status
    for (let i = 0; i < 4 && !w.events.some((e) => e.rule === 'loop'); i++) {
      w.sim.control.tick()
      await waitFor(
        'the list to show the tick',
        () => status() === (i % 2 === 0 ? 'RESTARTING' : 'RUNNING')
      )
    }
    await w.event('restarts firing', (e) => e.rule === 'loop' && e.state === 'firing')
    w.sim.control.jobHealth.restartLoop(job.taskId, false)
    w.sim.control.tick()
    await w.event('restarts resolved', (e) => e.rule === 'loop' && e.state === 'resolved')
    expect(episodes(w.events, 'loop')).toEqual([
      ['firing', job.id],
      ['resolved', job.id]
    ])
  })

  it("restarts: failovers Dinky's list never shows (failedRestartCount null) are counted from Flink's side", async () => {
    const w = await startWatched(
      (job) => [{ id: 'loop', kind: 'restarts', atLeast: 2, withinMinutes: 0.1, job: job.name }],
      { nullRestartCount: true }
    )
    const job = w.runningJob()
    w.session.jobHealth.open(job.id)
    await waitFor('a first health summary', () => summaries(w, job.id) > 0)
    w.sim.control.jobHealth.restartLoop(job.taskId, true, { everyTicks: 2 })
    // Four ticks at once: two failovers, and no poll of the list in between to see RESTARTING.
    for (let i = 0; i < 4; i++) w.sim.control.tick()
    w.sim.control.jobHealth.restartLoop(job.taskId, false)
    const fired = await w.event('restarts firing', (e) => e.rule === 'loop' && e.state === 'firing')
    expect(fired.detail).toBe('2 restarts within 0.1 min')
    await w.event('restarts resolved', (e) => e.rule === 'loop' && e.state === 'resolved')
    expect(episodes(w.events, 'loop')).toEqual([
      ['firing', job.id],
      ['resolved', job.id]
    ])
  })

  it('checkpoint-failures: a counted streak fires once and resolves when the window passes', async () => {
    const w = await startWatched((job) => [
      { id: 'cp', kind: 'checkpoint-failures', atLeast: 2, withinMinutes: 0.1, job: job.name }
    ])
    const job = w.runningJob()
    w.sim.control.jobHealth.checkpointInterval(200)
    w.session.jobHealth.open(job.id)
    await waitFor('a first health summary', () => summaries(w, job.id) > 0)
    w.sim.control.jobHealth.failCheckpoints(job.taskId, true, { count: 3 })
    await w.event('cp firing', (e) => e.rule === 'cp' && e.state === 'firing')
    await w.event('cp resolved', (e) => e.rule === 'cp' && e.state === 'resolved')
    expect(episodes(w.events, 'cp')).toEqual([
      ['firing', job.id],
      ['resolved', job.id]
    ])
  })

  it('no-checkpoint: checkpoints that stop completing fire once, and resolve when they complete again', async () => {
    const w = await startWatched((job) => [
      { id: 'stall', kind: 'no-checkpoint', minutes: 0.08, job: job.name }
    ])
    const job = w.runningJob()
    w.sim.control.jobHealth.checkpointInterval(200)
    w.session.jobHealth.open(job.id)
    await waitFor('a first health summary', () => summaries(w, job.id) > 0)
    w.sim.control.jobHealth.failCheckpoints(job.taskId, true)
    await w.event('stall firing', (e) => e.rule === 'stall' && e.state === 'firing')
    w.sim.control.jobHealth.failCheckpoints(job.taskId, false)
    await w.event('stall resolved', (e) => e.rule === 'stall' && e.state === 'resolved')
    expect(episodes(w.events, 'stall')).toEqual([
      ['firing', job.id],
      ['resolved', job.id]
    ])
  })

  it('backpressure: HIGH for the rule minutes fires once, and resolves when it eases', async () => {
    const w = await startWatched((job) => [
      { id: 'bp', kind: 'backpressure', minutes: 0.02, job: job.name }
    ])
    const job = w.runningJob()
    w.session.jobHealth.open(job.id)
    w.sim.control.jobHealth.backpressure(job.taskId, 0)
    await w.event('bp firing', (e) => e.rule === 'bp' && e.state === 'firing')
    w.sim.control.jobHealth.backpressure(job.taskId, null)
    await w.event('bp resolved', (e) => e.rule === 'bp' && e.state === 'resolved')
    expect(episodes(w.events, 'bp')).toEqual([
      ['firing', job.id],
      ['resolved', job.id]
    ])
  })

  it('metric: source lag over the line for N samples fires once, and resolves when it drains', async () => {
    const w = await startWatched(
      (job) => [
        {
          id: 'lag',
          kind: 'metric',
          metric: 'pendingRecords',
          op: '>',
          value: 100_000,
          forSamples: 2,
          job: job.name
        }
      ],
      { metricsIntervalMs: 150 }
    )
    const job = w.runningJob()
    w.sim.control.jobHealth.sourceLag(job.taskId, { perSecond: 10_000_000 })
    const fired = await w.event('lag firing', (e) => e.rule === 'lag' && e.state === 'firing')
    expect(fired.detail).toMatch(/^pendingRecords \d+ > 100000 for 2 samples$/)
    w.sim.control.jobHealth.sourceLag(job.taskId, null)
    await w.event('lag resolved', (e) => e.rule === 'lag' && e.state === 'resolved')
    expect(episodes(w.events, 'lag')).toEqual([
      ['firing', job.id],
      ['resolved', job.id]
    ])
  })

  it("Dinky losing Flink (RECONNECTING) holds a job's alert as unknown, and fires only a rule that names it", async () => {
    const w = await startWatched((job) => [
      ...DEFAULT_ALERT_RULES.rules,
      { id: 'lost', kind: 'job-status', statuses: ['RECONNECTING'], job: job.name }
    ])
    const job = w.runningJob()
    const clusterId = w.sim.control.world.latestOf(job.taskId)!.clusterId
    w.sim.control.jobHealth.restartLoop(job.taskId, true)
    w.sim.control.tick()
    await w.event('job-failed firing', (e) => e.rule === 'job-failed' && e.jobId === job.id)
    w.sim.control.jobHealth.restartLoop(job.taskId, false)
    const before = w.events.length
    w.sim.control.jobHealth.setFlinkReachable(clusterId, false)
    await w.event('lost firing', (e) => e.rule === 'lost' && e.state === 'firing')
    await w.event('job-failed unknown', (e) => e.rule === 'job-failed' && e.state === 'unknown')
    const during = w.events.slice(before)
    // No job of the cluster Dinky lost is announced as failed, and the open alert is not resolved either.
    const held = during.filter((e) => e.rule === 'job-failed')
    expect(held.map((e) => e.state)).toEqual(held.map(() => 'unknown'))
    expect(held.map((e) => e.jobId)).toContain(job.id)
    expect(
      w.center.active().find((a) => a.ruleId === 'job-failed' && a.jobId === job.id)
    ).toMatchObject({ state: 'unknown' })
    w.sim.control.jobHealth.setFlinkReachable(clusterId, true)
    await w.event('lost resolved', (e) => e.rule === 'lost' && e.state === 'resolved')
    await w.event(
      'job-failed resolved',
      (e) => e.rule === 'job-failed' && e.state === 'resolved' && e.jobId === job.id
    )
  })

  it('a server going down fires only server-stale: job alerts turn unknown, no job rule fires or resolves', async () => {
    const w = await startWatched((job) => [
      { id: 'failed', kind: 'job-status', statuses: ['FAILED'], job: job.name },
      { id: 'down', kind: 'server-stale', minutes: 0.02 }
    ])
    const [x, y] = w.runningJobs()
    // Job y's checkpoints complete every 200 ms and its detail is read every 3 s: live, 4.8 s is never reached.
    w.center.setRules({
      rules: [
        ...w.center.rules().rules,
        { id: 'stall', kind: 'no-checkpoint', minutes: 0.08, job: y.name }
      ],
      silences: []
    })
    w.sim.control.jobHealth.checkpointInterval(200)
    w.session.jobHealth.open(y.id)
    await waitFor('a health summary of y', () => summaries(w, y.id) > 0)
    w.sim.control.failJob(x.taskId)
    await w.event('failed firing', (e) => e.rule === 'failed' && e.jobId === x.id)
    const before = w.events.length
    let endOutage = () => {}
    const outage = new Promise<void>((resolve) => (endOutage = resolve))
    const down = w.sim.control.refuseConnections(outage)
    await w.event('down firing', (e) => e.rule === 'down' && e.state === 'firing')
    // While it is down, y's checkpoint limit passes on the clock: stale data, so nothing is judged.
    const lastRead = Math.max(
      ...w.session.jobHealth
        .summaries()
        .filter((s) => s.instanceId === y.id)
        .map((s) => s.asOf)
    )
    await waitFor('y past its checkpoint limit', () => Date.now() > lastRead + 0.08 * 60_000 + 500)
    const during = w.events.slice(before)
    expect(during.map((e) => [e.rule, e.state, e.jobId])).toEqual([
      ['failed', 'unknown', x.id],
      ['down', 'firing', null]
    ])
    expect(w.center.active().find((a) => a.ruleId === 'failed')).toMatchObject({
      state: 'unknown',
      unknownSince: expect.any(Number)
    })
    endOutage()
    await down
    await w.event('down resolved', (e) => e.rule === 'down' && e.state === 'resolved')
    await waitFor('the job alert judged again', () =>
      w.center.active().find((a) => a.ruleId === 'failed' && a.state === 'firing')
    )
    // Back live, y is judged on a summary read now (checkpoints completing), not on the one from before.
    await waitFor('y read again', () =>
      w.session.jobHealth.summaries().some((s) => s.instanceId === y.id && s.asOf > lastRead)
    )
    expect(w.events.filter((e) => e.rule === 'stall')).toEqual([])
  })
})

/** Health summaries of one job the session emitted so far (its health poller has read it). */
function summaries(
  w: { session: { jobHealth: { summaries(): { instanceId: number }[] } } },
  id: number
) {
  return w.session.jobHealth.summaries().filter((s) => s.instanceId === id).length
}
