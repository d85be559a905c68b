/**
 * Server-local times against the simulator, which lives in UTC+8 whatever the zone of the machine: a job that just
 * failed must read as failed now, not 8 hours ago (ws-transport.test.ts checks the same over the 1.2 WebSocket).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import type { DinkyClient } from '../../../../src/main/core/dinky/types'
import { silentLogger } from '../../../../src/main/core/logger'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'

const PASSWORD = 'dinky123!@#'
let sim: Simulator | null = null
let client: DinkyClient | null = null
afterEach(async () => {
  await client?.dispose()
  await sim?.close()
  sim = client = null
})

async function loggedIn(version: string) {
  sim = await startSimulator({ version, tickMs: 0, logRate: 0 })
  client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
  await client.login('admin', PASSWORD)
  return { sim, client }
}

describe('server-local times read against the simulator (UTC+8)', () => {
  it('estimates +08:00 and gives a just-failed job an updateTime within a minute of now', async () => {
    const { sim, client } = await loggedIn('1.1.0')
    expect(client.serverUtcOffsetMs()).toBe(8 * 3_600_000)
    const running = (await client.jobs()).find((job) => job.status === 'RUNNING')
    expect(running).toBeDefined()
    sim.control.failJob(running!.taskId)
    const failed = (await client.jobs()).find((job) => job.taskId === running!.taskId)
    expect(failed?.status).toBe('FAILED')
    expect(failed?.updateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    expect(Math.abs(Date.parse(failed!.updateTime!) - Date.now())).toBeLessThan(60_000)
  })

  it('gives a fresh console run on a 1.2 server a startTime within a minute of now', async () => {
    const { sim, client } = await loggedIn('1.2.0')
    sim.control.submit(3)
    const rest = await client.process('FlinkSubmit/3')
    expect(rest?.startTime).toMatch(/\+08:00$/)
    expect(Math.abs(Date.parse(rest!.startTime!) - Date.now())).toBeLessThan(60_000)
  })
})
