/**
 * A Session's WebSocket subscriptions against the Dinky 1.2 simulator: following many processes at once sends one
 * SUBSCRIBE with the whole set (real 1.2.0 answers every SUBSCRIBE with a full firstSend of each console log), every
 * process it added is still read over REST once the server holds it, and a job's metrics opened on a live socket are
 * backfilled from `getFlinkData` at once and again after a reconnect, as on SSE.
 */
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../../../src/simulator/index'
import {
  profileFor,
  sessionTestResources,
  startRecordedSession,
  tempCacheStore,
  waitFor
} from './session-harness'

const FOLLOWED = 9
const GET_PROCESS = '/api/process/getProcess'
const GET_FLINK_DATA = '/api/monitor/getFlinkData'

describe('WebSocket subscriptions of a session', () => {
  const started = sessionTestResources()

  it('follows 9 processes with one subscription and reads each once subscribed', async () => {
    // 1.2.4 (token in the path): no PONG to learn first, whose resubscription would also count.
    const sim = (started.sim = await startSimulator({ version: '1.2.4', tickMs: 0, logRate: 0 }))
    const cache = (started.cache = await tempCacheStore())
    const recorded = startRecordedSession({ profile: profileFor(sim.url), store: cache.store })
    started.sessions.push(recorded)
    const { session } = recorded
    await waitFor('topics live', () => session.snapshot().streams.topics.kind === 'live')
    expect(session.diagnostics().transport).toBe('ws')
    const stats = () => sim.control.stats()
    const reads = () => stats().requestsByPath[GET_PROCESS] ?? 0
    const subscribes = stats().wsSubscribes
    const readsBefore = reads()

    const processes = Array.from({ length: FOLLOWED }, (_, i) => `FlinkSubmit/${i + 1}`)
    await Promise.all(processes.map((process) => session.follow(process)))
    await waitFor('the subscription', () => stats().wsSubscribes > subscribes)
    // One read per follow, then one per process once the server holds its topic (no line between the two).
    await waitFor('the reads after the subscription', () => reads() >= readsBefore + 2 * FOLLOWED)
    expect(stats().wsSubscribes).toBe(subscribes + 1)
  })

  it(
    'backfills a job opened on a live socket, and again after a reconnect (1.2.4)',
    { timeout: 20_000 },
    async () => {
      const sim = (started.sim = await startSimulator({
        version: '1.2.4',
        tickMs: 0,
        logRate: 0,
        heartbeatMs: 300,
        wsJvmIntervalMs: 300
      }))
      const cache = (started.cache = await tempCacheStore())
      const recorded = startRecordedSession({ profile: profileFor(sim.url), store: cache.store })
      started.sessions.push(recorded)
      const { session } = recorded
      const live = () => session.snapshot().streams.topics.kind === 'live'
      await waitFor('topics live', live)
      expect(session.diagnostics().transport).toBe('ws')
      const backfills = () => sim.control.stats().requestsByPath[GET_FLINK_DATA] ?? 0
      const before = backfills()

      const jid = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')!.jid
      session.metrics.open(jid, 'test')
      await waitFor('a backfill of the job opened', () => backfills() > before)
      await session.metrics.settled()

      const beforeDrop = backfills()
      // A new socket (the upgrade asked again) and a backfill on it.
      const sockets = () => sim.control.stats().requestsByPath['/api/ws/global/{token}'] ?? 0
      const socketsBefore = sockets()
      sim.control.dropStreams()
      await waitFor('a new socket', () => sockets() > socketsBefore)
      await waitFor('live again', live)
      await waitFor('a backfill after the reconnect', () => backfills() > beforeDrop)
    }
  )
})
