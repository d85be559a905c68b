/**
 * The backfill half of `metrics`: one hour of samples for 10 jobs in the simulator's history (every 5 s, two
 * vertices × four metrics, as Dinky stores them), read by the session's metrics module after a reconnect — all of
 * it, in 15-minute windows, filtered by job and parsed (1.1 returns every job's rows with `content` as a string).
 * Baseline: one bare `getFlinkData` fetch of the same hour, bytes and time, nothing parsed.
 */
import { createDinkyClient } from '../src/main/core/dinky/client'
import { silentLogger } from '../src/main/core/logger'
import { SessionMetrics } from '../src/main/core/metrics/session-metrics'
import { systemClock, type FetchLike } from '../src/main/core/ports'
import { startSimulator } from '../src/simulator/index'
import { round } from './bench-types'

const JOBS = 10
const HOUR_MS = 60 * 60 * 1000
const PERIOD_MS = 5_000

export interface BackfillFigures {
  backfill_ms: number
  backfill_bytes: number
  backfill_requests: number
  samples: number
  baseline_fetch_ms: number
  baseline_bytes: number
}

export async function measureBackfill(): Promise<BackfillFigures> {
  const sim = await startSimulator({ tickMs: 0, logRate: 0, heartbeatMs: 60_000 })
  try {
    const now = Date.now()
    const jids = Array.from({ length: JOBS }, (_, i) => i.toString(16).padStart(32, 'f'))
    const samples = []
    for (let at = now - HOUR_MS; at < now; at += PERIOD_MS) {
      for (const jid of jids) {
        const content: Record<string, Record<string, string>> = {}
        for (const vertex of [
          'cbc357ccb763df2852fee8c4fc7d55f2',
          '0a448493b4782967b150582570326227'
        ])
          content[vertex] = {
            '0.numRecordsInPerSecond': (Math.random() * 5000).toFixed(1),
            '0.numRecordsOutPerSecond': (Math.random() * 5000).toFixed(1),
            '0.busyTimeMsPerSecond': String(Math.floor(Math.random() * 1000)),
            numRecordsIn: String(Math.floor(Math.random() * 9e6))
          }
        samples.push({ at, jid, content })
      }
    }
    sim.control.world.metrics.seedHistory(samples)
    let bytes = 0
    let requests = 0
    const counting: FetchLike = async (input, init) => {
      const response = await fetch(input, init)
      const body = await response.arrayBuffer()
      if (String(input).includes('getFlinkData')) {
        bytes += body.byteLength
        requests += 1
      }
      return new Response(body, { status: response.status, headers: response.headers })
    }
    const client = createDinkyClient({ baseUrl: sim.url, logger: silentLogger, fetch: counting })
    await client.login('admin', 'dinky123!@#', 1)
    const metrics = new SessionMetrics({
      client,
      clock: systemClock,
      logger: silentLogger,
      jobs: () => [],
      onTopicsChanged: () => undefined
    })
    for (const jid of jids) metrics.open(jid, 'bench')
    const started = performance.now()
    metrics.onSubscribed(jids)
    await metrics.settled()
    const backfillMs = performance.now() - started
    const got = jids.reduce((sum, jid) => sum + (metrics.view(jid)?.points.length ?? 0), 0)
    await metrics.stop()

    const url = `${sim.url}/api/monitor/getFlinkData?startTime=${now - HOUR_MS}&endTime=${now}&flinkJobIds=${jids.join(',')}`
    const token = client.streamAuth()!
    const bareStart = performance.now()
    const bare = await fetch(url, {
      headers: { [token.tokenName]: token.tokenValue, cookie: 'tenantId=1' }
    })
    const bareBytes = (await bare.arrayBuffer()).byteLength
    const bareMs = performance.now() - bareStart
    await client.dispose()
    return {
      backfill_ms: round(backfillMs),
      backfill_bytes: bytes,
      backfill_requests: requests,
      samples: got,
      baseline_fetch_ms: round(bareMs),
      baseline_bytes: bareBytes
    }
  } finally {
    await sim.close()
  }
}
