/**
 * Reading 2,000 job instances from a simulated Dinky the way the console polls: pages of 500, newest first, one
 * consistent list even when a restart moves the list between two pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import { silentLogger } from '../../../../src/main/core/logger'
import type { FetchLike } from '../../../../src/main/core/ports'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickMs: 0, logRate: 0, jobs: 2000 })
})
afterAll(() => sim.close())

/** Counts the job-list pages asked for and runs `between` after the first page's answer. */
function pagingFetch(between: (page: number) => void) {
  const pages: number[] = []
  const fetchJobs: FetchLike = async (input, init) => {
    const response = await fetch(input, init)
    if (String(input).endsWith('/api/jobInstance')) {
      const body = JSON.parse(String(init?.body)) as { current: number; pageSize: number }
      pages.push(body.pageSize)
      between(pages.length)
    }
    return response
  }
  return { pages, fetchJobs }
}

describe('the job list at 2,000 jobs', () => {
  it('reads every latest instance once in four pages, agreeing with the status counts', async () => {
    const { pages, fetchJobs } = pagingFetch(() => undefined)
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger, fetch: fetchJobs })
    await client.login('admin', 'dinky123!@#')
    const jobs = await client.jobs()
    expect(jobs).toHaveLength(2000)
    expect(new Set(jobs.map((job) => job.taskId)).size).toBe(2000)
    expect(pages).toEqual([500, 500, 500, 500])
    const counts = await client.statusCounts()
    expect(counts.all).toBe(jobs.length)
    expect(counts.running).toBe(jobs.filter((job) => job.status === 'RUNNING').length)
  })

  it('reads again when a restart moved the list between two pages, and keeps no row twice', async () => {
    // The oldest listed instance is on the last page: every row before it moves down by one.
    const victim = sim.control.world.latestInstances().find((i) => i.taskId > 12)!
    let restarted = 0
    const { pages, fetchJobs } = pagingFetch((page) => {
      // After the first page: a new instance of one task goes on top, on the page already read.
      if (page === 1) restarted = sim.control.world.submit(victim.taskId).id
    })
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger, fetch: fetchJobs })
    await client.login('admin', 'dinky123!@#')
    const jobs = await client.jobs()
    expect(pages.length).toBe(8)
    expect(jobs).toHaveLength(2000)
    expect(new Set(jobs.map((job) => job.id)).size).toBe(2000)
    expect(jobs.find((job) => job.taskId === victim.taskId)?.id).toBe(restarted)
    expect(jobs.map((job) => job.id)).not.toContain(victim.id)
  })
})
