/**
 * The latest checkpoint by operator through Dinky's Flink proxy, against the simulator on loopback: the service
 * lays the breakdown of the 30-vertex job's latest completed checkpoint on the open drawer's detail (named by the
 * plan, sizes adding up), a checkpoint Flink no longer keeps gives the "could not be read" sentence, and the proxy
 * answers other Flink paths with Flink's errors and an unreachable Flink with Dinky's envelope.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import type { DinkyClient } from '../../../../src/main/core/dinky/types'
import { CheckpointOperatorReads } from '../../../../src/main/core/job-detail/checkpoint-operators'
import { JobDetailService } from '../../../../src/main/core/job-detail/job-detail-service'
import { silentLogger } from '../../../../src/main/core/logger'
import { systemClock } from '../../../../src/main/core/ports'
import type { ProfileCache } from '../../../../src/main/core/cache/cache-store'
import type { JobHealthDetail } from '../../../../src/shared/job-health'
import type { SessionUpdate } from '../../../../src/shared/session'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { waitUntil } from '../../../support/wait-until'
import { getJson, login } from '../../../simulator/helpers'

describe('checkpoint by operator through the Flink proxy', () => {
  let sim: Simulator
  let client: DinkyClient
  beforeEach(async () => {
    sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
    client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', 'dinky123!@#', 1)
  })
  afterEach(async () => {
    await client.dispose()
    await sim.close()
  })

  const instanceOf = (name: string) =>
    sim.control.world.latestInstances().find((i) => i.name === name && i.status === 'RUNNING')!

  it('lays the latest completed checkpoint by operator on the open job', async () => {
    const instance = instanceOf('risk_payment_alert')
    const updates: SessionUpdate[] = []
    const svc = new JobDetailService({
      client,
      cache: { module: () => null } as unknown as ProfileCache,
      clock: systemClock,
      logger: silentLogger,
      budgetPerSecond: () => 10,
      isLive: () => true,
      jobs: () => [],
      emit: (update) => updates.push(update),
      openIntervalMs: 3_600_000
    })
    svc.open(instance.id)
    svc.start()
    const detail = await waitUntil('the first detail', () =>
      updates.flatMap((u) => (u.type === 'job-health' && u.detail ? [u.detail.value] : [])).at(0)
    )
    svc.stop()
    const ops = detail.checkpointOperators
    if (!ops || !('operators' in ops)) throw new Error(`no operators: ${JSON.stringify(ops)}`)
    const latest = detail.checkpoints!.latestCompleted!
    expect(ops.checkpointId).toBe(latest.id)
    expect(ops.operators).toHaveLength(30)
    const names = new Map(detail.vertices.map((v) => [v.id, v.name]))
    for (const op of ops.operators) expect(op.name).toBe(names.get(op.vertexId))
    const state = ops.operators.reduce((sum, op) => sum + (op.stateSize ?? 0), 0)
    expect(Math.abs(state - latest.stateSize!)).toBeLessThanOrEqual(30)
    const sink = ops.operators.find((op) => op.name.startsWith('Sink: print_audit'))!
    expect(sink.stateSize).toBe(0)
    expect(Math.max(...ops.operators.map((op) => op.endToEndMs ?? 0))).toBe(latest.durationMs)
    expect(ops.operators.every((op) => op.acknowledged === op.subtasks)).toBe(true)
  })

  it('says why when Flink no longer keeps the checkpoint', async () => {
    const instance = instanceOf('risk_payment_alert')
    const host = sim.control.world.clusters.find((c) => c.id === instance.clusterId)!.jobManagerHost
    const detail = {
      instanceId: instance.id,
      jid: instance.jid,
      status: 'RUNNING',
      flinkLost: false,
      jobManagerAddress: host,
      vertices: [],
      checkpoints: { latestCompleted: { id: 1 } }
    } as unknown as JobHealthDetail
    const reads = new CheckpointOperatorReads()
    expect(await reads.read(client, detail)).toBe(1)
    const value = reads.known(detail)
    expect(value).toMatchObject({ checkpointId: 1 })
    expect(value && 'unavailable' in value && value.unavailable).toMatch(
      /^Flink's checkpoint details could not be read through Dinky: /
    )
    // Kept: no second request for the same checkpoint.
    expect(await reads.read(client, detail)).toBe(0)
  })

  it("answers other Flink paths with Flink's errors, an unreachable Flink with Dinky's envelope", async () => {
    const token = await login(sim)
    const instance = instanceOf('risk_payment_alert')
    const cluster = sim.control.world.clusters.find((c) => c.id === instance.clusterId)!
    const other = await getJson(sim, token, `/api/flink/${cluster.jobManagerHost}/overview`)
    expect(other.body).toEqual({ errors: ['Not found: /overview'] })
    sim.control.jobHealth.setFlinkReachable(cluster.id, false)
    const path = `/api/flink/${cluster.jobManagerHost}/jobs/${instance.jid}/checkpoints/details/1`
    const refused = await getJson(sim, token, path)
    expect(refused.body.code).not.toBe(0)
    expect(refused.body.msg).toContain('Connection refused')
  })
})
