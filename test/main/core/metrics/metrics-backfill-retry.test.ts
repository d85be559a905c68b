/**
 * A `getFlinkData` that keeps failing (a real 1.0.3 install without Hadoop answers every call with an HTTP 500):
 * the backfill retries ever more slowly, up to 5 minutes, and says a repeated error once at WARN, then at INFO.
 * Over loopback against the simulator's failing answers, with an injected clock for the retry timer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../../src/simulator/index'
import { createDinkyClient } from '../../../../src/main/core/dinky/client'
import { silentLogger } from '../../../../src/main/core/logger'
import { MetricsBackfill } from '../../../../src/main/core/metrics/metrics-backfill'
import type { JobSeries } from '../../../../src/main/core/metrics/job-series'
import type { Clock, Logger } from '../../../../src/main/core/ports'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ port: 0, tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
})
afterAll(() => sim.close())

describe('MetricsBackfill against a getFlinkData that keeps failing', () => {
  it('backs off 10 s, 20 s, 40 s … and warns once for the same error', async () => {
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger })
    await client.login('admin', 'dinky123!@#')
    const delays: number[] = []
    let fire: (() => void) | null = null
    const clock: Clock = {
      now: () => Date.now(),
      setTimeout: (callback, ms) => {
        delays.push(ms)
        fire = callback
        return delays.length as unknown as ReturnType<Clock['setTimeout']>
      },
      clearTimeout: () => undefined
    }
    const warnings: string[] = []
    const logger: Logger = {
      ...silentLogger,
      warn: (message) => void warnings.push(message),
      child: () => logger
    }
    const series = { holders: new Set(['view']), covered: () => undefined } as unknown as JobSeries
    const backfill = new MetricsBackfill({
      client,
      clock,
      logger,
      series: () => series,
      streamLive: () => true,
      addPoints: () => undefined,
      covered: () => undefined
    })
    sim.control.failNextRequests(4)
    backfill.want('0123456789abcdef0123456789abcdef', Date.now() - 60_000)
    await backfill.run()
    for (let i = 0; i < 3; i++) {
      const retry = fire!
      fire = null
      retry()
      await backfill.settled()
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000])
    expect(warnings).toEqual(['metrics backfill failed'])
  })
})
