import { afterEach, describe, expect, it } from 'vitest'
import { bindStoreToIpc, type IpcBinding } from '../../../src/renderer/src/ipc/bind-store-to-ipc'
import { createConsoleStore } from '../../../src/renderer/src/store/console-store'
import { metricsKey } from '../../../src/renderer/src/store/metrics-slice'
import type { JobMetricsState, JobMetricsView, MetricsPoint } from '../../../src/shared/metrics'
import { createFakeApi } from '../fake-api'

const JID = 'a1b2c3'
const KEY = metricsKey('prod', JID)
let binding: IpcBinding | null = null
afterEach(() => binding?.dispose())

const point = (at: number): MetricsPoint => ({
  at,
  values: { v1: { numRecordsIn: String(at) } },
  source: 'push'
})
const state = (
  lastSampleAt: number,
  outages: JobMetricsState['outages'] = []
): JobMetricsState => ({
  jid: JID,
  outages,
  lastSampleAt,
  intervalMs: 1_000,
  diagnosis: 'ok',
  layout: null,
  stale: false,
  asOf: lastSampleAt
})
const view = (ats: number[]): JobMetricsView => ({ ...state(ats.at(-1)!), points: ats.map(point) })
const update = (at: number) => ({ profileId: 'prod', ...state(at), added: [point(at)] })

/** Main's answers to `metrics:view`, each released by the test. */
function setup() {
  const answers: Array<(view: JobMetricsView | null) => void> = []
  const fake = createFakeApi({
    'metrics:view': () => new Promise<JobMetricsView | null>((answer) => answers.push(answer))
  })
  const store = createConsoleStore()
  binding = bindStoreToIpc(fake.api, store)
  return { fake, store, answers }
}

const shownAt = (store: ReturnType<typeof createConsoleStore>) =>
  store.getState().metricsViews[KEY]?.points.map((p) => p.at)

describe('metrics:update gaps', () => {
  it('reads nothing again on a first message numbered 1: main numbers from 1, so nothing was missed', () => {
    const { fake, store } = setup()
    store.getState().setMetricsView('prod', view([1_000, 2_000]))
    fake.push('metrics:update', [update(3_000)], 1)
    fake.push('metrics:update', [update(4_000)], 2)
    expect(fake.callsTo('metrics:view')).toEqual([])
    expect(shownAt(store)).toEqual([1_000, 2_000, 3_000, 4_000])
  })

  it('re-reads the open views after a lost batch and keeps the points pushed meanwhile', async () => {
    const { fake, store, answers } = setup()
    store.getState().setMetricsView('prod', view([1_000]))
    fake.push('metrics:update', [update(2_000)], 1)
    fake.push('metrics:update', [update(3_000)], 3)
    // Message 2 was lost: every open view is read once.
    expect(fake.callsTo('metrics:view')).toEqual([{ profileId: 'prod', jid: JID }])
    answers[0](view([1_000, 2_000, 3_000]))
    await expect.poll(() => shownAt(store)).toEqual([1_000, 2_000, 3_000])

    fake.push('metrics:update', [update(4_000)], 4)
    expect(fake.callsTo('metrics:view')).toHaveLength(1)
    // Batch 5 (the point at 5 s, and an outage main now knows) is lost.
    fake.push('metrics:update', [update(6_000)], 6)
    expect(fake.callsTo('metrics:view')).toHaveLength(2)
    fake.push('metrics:update', [update(7_000)], 7)
    answers[1]({
      ...view([1_000, 2_000, 3_000, 4_000, 5_000, 6_000]),
      outages: [{ from: 100, to: 900 }]
    })
    await expect
      .poll(() => shownAt(store))
      .toEqual([1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000])
    expect(store.getState().metricsViews[KEY].outages).toEqual([{ from: 100, to: 900 }])
  })

  it('does not reopen a view closed while it was being read, nor touch one main no longer holds', async () => {
    const { fake, store, answers } = setup()
    const other = metricsKey('prod', 'f00d')
    store.getState().setMetricsView('prod', view([1_000]))
    store.getState().setMetricsView('prod', { ...view([1_000]), jid: 'f00d' })
    fake.push('metrics:update', [update(2_000)], 1)
    fake.push('metrics:update', [update(3_000)], 7)
    expect(fake.callsTo('metrics:view')).toHaveLength(2)
    store.getState().dropMetricsView('prod', JID)
    answers[0](view([1_000, 2_000]))
    answers[1](null)
    // The fake answers through promises only: one macrotask turn runs every read's continuation to its end.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(store.getState().metricsViews[KEY]).toBeUndefined()
    expect(store.getState().metricsViews[other].points.map((p) => p.at)).toEqual([1_000])
  })
})
