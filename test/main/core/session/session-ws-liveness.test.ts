/**
 * A Session on Dinky 1.2's WebSocket when the socket lives but the subscription does not (issue 21): the server
 * drops a session's topics and keeps answering PING, so the console subscribes again and the lines and JVM figures
 * come back; and 1.2.1's idle timeout, which cuts a socket without a close frame (1006), is reconnected quietly.
 */
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../../../src/simulator/index'
import {
  profileFor,
  startRecordedSession,
  tempCacheStore,
  waitFor,
  sessionTestResources
} from './session-harness'

describe(
  'Session on a 1.2 WebSocket whose subscription or socket is cut',
  { timeout: 20_000 },
  () => {
    const started = sessionTestResources()

    async function start(options: Parameters<typeof startSimulator>[0], processes: string[]) {
      const sim = (started.sim = await startSimulator({ tickMs: 0, logRate: 0, ...options }))
      const cache = (started.cache = await tempCacheStore())
      const recorded = startRecordedSession({
        profile: profileFor(sim.url, processes),
        store: cache.store
      })
      started.sessions.push(recorded)
      await waitFor('topics live', () => recorded.session.snapshot().streams.topics.kind === 'live')
      return { sim, recorded, session: recorded.session }
    }

    it('subscribes again when PONGs flow but the topics stopped, and the lines and JVM figures come back', async () => {
      const { sim, recorded, session } = await start({ version: '1.2.0', wsJvmIntervalMs: 200 }, [
        'FlinkSubmit/5'
      ])
      const upgrades = () => sim.control.stats().requestsByPath['/api/ws/global'] ?? 0
      const subscribes = () => sim.control.stats().wsSubscribes
      // The console subscribes at open, and again with TASK_RUN_INSTANCE once the server answered its PING.
      await waitFor('the subscription with TASK_RUN_INSTANCE', () => subscribes() === 2)
      await waitFor('a JVM sample', () => recorded.updates('jvm').length)
      expect(upgrades()).toBe(1)
      sim.control.dropWsSubscriptions()
      expect(sim.control.stats().wsSessions).toBe(0)
      const jvmBefore = recorded.updates('jvm').length
      sim.control.appendLog('FlinkSubmit/5', ['written while unsubscribed'])
      // The console must notice the silence of its topics (the watchdog sees PONGs) and subscribe again.
      await waitFor('subscribed again', () => sim.control.stats().wsSessions === 1, 10_000)
      expect(subscribes()).toBe(3)
      await waitFor('JVM figures again', () => recorded.updates('jvm').length > jvmBefore + 1)
      sim.control.appendLog('FlinkSubmit/5', ['after subscribing again'])
      const lines = () =>
        recorded
          .updates('log')
          .flatMap((update) => update.chunk.lines)
          .map((line) => line.replace(/^(\[[^\]]*\] )+/, ''))
      await waitFor('the console lines', () => lines().includes('after subscribing again'))
      expect(lines()).toContain('written while unsubscribed')
      // Subscribed again on the same socket: no reconnect was needed, and the stream never left 'live'.
      expect(upgrades()).toBe(1)
      expect(session.snapshot().streams.topics.kind).toBe('live')
    })

    it('reconnects quietly after 1.2.1 cuts an idle socket without a close frame (1006)', async () => {
      const { sim, recorded, session } = await start(
        { version: '1.2.1', wsJvmIntervalMs: 60_000, wsIdleTimeoutMs: 300 },
        []
      )
      const upgrades = () => sim.control.stats().requestsByPath['/api/ws/global'] ?? 0
      const states = () =>
        recorded
          .updates('state')
          .filter((update) => update.stream === 'topics')
          .map((update) => update.state.kind)
      const liveAt = states().lastIndexOf('live')
      await waitFor('three cuts and reconnects', () => upgrades() >= 4, 10_000)
      expect(states().slice(liveAt)).toEqual(['live'])
      expect(session.snapshot().streams.topics.kind).toBe('live')
    })
  }
)
