import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { profileDir } from '../../../../src/main/core/cache/cache-paths'
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../../../src/simulator/index'
import {
  profileFor,
  startRecordedSession,
  tempCacheStore,
  waitFor,
  sessionTestResources
} from './session-harness'

describe('Session cache-first start', () => {
  const started = sessionTestResources()

  /** Runs one live session until its jobs (and followed log) are cached, then stops it and flushes. */
  async function warmCache(processes: string[] = []) {
    const sim = (started.sim = await startSimulator({ heartbeatMs: 200, tickMs: 0, logRate: 0 }))
    const cache = (started.cache = await tempCacheStore())
    const first = startRecordedSession({
      profile: profileFor(sim.url, processes),
      store: cache.store
    })
    started.sessions.push(first)
    await waitFor('live jobs', () => first.updates('jobs').length)
    return { sim, cache, first }
  }

  /** Stops the warmed session with its cache written, closes its server, and starts a second one on that cache. */
  async function restartOffline({ sim, cache, first }: Awaited<ReturnType<typeof warmCache>>) {
    await first.session.stop()
    await cache.store.flush()
    const url = sim.url
    await sim.close()
    const second = startRecordedSession({ profile: profileFor(url), store: cache.store })
    started.sessions.push(second)
    return second
  }

  it('shows the cached jobs as stale, with their age, while the server is down', async () => {
    const warmed = await warmCache()
    const live = warmed.first.updates('jobs')[0].jobs
    const second = await restartOffline(warmed)
    const cached = second.session.snapshot().jobs
    expect(cached?.stale).toBe(true)
    expect(cached?.asOf).toBe(live.asOf)
    expect(cached?.value.map((job) => [job.id, job.status])).toEqual(
      live.value.map((job) => [job.id, job.status])
    )
    // The first attempt may meet a pooled keep-alive socket (connection-reset); later ones are refused.
    await waitFor('rest reconnecting, connection refused', () => {
      const state = second.session.snapshot().streams.rest
      return state.kind === 'reconnecting' && state.reason === 'connection-refused'
    })
    expect(second.session.snapshot().jobs?.stale).toBe(true)
  })

  it('continues a cached console log without repeating its lines', async () => {
    const { sim, cache, first } = await warmCache(['FlinkSubmit/5'])
    sim.control.appendLog('FlinkSubmit/5', ['one', 'two', 'three'])
    const cachedLines = await waitFor('the appended lines', () => {
      const lines = first.session.snapshot().logs[0]?.lines ?? []
      return lines.at(-1)?.endsWith('three') && lines.length
    })
    await first.session.stop()
    await cache.store.flush()

    sim.control.appendLog('FlinkSubmit/5', ['four'])
    const second = startRecordedSession({
      profile: profileFor(sim.url, ['FlinkSubmit/5']),
      store: cache.store
    })
    started.sessions.push(second)
    const tail = second.session.snapshot().logs[0]
    expect(tail.stale).toBe(true)
    expect(tail.lines).toHaveLength(cachedLines)
    await waitFor('the fourth line', () => second.updates('log').length)
    const live = second.updates('log').flatMap((update) => update.chunk.lines)
    expect(live).toHaveLength(1)
    expect(live[0]).toMatch(/four$/)
    expect(second.session.snapshot().logs[0].lines).toHaveLength(cachedLines + 1)
  })

  it('tells the version and transport the last login learnt while the server is down, until the cache is cleared', async () => {
    const warmed = await warmCache()
    const learnt = warmed.first.session.snapshot()
    expect(learnt.serverVersion).toBe('1.1.0')
    expect(learnt.transport).toBe('sse')
    const second = await restartOffline(warmed)
    const offline = second.session.snapshot()
    expect([offline.serverVersion, offline.transport]).toEqual(['1.1.0', 'sse'])
    expect(offline.jobs?.stale).toBe(true)

    await warmed.cache.store.clear(null)
    second.session.forgetCached()
    const cleared = second.session.snapshot()
    expect([cleared.serverVersion, cleared.transport, cleared.jobs]).toEqual([null, null, null])
  })

  it('reads a server file of another shape as nothing known', async () => {
    const cache = (started.cache = await tempCacheStore())
    const dir = profileDir(cache.dir, 'p-odd')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'server.json'), JSON.stringify({ version: 3, transport: 'pigeon' }))
    const session = startRecordedSession({
      profile: { ...profileFor('http://127.0.0.1:9'), id: 'p-odd' },
      store: cache.store
    })
    started.sessions.push(session)
    expect([
      session.session.snapshot().serverVersion,
      session.session.snapshot().transport
    ]).toEqual([null, null])
  })
})
