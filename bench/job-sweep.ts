/**
 * `job_sweep` (issue 15): the job-detail module's real scheduler and client against the simulator, with demand
 * far above the budget (every running job wants a detail each second, one drawer open). Measured at the wire:
 * every `refreshJobInfoDetail` request's start time, through the fetch the client uses. Figures: the mean rate and
 * the most requests in any one-second window, against the budget; and the rate while Dinky answers slowly (1.5 s),
 * which must back off below the budget.
 */
import { createDinkyClient } from '../src/main/core/dinky/client'
import { JobDetailService } from '../src/main/core/job-detail/job-detail-service'
import { silentLogger } from '../src/main/core/logger'
import { systemClock } from '../src/main/core/ports'
import { createMemoryCacheStore } from '../src/main/cli/memory-cache-store'
import { startSimulator } from '../src/simulator/index'
import { round, type BenchOptions, type BenchResult } from './bench-types'

const DETAIL = '/api/jobInstance/refreshJobInfoDetail'

async function measure(budget: number, seconds: number, slowMs: number) {
  const sim = await startSimulator({ port: 0, tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
  const starts: number[] = []
  const fetchCounting: typeof fetch = (input, init) => {
    if (String(input).includes(DETAIL)) starts.push(performance.now())
    return fetch(input, init)
  }
  const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger, fetch: fetchCounting })
  await client.login('admin', 'dinky123!@#', 1)
  const jobs = await client.jobs()
  if (slowMs > 0) sim.control.slowResponses(slowMs)
  const service = new JobDetailService({
    client,
    cache: createMemoryCacheStore().profile('bench'),
    clock: systemClock,
    logger: silentLogger,
    budgetPerSecond: () => budget,
    isLive: () => true,
    jobs: () => jobs,
    emit: () => undefined,
    sweepMinAgeMs: 1_000
  })
  const open = jobs.find((job) => job.status === 'RUNNING')
  if (open) service.open(open.id)
  const began = performance.now()
  service.start()
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  service.stop()
  const elapsed = (performance.now() - began) / 1000
  let maxWindow = 0
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i] - starts[j] >= 1000) j++
    maxWindow = Math.max(maxWindow, i - j + 1)
  }
  await client.dispose()
  await sim.close()
  const swept = jobs.filter((j) =>
    ['RUNNING', 'RESTARTING', 'RECONNECTING'].includes(j.status)
  ).length
  return { rps: starts.length / elapsed, maxWindow, requests: starts.length, demand: swept + 1 / 3 }
}

export async function runJobSweep(options: BenchOptions): Promise<BenchResult> {
  const seconds = options.quick ? 4 : 15
  options.log(`job_sweep: budget 1/s for ${seconds} s`)
  const one = await measure(1, seconds, 0)
  options.log(`job_sweep: budget 4/s for ${seconds} s`)
  const four = await measure(4, seconds, 0)
  options.log(`job_sweep: budget 4/s, Dinky answering in 1.5 s, for ${seconds} s`)
  const slow = await measure(4, seconds, 1_500)
  const verdicts = [
    `budget 1/s: ${round(one.rps, 2)} requests/s measured, at most ${one.maxWindow} in any second (demand ${round(one.demand, 1)}/s)`,
    `budget 4/s: ${round(four.rps, 2)} requests/s measured, at most ${four.maxWindow} in any second`,
    `slow Dinky (1.5 s answers), budget 4/s: ${round(slow.rps, 2)} requests/s — backed off`,
    one.maxWindow <= 1 && four.maxWindow <= 4
      ? 'never above the budget: met'
      : 'above the budget: NOT met'
  ]
  return {
    name: 'job_sweep',
    method:
      'JobDetailService (scheduler + client) against the simulator for a fixed time, demand above the budget ' +
      '(each running job due every second, one open drawer); request start times taken at the fetch.',
    figures: {
      rps_budget_1: round(one.rps, 3),
      budget_1: 1,
      max_in_1s_budget_1: one.maxWindow,
      rps_budget_4: round(four.rps, 3),
      budget_4: 4,
      max_in_1s_budget_4: four.maxWindow,
      rps_slow_budget_4: round(slow.rps, 3),
      demand_rps: round(one.demand, 2),
      seconds
    },
    verdicts
  }
}
