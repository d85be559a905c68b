/**
 * The job list's duration as a real Dinky 1.1.0 sends it (as of the row's last save, up to ~5 min old), made live
 * again: against the simulator over loopback, whose clock is moved past the save.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { createDinkyClient } from '../../src/main/core/dinky/client'
import { silentLogger } from '../../src/main/core/logger'
import { liveDurationMs } from '../../src/shared/job-duration'

// Near the real clock: the client estimates the server's zone from its clock (15-minute steps), so a simulated
// clock far from the real one would shift every parsed time. Whole seconds, as Dinky's times are.
const START = Math.floor(Date.now() / 1000) * 1000
let now = START
let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    tickMs: 0,
    logRate: 0,
    heartbeatMs: 60_000,
    now: () => now
  })
})
afterAll(() => sim.close())

describe('liveDurationMs', () => {
  it('adds the time since the last save to a running job, keeps a done or stale one as saved', async () => {
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', 'dinky123!@#')
    now = START + 4 * 60_000
    const jobs = await client.jobs()
    const running = jobs.find((job) => job.status === 'RUNNING')!
    const created = Date.parse(running.createTime!)
    expect(running.durationMs).toBeLessThan(now - created)
    expect(liveDurationMs(running, now, true)).toBe(now - created)
    expect(liveDurationMs(running, now, false)).toBe(running.durationMs)
    const done = jobs.find((job) => job.status === 'FAILED' || job.status === 'FINISHED')!
    expect(liveDurationMs(done, now, true)).toBe(done.durationMs)
  })
})
