/**
 * The fleet overview in the renderer: a card per server, worst first, each saying its state in words and how old
 * its figures are; a click opens that server's overview (or one failing job on its server); and the per-server memo
 * hands every other card the same object when one server changes, so only that card re-renders.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../src/shared/connection'
import type { Job } from '../../../src/shared/models'
import { createFleetSummaries } from '../../../src/renderer/src/features/fleet/fleet-summaries'
import { FleetView } from '../../../src/renderer/src/features/fleet/FleetView'
import { createConsoleStore } from '../../../src/renderer/src/store/console-store'
import { demoJobs, demoSnapshot, NOW, PROFILES } from '../preview/demo-world'
import { renderConsole } from '../render-console'

afterEach(cleanup)

const refused: ConnectionState = {
  kind: 'reconnecting',
  attempt: 4,
  retryAt: NOW + 2_000,
  reason: 'connection-refused',
  since: NOW - 60_000
}

/** prod and staging live from snapshots; demo known only from its cache and reconnecting. */
function fleetStore() {
  const store = createConsoleStore({})
  const profiles = PROFILES.map((p) => (p.id === 'staging' ? { ...p, readOnly: true } : p))
  store.getState().setProfiles({ profiles, selectedId: 'prod', withPassword: [] })
  store.getState().applySnapshot(demoSnapshot('prod', 0))
  const staging = demoSnapshot('staging', 0)
  const fine = (jobs: Job[]) => jobs.map((job) => ({ ...job, status: 'RUNNING' as const }))
  store
    .getState()
    .applySnapshot({ ...staging, jobs: { ...staging.jobs!, value: fine(demoJobs()) } })
  const cached = demoSnapshot('demo', 0)
  store.getState().applySnapshot({
    ...cached,
    streams: { topics: refused, jvm: refused, rest: refused },
    jobs: { value: fine(demoJobs()).slice(0, 3), asOf: Date.now() - 180_000, stale: true }
  })
  return store
}

const cards = () => screen.getAllByTestId('fleet-server')

describe('fleet overview', () => {
  it('shows one card per server, worst first, with state, freshness, versions and figures', () => {
    renderConsole(<FleetView />, { store: fleetStore() })
    expect(cards().map((card) => card.getAttribute('data-profile-id'))).toEqual([
      'prod',
      'demo',
      'staging'
    ])
    const [prod, demo, staging] = cards()
    expect(prod.getAttribute('data-state')).toBe('live')
    expect(within(prod).getByTestId('fleet-state').textContent).toBe('Live')
    expect(within(prod).queryByTestId('fleet-freshness')).toBeNull()
    expect(within(prod).getByTestId('fleet-version').textContent).toBe('Dinky 1.1.0 · SSE')
    expect(within(prod).getByTestId('fleet-counts').textContent).toMatch(/^Jobs: 14/)
    // The demo world has 2 FAILED, 1 FAILING, 1 RESTARTING: failed first, by name.
    const failing = within(prod).getAllByTestId('fleet-failing-job')
    expect(failing.map((button) => button.textContent)).toEqual([
      'ads_gmv_realtime_dashboard',
      'tmp_backfill_2024q4',
      'risk_rule_engine_cep',
      'dws_shop_uv_5min'
    ])
    expect(within(prod).getByTestId('fleet-clusters').textContent).toMatch(
      /^Clusters available: \d of \d$/
    )

    expect(demo.getAttribute('data-state')).toBe('reconnecting')
    // Never reached in this run: all it shows is the cache's.
    expect(within(demo).getByTestId('fleet-state').textContent).toBe('Unreachable (attempt 4)')
    expect(within(demo).getByTestId('fleet-reason').textContent).toBe('Why: connection refused')
    const freshness = within(demo).getByTestId('fleet-freshness')
    expect(freshness.getAttribute('data-cached')).toBe('true')
    expect(freshness.textContent).toMatch(/^Cached figures from \d\d:\d\d, 3 minutes ago$/)
    expect(within(demo).getByTestId('fleet-counts').textContent).toMatch(/^Jobs: 3/)
    expect(demo.getAttribute('aria-label')).toBe('Demo server: Unreachable (attempt 4)')

    expect(within(staging).getByTestId('fleet-version').textContent).toBe(
      'Dinky 1.2.0-SNAPSHOT · WebSocket'
    )
    expect(within(staging).getByTestId('fleet-read-only').textContent).toBe('Read-only')
    expect(within(staging).getByText('No failing jobs')).toBeTruthy()
    expect(screen.getByTestId('fleet-summary').textContent).toBe('2 of 3 servers live')
  })

  it('names five failing jobs on a card and counts the rest', () => {
    const store = fleetStore()
    const jobs = demoJobs().map((job) => ({ ...job, status: 'FAILED' as const }))
    store
      .getState()
      .applyPush('jobs:snapshot', [
        {
          profileId: 'staging',
          jobs: { value: jobs, asOf: NOW + 1_000, stale: false },
          counts: null
        }
      ])
    renderConsole(<FleetView />, { store })
    const staging = cards()[0]
    expect(staging.getAttribute('data-profile-id')).toBe('staging')
    expect(within(staging).getAllByTestId('fleet-failing-job')).toHaveLength(5)
    expect(within(staging).getByText('and 9 more')).toBeTruthy()
    expect(within(staging).getByText('Failing: 14')).toBeTruthy()
  })

  it('says it in Chinese', () => {
    renderConsole(<FleetView />, { store: fleetStore(), language: 'zh-CN' })
    const demo = cards()[1]
    expect(within(demo).getByTestId('fleet-state').textContent).toBe('无法连接（第 4 次）')
    expect(within(demo).getByTestId('fleet-freshness').textContent).toMatch(/^缓存数据，读取于/)
  })

  it('opens a server on a click and a job on its own server from a failing name', async () => {
    const store = fleetStore()
    const { fake } = renderConsole(<FleetView />, {
      store,
      handlers: {
        'profiles:select': ({ profileId }) => ({
          profiles: PROFILES,
          selectedId: profileId,
          withPassword: []
        }),
        'session:snapshot': ({ profileId }) => demoSnapshot(profileId, 0)
      }
    })
    store.getState().navigate('fleet')
    fireEvent.click(cards()[2])
    await waitFor(() => expect(store.getState().view).toBe('overview'))
    expect(store.getState().selectedProfileId).toBe('staging')
    expect(fake.callsTo('profiles:select')).toEqual([{ profileId: 'staging' }])

    store.getState().navigate('fleet')
    const prod = cards().find((card) => card.getAttribute('data-profile-id') === 'prod')!
    const job = within(prod).getAllByTestId('fleet-failing-job')[0]
    fireEvent.click(job)
    await waitFor(() => expect(store.getState().openJobId).toBe(Number(job.dataset['jobId'])))
    expect(store.getState().selectedProfileId).toBe('prod')
    // The job's click is the job's, not the card's: the view stays.
    expect(store.getState().view).toBe('fleet')
  })
})

describe('createFleetSummaries', () => {
  it('gives other servers the same model when one server changes, and a new one to that server', () => {
    const store = fleetStore()
    const summaries = createFleetSummaries()
    const before = ['prod', 'staging', 'demo'].map((id) => summaries.server(store.getState(), id))
    const jobs = demoJobs().map((job) => ({ ...job, status: 'FAILED' as const }))
    store
      .getState()
      .applyPush('jobs:snapshot', [
        {
          profileId: 'staging',
          jobs: { value: jobs, asOf: NOW + 1_000, stale: false },
          counts: null
        }
      ])
    const after = ['prod', 'staging', 'demo'].map((id) => summaries.server(store.getState(), id))
    expect(after[0]).toBe(before[0])
    expect(after[2]).toBe(before[2])
    expect(after[1]).not.toBe(before[1])
    expect(after[1]!.summary.failingTotal).toBe(14)
    // And the order follows: staging now has the most failing jobs.
    expect(summaries.order(store.getState()).split('\n')[0]).toBe('staging')
    // A change elsewhere in the store (the view) leaves every model as it was.
    store.getState().navigate('jobs')
    expect(summaries.server(store.getState(), 'staging')).toBe(after[1])
  })
})
