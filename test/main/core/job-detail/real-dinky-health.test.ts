/**
 * Job health as a real Dinky 1.1.0 over a real Flink 1.18.1 reports it, where the simulator and the console had it
 * wrong (docs/real-dinky-findings.md). Over loopback against the simulator.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import { silentLogger } from '../../../../src/main/core/logger'
import { refreshDetailSchema } from '../../../../src/main/core/job-detail/job-detail-schemas'
import { toJobHealthDetail } from '../../../../src/main/core/job-detail/map-job-health'
import { getJson, login } from '../../../simulator/helpers'

let sim: Simulator | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

async function healthOfFirstRunningJob(s: Simulator) {
  const client = createDinkyClient({ baseUrl: s.url, logger: silentLogger })
  await client.login('admin', 'dinky123!@#')
  const running = (await client.jobs()).find((job) => job.status === 'RUNNING')!
  const data = await client.request('/api/jobInstance/refreshJobInfoDetail', refreshDetailSchema, {
    query: { id: running.id, isForce: true }
  })
  return toJobHealthDetail(data)
}

describe('checkpointing off', () => {
  it('Flink says interval Long.MAX_VALUE; the console says no interval', async () => {
    sim = await startSimulator({ port: 0, tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    sim.control.jobHealth.checkpointInterval(0)
    const detail = await healthOfFirstRunningJob(sim)
    expect(detail.checkpointConfig).not.toBeNull()
    expect(detail.checkpointConfig?.intervalMs).toBeNull()
  })
})

describe('a Flink REST address that says https://', () => {
  async function afterHttps(version: string) {
    sim = await startSimulator({ port: 0, tickMs: 0, logRate: 0, heartbeatMs: 60_000, version })
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', 'dinky123!@#')
    expect(await client.version()).toBe(version)
    for (const cluster of await client.clusters()) sim.control.jobHealth.flinkOverHttps(cluster.id)
    const running = (await client.jobs()).find((job) => job.status !== 'FAILED')!
    const data = await client.request(
      '/api/jobInstance/refreshJobInfoDetail',
      refreshDetailSchema,
      { query: { id: running.id, isForce: true } }
    )
    const detail = toJobHealthDetail(data, client.knownVersion?.() ?? null)
    return { clusters: await client.clusters(), detail }
  }

  it('on Dinky 1.1.0 is named as the cause: Dinky prefixes http://, every Flink read fails', async () => {
    const { clusters, detail } = await afterHttps('1.1.0')
    expect(clusters.length).toBeGreaterThan(0)
    for (const cluster of clusters) {
      expect(cluster.jobManagerHost).toMatch(/^https:\/\//)
      expect(cluster.available).toBe(false)
      expect(cluster.flinkHttpsBlocked).toBe(true)
    }
    expect(detail.flinkLost).toBe(true)
    expect(detail.flinkHttpsBlocked).toBe(true)
  })

  it('on Dinky 1.2.0 is no problem', async () => {
    const { clusters, detail } = await afterHttps('1.2.0')
    for (const cluster of clusters) expect(cluster.flinkHttpsBlocked).toBeUndefined()
    expect(detail.flinkLost).toBe(false)
    expect(detail.flinkHttpsBlocked).toBeUndefined()
  })
})

describe("Flink's job JSON through getJobInfoDetail, as a real Flink 1.18.1 writes it", () => {
  it('lists every job state in timestamps, every execution state in status-counts', async () => {
    sim = await startSimulator({ port: 0, tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    const token = await login(sim)
    const running = sim.control.world.latestInstances().find((i) => i.status === 'RUNNING')!
    const { body } = await getJson(sim, token, `/api/jobInstance/getJobInfoDetail?id=${running.id}`)
    const dto = body.data.jobDataDto
    expect(Object.keys(dto.job.timestamps)).toEqual(
      'CREATED FAILING FAILED RUNNING CANCELLING SUSPENDED CANCELED RESTARTING INITIALIZING FINISHED RECONCILING'.split(
        ' '
      )
    )
    expect(dto.job.timestamps.FAILED).toBe(0)
    expect(Object.keys(dto.job['status-counts'])).toEqual(
      'CREATED FAILED RUNNING CANCELED CANCELING INITIALIZING FINISHED SCHEDULED RECONCILING DEPLOYING'.split(
        ' '
      )
    )
    expect(dto.job['status-counts'].RUNNING).toBe(dto.job.vertices.length)
    expect(dto.checkpointsConfig).toHaveProperty('changelog_periodic_materialization_interval')
    expect(dto.checkpointsConfig).not.toHaveProperty('periodic_materialization_interval')
  })
})
