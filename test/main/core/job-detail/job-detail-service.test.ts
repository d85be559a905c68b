import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import type { DinkyClient } from '../../../../src/main/core/dinky/types'
import { JobDetailService } from '../../../../src/main/core/job-detail/job-detail-service'
import { silentLogger } from '../../../../src/main/core/logger'
import { systemClock } from '../../../../src/main/core/ports'
import type { ModuleCache } from '../../../../src/main/core/cache/module-cache'
import type { ProfileCache } from '../../../../src/main/core/cache/cache-store'
import type { SessionUpdate } from '../../../../src/shared/session'
import type { Job } from '../../../../src/shared/models'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { waitUntil } from '../../../support/wait-until'

/** A profile cache whose module document lives in memory, so a second service can start from it. */
function memoryCache(): ProfileCache & { doc: Record<string, unknown> | null } {
  const cache = {
    doc: null as Record<string, unknown> | null,
    profileId: 'p',
    snapshot: () => ({ jobs: null, counts: null, clusters: null, taskManagers: {}, sysInfo: null }),
    logTails: () => [],
    saveSnapshot: () => undefined,
    appendLog: () => undefined,
    module: (): ModuleCache => ({
      read: () => (cache.doc ? JSON.parse(JSON.stringify(cache.doc)) : null),
      write: (value) => {
        cache.doc = value
      }
    })
  }
  return cache
}

describe('JobDetailService against the simulator', () => {
  let sim: Simulator
  let client: DinkyClient
  let jobs: Job[]
  /** How far the simulator's clock runs ahead of the wall clock: checkpoints fall due without waiting for them. */
  let ahead = 0
  beforeEach(async () => {
    ahead = 0
    const now = () => Date.now() + ahead
    sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 60_000, now })
    client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', 'dinky123!@#', 1)
    jobs = await client.jobs()
  })
  afterEach(async () => {
    await client.dispose()
    await sim.close()
  })

  const service = (cache: ProfileCache, updates: SessionUpdate[], live = () => true) =>
    new JobDetailService({
      client,
      cache,
      clock: systemClock,
      logger: silentLogger,
      budgetPerSecond: () => 10,
      isLive: live,
      jobs: () => jobs,
      emit: (update) => updates.push(update),
      openIntervalMs: 300,
      sweepMinAgeMs: 60_000
    })

  it('polls the open job, sweeps the running ones into summaries, and reopens from the cache offline', async () => {
    const cache = memoryCache()
    const updates: SessionUpdate[] = []
    const running = jobs.filter((job) => job.status === 'RUNNING')
    const open = running[0]
    sim.control.jobHealth.failCheckpoints(open.taskId)
    sim.control.jobHealth.checkpointInterval(100)
    const first = service(cache, updates)
    expect(first.open(open.id)).toBeNull()
    first.start()
    const healthOf = () => updates.filter((u) => u.type === 'job-health')
    const openHealth = () => healthOf().filter((u) => u.summary.instanceId === open.id)
    await waitUntil(
      'three polls of the open job, the last one checkpoint-failing, and every running job swept',
      () =>
        openHealth().length >= 3 &&
        openHealth().at(-1)?.summary.reasons.includes('checkpoint-failing') &&
        running.every((job) => healthOf().some((u) => u.summary.instanceId === job.id)),
      { state: () => JSON.stringify(openHealth().map((u) => u.summary.reasons)) }
    )
    first.stop()
    const health = healthOf()
    const forOpen = openHealth()
    expect(forOpen.length).toBeGreaterThanOrEqual(3)
    expect(forOpen.every((u) => u.detail !== null)).toBe(true)
    expect(forOpen.at(-1)?.summary.reasons).toContain('checkpoint-failing')
    const swept = new Set(health.map((u) => u.summary.instanceId))
    for (const job of running) expect(swept.has(job.id)).toBe(true)
    expect(
      health.filter((u) => u.summary.instanceId !== open.id).every((u) => u.detail === null)
    ).toBe(true)

    await sim.close()
    const offline = service(cache, [], () => false)
    const cached = offline.open(open.id)
    expect(cached?.stale).toBe(true)
    expect(cached?.value.checkpoints?.failed).toBeGreaterThan(0)
    const swept2 = jobs.filter((j) => ['RUNNING', 'RESTARTING', 'RECONNECTING'].includes(j.status))
    expect(offline.summaries().length).toBe(swept2.length)
  })

  it('reports Flink lost (not a failure) while Dinky cannot reach Flink', async () => {
    const updates: SessionUpdate[] = []
    const svc = service(memoryCache(), updates)
    const open = jobs.find((job) => job.status === 'RUNNING')!
    const instance = sim.control.world.instances.find((i) => i.id === open.id)!
    svc.open(open.id)
    svc.start()
    sim.control.jobHealth.setFlinkReachable(instance.clusterId, false)
    const lastDetail = () => updates.filter((u) => u.type === 'job-health' && u.detail).at(-1)
    await waitUntil(
      'a poll that finds Flink lost',
      () => {
        const last = lastDetail()
        return last?.type === 'job-health' && last.detail?.value.flinkLost
      },
      { state: () => JSON.stringify(lastDetail()) }
    )
    svc.stop()
    const last = lastDetail()
    expect(last?.type === 'job-health' && last.detail?.value).toMatchObject({
      status: 'RECONNECTING',
      flinkLost: true
    })
  })

  it('follows the JobManager log through the log delta: each poll adds only the new lines', async () => {
    const updates: SessionUpdate[] = []
    const svc = service(memoryCache(), updates)
    const clusters = await client.clusters()
    const address = clusters.find((c) => c.id === 1)?.jobManagerHost ?? ''
    sim.control.jobHealth.checkpointInterval(100)
    ahead += 300
    sim.control.tick()
    const first = await svc.followFlinkLog({ kind: 'jm-log', address })
    expect(first.process).toBe(`flink:jm-log@${address}`)
    const firstLines = first.chunks.flatMap((c) => c.lines)
    expect(firstLines.some((line) => line.includes('Completed checkpoint'))).toBe(true)
    ahead += 300
    sim.control.tick()
    const second = await svc.followFlinkLog({ kind: 'jm-log', address })
    const secondLines = second.chunks.flatMap((c) => c.lines)
    expect(secondLines.length).toBeGreaterThan(0)
    expect(secondLines.some((line) => firstLines.includes(line))).toBe(false)
    const dump = await svc.followFlinkLog({ kind: 'jm-thread-dump', address })
    expect(dump.chunks.flatMap((c) => c.lines).some((l) => l.startsWith('"main" Id=1'))).toBe(true)
    const alerts = await svc.alerts(jobs.find((j) => j.status === 'FAILED')?.id ?? 0)
    expect(alerts.value[0]?.title).toMatch(/failed/i)
    const versions = await svc.versions(1)
    expect(versions.value).toHaveLength(3)
    expect(updates.filter((u) => u.type === 'log').length).toBeGreaterThan(0)
  })
})
