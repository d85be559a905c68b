import { describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../src/shared/connection'
import {
  compareFleetServers,
  FAILING_LISTED,
  summarizeServer,
  type FleetServerInput
} from '../../src/shared/fleet'
import type { Cluster, Job, JobStatus } from '../../src/shared/models'

const LIVE: ConnectionState = { kind: 'live', since: 1 }
const RECONNECTING: ConnectionState = {
  kind: 'reconnecting',
  attempt: 3,
  retryAt: 9,
  reason: 'connection-refused',
  since: 5
}

function job(id: number, status: JobStatus, name = `job_${id}`): Job {
  return {
    id,
    taskId: id + 100,
    name,
    status,
    jid: null,
    type: 'local',
    step: 2,
    createTime: null,
    updateTime: null,
    finishTime: null,
    durationMs: null,
    failedRestartCount: 0
  }
}

function cluster(id: number, available: boolean, enabled = true): Cluster {
  return {
    ...{ id, name: `c${id}`, alias: null, type: 'standalone', hosts: null, jobManagerHost: null },
    ...{ version: '1.17', available, enabled, autoRegisters: false, note: null }
  }
}

function input(fields: Partial<FleetServerInput> = {}): FleetServerInput {
  return {
    profile: { id: 'p', name: 'Prod', url: 'http://prod:8888' },
    streams: [LIVE, LIVE],
    jobs: { value: [job(1, 'RUNNING')], asOf: 1_000, stale: false },
    clusters: { value: [cluster(1, true)], asOf: 1_000, stale: false },
    version: '1.1.0',
    transport: 'sse',
    alertsFiring: 0,
    ...fields
  }
}

describe('summarizeServer', () => {
  it('counts jobs by status, lists the failing ones worst first and tells cluster availability', () => {
    const jobs = [
      job(1, 'RUNNING'),
      job(2, 'RESTARTING', 'b_restarting'),
      job(3, 'FAILED', 'z_failed'),
      job(4, 'FAILING', 'a_failing'),
      job(5, 'FAILED', 'a_failed'),
      job(6, 'RUNNING')
    ]
    const summary = summarizeServer(
      input({
        jobs: { value: jobs, asOf: 2_000, stale: false },
        clusters: {
          value: [cluster(1, true), cluster(2, false), cluster(3, false, false)],
          asOf: 2_000,
          stale: false
        },
        alertsFiring: 2
      })
    )
    expect(summary.counts).toEqual({ total: 6, RUNNING: 2, RESTARTING: 1, FAILED: 2, FAILING: 1 })
    expect(summary.failing.map((f) => f.name)).toEqual([
      'a_failed',
      'z_failed',
      'a_failing',
      'b_restarting'
    ])
    expect(summary.failing[0]).toEqual({
      jobId: 5,
      taskId: 105,
      name: 'a_failed',
      status: 'FAILED'
    })
    expect(summary.failingTotal).toBe(4)
    // The disabled cluster is not counted: nobody expects it to answer.
    expect(summary.clusters).toEqual({ available: 1, total: 2 })
    expect(summary).toMatchObject({ state: 'live', asOf: 2_000, stale: false, alertsFiring: 2 })
    expect(summary).toMatchObject({ version: '1.1.0', transport: 'sse', readOnly: false })
  })

  it(`lists at most ${FAILING_LISTED} failing jobs but counts them all`, () => {
    const jobs = Array.from({ length: 25 }, (_, i) =>
      job(i, 'FAILED', `f${String(i).padStart(2, '0')}`)
    )
    const summary = summarizeServer(input({ jobs: { value: jobs, asOf: 1, stale: false } }))
    expect(summary.failing).toHaveLength(FAILING_LISTED)
    expect(summary.failing[0].name).toBe('f00')
    expect(summary.failingTotal).toBe(25)
  })

  it('is stale when the server is not live or its list is a cached copy, and not when degraded', () => {
    expect(summarizeServer(input({ streams: [LIVE, RECONNECTING] }))).toMatchObject({
      state: 'reconnecting',
      stale: true
    })
    const cached = input({ jobs: { value: [], asOf: 5, stale: true } })
    expect(summarizeServer(cached).stale).toBe(true)
    // Degraded is live data by polling (the badge says so too): not stale.
    const degraded: ConnectionState = {
      kind: 'degraded',
      reason: 'proxy-buffering',
      attempt: 1,
      retryAt: 9,
      since: 1
    }
    expect(summarizeServer(input({ streams: [LIVE, degraded] }))).toMatchObject({
      state: 'degraded',
      stale: false
    })
  })

  it('says unknown and nothing read for a server never reached', () => {
    const summary = summarizeServer(
      input({ streams: [], jobs: null, clusters: null, version: null, transport: null })
    )
    expect(summary).toMatchObject({
      state: 'unknown',
      asOf: null,
      stale: true,
      counts: { total: 0 },
      failing: [],
      failingTotal: 0,
      clusters: null
    })
    // A stale empty placeholder (time 0) has no age either.
    expect(summarizeServer(input({ jobs: { value: [], asOf: 0, stale: true } })).asOf).toBeNull()
  })

  it('marks a read-only profile', () => {
    const profile = { id: 'p', name: 'Prod', url: 'http://prod', readOnly: true }
    expect(summarizeServer(input({ profile })).readOnly).toBe(true)
  })
})

describe('compareFleetServers', () => {
  const named = (name: string, fields: Partial<FleetServerInput> = {}) =>
    summarizeServer(input({ profile: { id: name, name, url: `http://${name}` }, ...fields }))
  const order = (...servers: ReturnType<typeof named>[]) =>
    [...servers].sort(compareFleetServers).map((server) => server.name)

  it('puts failing jobs first, then firing alerts, then the connection, then clusters down', () => {
    const failing = named('failing', { jobs: { value: [job(1, 'FAILED')], asOf: 1, stale: false } })
    const alerting = named('alerting', { alertsFiring: 1 })
    const down = named('down', { streams: [RECONNECTING] })
    const expired: ConnectionState = { kind: 'auth-expired', reason: 'token-expired', since: 1 }
    const locked = named('locked', { streams: [expired] })
    const clusterDown = named('cluster', {
      clusters: { value: [cluster(1, false)], asOf: 1, stale: false }
    })
    const fine = named('fine')
    expect(order(fine, clusterDown, down, locked, alerting, failing)).toEqual([
      'failing',
      'alerting',
      'locked',
      'down',
      'cluster',
      'fine'
    ])
  })

  it('ranks a server never heard from with the connecting ones, above live ones', () => {
    const unheard = named('unheard', { streams: [], jobs: null })
    const fine = named('a-fine')
    expect(order(fine, unheard)).toEqual(['unheard', 'a-fine'])
  })

  it('orders equals by name, then id, so the order holds still', () => {
    const b = named('b')
    const a = named('a')
    const twin = summarizeServer(input({ profile: { id: 'z', name: 'a', url: 'http://z' } }))
    expect(order(b, twin, a)).toEqual(['a', 'a', 'b'])
    expect([b, twin, a].sort(compareFleetServers).map((s) => s.profileId)).toEqual(['a', 'z', 'b'])
  })
})
