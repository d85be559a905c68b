import { describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../../src/shared/connection'
import type { Cluster, Job, StatusCounts, SysInfo } from '../../../../src/shared/models'
import { DEFAULT_CONNECTION_SETTINGS } from '../../../../src/shared/profiles'
import { DinkyError } from '../../../../src/main/core/dinky/dinky-error'
import type { DinkyProcess } from '../../../../src/main/core/dinky/types'
import { silentLogger } from '../../../../src/main/core/logger'
import type { Clock, TimerHandle } from '../../../../src/main/core/ports'
import { SyncEngine, type SyncClient } from '../../../../src/main/core/sync/sync-engine'

/** A clock whose timers run only when the test advances it: backoff and poll cadence are the subject here. */
class ManualClock implements Clock {
  private time = 1_000_000
  private timers = new Map<number, { at: number; run: () => void }>()
  private next = 1
  now = () => this.time
  setTimeout = (run: () => void, ms: number): TimerHandle => {
    const id = this.next++
    this.timers.set(id, { at: this.time + ms, run })
    return id as unknown as TimerHandle
  }
  clearTimeout = (handle: TimerHandle) => void this.timers.delete(handle as unknown as number)
  pending = () => this.timers.size
  async advance(ms: number) {
    const until = this.time + ms
    for (;;) {
      const due = [...this.timers]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0]
      if (!due) break
      this.timers.delete(due[0])
      this.time = due[1].at
      due[1].run()
      await settle()
    }
    this.time = until
    await settle()
  }
}

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve))
}

const job = (id: number, status: Job['status']) =>
  ({ id, taskId: id, name: `j${id}`, status }) as Job
const refused = () =>
  new DinkyError({ endpoint: '/api/jobInstance', reason: 'connection-refused', detail: 'x' })

function harness(overrides: Partial<SyncClient> = {}, followed: string[] = []) {
  const calls = { jobs: 0, clusters: 0, sysInfo: 0, relogin: 0 }
  const filled: string[] = []
  let failing: (() => Error) | null = null
  let jobs: Job[] = [job(1, 'RUNNING')]
  const client: SyncClient = {
    jobs: async () => {
      calls.jobs++
      if (failing) throw failing()
      return jobs
    },
    statusCounts: async () => ({ all: jobs.length }) as StatusCounts,
    clusters: async () => {
      calls.clusters++
      return [] as Cluster[]
    },
    taskManagers: async () => [],
    sysInfo: async () => {
      calls.sysInfo++
      return {} as SysInfo
    },
    process: async () => null,
    ...overrides
  }
  const clock = new ManualClock()
  const states: ConnectionState[] = []
  const transitions: string[] = []
  let reloginWorks = true
  const engine = new SyncEngine({
    client,
    clock,
    logger: silentLogger,
    settings: {
      ...DEFAULT_CONNECTION_SETTINGS,
      backoffBaseMs: 1_000,
      jobsPollMs: 5_000,
      clustersPollMs: 30_000
    },
    random: () => 1,
    followed: () => followed,
    relogin: async () => {
      calls.relogin++
      if (!reloginWorks) throw new Error('refused')
      failing = null
    },
    events: {
      onState: (state) => states.push(state),
      onJobs: (_jobs, _counts, _asOf, changes) =>
        transitions.push(...changes.map((t) => `${t.from}->${t.to}`)),
      onClusters: () => undefined,
      onSysInfo: () => undefined,
      onProcess: (process) => filled.push(process)
    }
  })
  return {
    engine,
    clock,
    calls,
    filled,
    states,
    transitions,
    fail: (error: (() => Error) | null) => (failing = error),
    setJobs: (next: Job[]) => (jobs = next),
    breakRelogin: () => (reloginWorks = false)
  }
}

describe('SyncEngine', () => {
  it('polls jobs every 5 s and clusters every 30 s while live', async () => {
    const h = harness()
    h.engine.start()
    await settle()
    expect(h.engine.current().kind).toBe('live')
    await h.clock.advance(30_000)
    expect(h.calls.jobs).toBe(1 + 6)
    expect(h.calls.clusters).toBe(1 + 1)
    h.engine.stop()
    expect(h.clock.pending()).toBe(0)
  })

  it('turns a failed poll into reconnecting with its reason, backs off, then resyncs', async () => {
    const h = harness()
    h.engine.start()
    await settle()
    h.fail(refused)
    await h.clock.advance(5_000)
    expect(h.engine.current()).toMatchObject({
      kind: 'reconnecting',
      attempt: 1,
      reason: 'connection-refused'
    })
    await h.clock.advance(1_000)
    expect(h.engine.current()).toMatchObject({ kind: 'reconnecting', attempt: 2 })
    h.fail(null)
    const clustersBefore = h.calls.clusters
    await h.clock.advance(2_000)
    expect(h.engine.current().kind).toBe('live')
    // The recovery is a full snapshot, clusters included, not just the next jobs poll.
    expect(h.calls.clusters).toBe(clustersBefore + 1)
    h.engine.stop()
  })

  it('reports each transition once across polls and resyncs', async () => {
    const h = harness()
    h.engine.start()
    await settle()
    h.setJobs([job(1, 'FAILED')])
    await h.clock.advance(5_000)
    await h.engine.resync()
    await h.clock.advance(10_000)
    expect(h.transitions).toEqual(['RUNNING->FAILED'])
    h.engine.stop()
  })

  it('re-logs in once on an expired token, then gives up to auth-expired until retried', async () => {
    const h = harness()
    h.engine.start()
    await settle()
    const expired = () =>
      new DinkyError({ endpoint: '/api/jobInstance', reason: 'token-expired', detail: '401' })
    h.fail(expired)
    await h.clock.advance(5_000)
    expect(h.calls.relogin).toBe(1)
    expect(h.engine.current().kind).toBe('live')

    h.fail(expired)
    h.breakRelogin()
    await h.clock.advance(5_000)
    expect(h.engine.current()).toMatchObject({ kind: 'auth-expired', reason: 'token-expired' })
    expect(h.clock.pending()).toBe(0)
    h.engine.retryNow()
    await settle()
    expect(h.calls.relogin).toBe(3)
    h.engine.stop()
  })

  it('stops polling while offline and resyncs when the network returns', async () => {
    const h = harness()
    h.engine.start()
    await settle()
    h.engine.notifyNetwork(false)
    expect(h.engine.current()).toMatchObject({ kind: 'offline', reason: 'network-offline' })
    const jobsCalls = h.calls.jobs
    await h.clock.advance(60_000)
    expect(h.calls.jobs).toBe(jobsCalls)
    h.engine.notifyNetwork(true)
    await settle()
    expect(h.calls.jobs).toBe(jobsCalls + 1)
    expect(h.engine.current().kind).toBe('live')
    h.engine.stop()
  })

  it('stops asking for system info after a 4xx (Dinky 1.0 has no getSysInfo)', async () => {
    let asked = 0
    const h = harness({
      sysInfo: async () => {
        asked++
        throw new DinkyError({
          endpoint: '/api/system/getSysInfo',
          reason: 'http-4xx',
          detail: '404'
        })
      }
    })
    h.engine.start()
    await settle()
    await h.clock.advance(60_000)
    expect(h.engine.current().kind).toBe('live')
    expect(h.calls.clusters).toBe(3)
    expect(asked).toBe(1)
    h.engine.stop()
  })

  it('leaves the processes of a reconnect to fillProcesses, which a newer snapshot does not cancel', async () => {
    const answers: Array<() => void> = []
    const process = () =>
      new Promise<DinkyProcess>((resolve) => answers.push(() => resolve({} as DinkyProcess)))
    const h = harness({ process }, ['FlinkSubmit/1'])
    h.engine.start()
    await settle()
    answers.splice(0).forEach((answer) => answer())
    await settle()
    expect(h.filled).toEqual(['FlinkSubmit/1'])

    await h.engine.resync({ processes: false })
    expect(answers).toHaveLength(0)
    const filling = h.engine.fillProcesses(['FlinkSubmit/1'])
    await settle()
    void h.engine.resync({ processes: false })
    await settle()
    answers.splice(0).forEach((answer) => answer())
    await filling
    expect(h.filled).toEqual(['FlinkSubmit/1', 'FlinkSubmit/1'])
    h.engine.stop()
  })
})
