/**
 * What a real Dinky 1.1.0 sent that the simulator and the console had wrong (docs/real-dinky-findings.md): job rows
 * as Dinky stores them (the epoch `finishTime` of a running job, a duration as of the last save) and the
 * `Result` with code 5 for a request Spring rejects. Over loopback against the simulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import { silentLogger } from '../../../../src/main/core/logger'
import {
  authHeaders,
  getJson,
  login,
  postJson,
  TEST_OPTIONS,
  type Json
} from '../../../simulator/helpers'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ port: 0, ...TEST_OPTIONS })
})
afterAll(() => sim.close())

async function wireRows(): Promise<Json[]> {
  const token = await login(sim)
  const { body } = await postJson(sim, token, '/api/jobInstance', { current: 1, pageSize: 100 })
  return body.data
}

describe('job rows as a real Dinky 1.1.0 stores them', () => {
  it('the simulator writes the epoch finishTime of a running job, in the server zone', async () => {
    const running = (await wireRows()).filter((row) => row.status === 'RUNNING' && row.jid)
    expect(running.length).toBeGreaterThan(0)
    for (const row of running) expect(row.finishTime).toBe('1970-01-01 08:00:00')
  })

  it('the simulator lists the duration of the last save, not a live one', async () => {
    const row = (await wireRows()).find((r) => r.status === 'RUNNING')
    const wall = (text: string) => Date.parse(text.replace(' ', 'T') + 'Z')
    expect(row.duration).toBe(wall(row.updateTime) - wall(row.createTime))
  })

  it('the console keeps no finish time for a running job, and a real one for a finished job', async () => {
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', 'dinky123!@#')
    const jobs = await client.jobs()
    const running = jobs.filter((job) => job.status === 'RUNNING' && job.jid)
    expect(running.length).toBeGreaterThan(0)
    for (const job of running) expect(job.finishTime).toBeNull()
    const done = jobs.find((job) => job.status === 'FAILED' || job.status === 'FINISHED')
    expect(done?.finishTime).toMatch(/^20\d\d-/)
    const detail = await client.jobDetail(running[0].id)
    expect(detail.job.finishTime).toBeNull()
  })
})

describe('a request Spring rejects before the controller', () => {
  it('/api/current without the tenantId cookie: HTTP 200, code 5, the stack trace in data', async () => {
    const token = await login(sim)
    const res = await fetch(`${sim.url}/api/current`, { headers: { [sim.tokenName]: token } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    expect(body.code).toBe(5)
    expect(body.success).toBe(false)
    expect(body.msg).toBe(
      "Required cookie 'tenantId' for method parameter type Integer is not present"
    )
    expect(body.data).toMatch(/^org\.springframework\.web\.bind\.MissingRequestCookieException: /)
    expect(Object.keys(body)).toEqual(['data', 'code', 'msg', 'time', 'success'])
    const withCookie = await getJson(sim, token, '/api/current')
    expect(withCookie.body.code).toBe(0)
    expect(authHeaders(sim, token).Cookie).toBe('tenantId=1')
  })
})

describe('job rows of a real Dinky 1.0.3', () => {
  it('carry no owner fields (they came with 1.1.0)', async () => {
    const old = await startSimulator({ port: 0, ...TEST_OPTIONS, version: '1.0.3' })
    try {
      const token = await login(old)
      const { body } = await postJson(old, token, '/api/jobInstance', { current: 1, pageSize: 5 })
      expect(body.data[0]).not.toHaveProperty('firstLevelOwner')
      expect(body.data[0]).not.toHaveProperty('secondLevelOwners')
      expect((await wireRows())[0]).toHaveProperty('firstLevelOwner')
    } finally {
      await old.close()
    }
  })
})
