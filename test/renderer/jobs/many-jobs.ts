/**
 * Thousands of jobs on each of the demo world's three servers, for the Jobs table at scale: deterministic names in
 * Dinky's layers (ods/dwd/dws/ads), a spread of statuses and update times, and optionally one CDC pipeline name of
 * a few hundred characters without a space.
 */
import type { Job, JobStatus } from '../../../src/shared/models'
import { PROFILES } from '../preview/demo-world'
import { demoStore } from '../render-console'
import type { ConsoleStore } from '../../../src/renderer/src/store/console-store'

export const LONG_NAME = `cdc_mysql_${'order_detail_shard'.repeat(14)}_to_doris_realtime_sink`

const LAYERS = ['ods', 'dwd', 'dws', 'ads', 'dim']
const TOPICS = ['order', 'payment', 'user_behavior', 'inventory', 'risk', 'gmv', 'shop_uv']
const STATUSES: JobStatus[] = [
  'RUNNING',
  'RUNNING',
  'RUNNING',
  'FINISHED',
  'FAILED',
  'CANCELED',
  'RESTARTING',
  'RUNNING'
]
const BASE = Date.UTC(2026, 11, 7, 0, 0, 0)

function dinkyTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
}

/** `count` jobs of the server at `serverIndex` (ids 1..count on every server, as on real Dinky servers). */
export function manyJobs(serverIndex: number, count: number, longName = false): Job[] {
  const jobs: Job[] = []
  for (let i = 0; i < count; i++) {
    const seed = (i * 7919 + serverIndex * 104729) % 1_000_003
    const name = `${LAYERS[seed % 5]}_${TOPICS[seed % 7]}_s${serverIndex}_${String(i).padStart(4, '0')}`
    const update = BASE + ((seed * 37) % 86_400) * 1000
    jobs.push({
      id: i + 1,
      taskId: 1000 + i,
      name: longName && i === 0 ? LONG_NAME : name,
      status: STATUSES[(i + serverIndex) % STATUSES.length],
      jid: null,
      type: i % 3 === 0 ? 'kubernetes-application' : 'yarn-session',
      step: 2,
      createTime: dinkyTime(update - 3_600_000),
      updateTime: dinkyTime(update),
      finishTime: null,
      durationMs: (seed % 500) * 60_000,
      failedRestartCount: seed % 4
    })
  }
  return jobs
}

/** The demo store with `perServer` jobs on each of its three servers ('prod' selected). */
export function storeWithManyJobs(perServer: number, longName = false): ConsoleStore {
  const store = demoStore()
  const asOf = Date.now()
  store.getState().applyPush(
    'jobs:snapshot',
    PROFILES.map((profile, index) => ({
      profileId: profile.id,
      jobs: { value: manyJobs(index, perServer, longName && index === 1), asOf, stale: false },
      counts: null
    }))
  )
  return store
}
