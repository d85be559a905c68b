/**
 * The Overview's timeline cards (issue 22): "While you were away" from `timeline:away` (the load and the pushes),
 * dismissed per server; "Recent events" across every server, newest first, live, a click opening the job's
 * Timeline tab on its own server.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { OverviewView } from '../../../src/renderer/src/features/overview/OverviewView'
import { PROFILES } from '../preview/demo-world'
import type { AwaySummary, TimelineEvent } from '../../../src/shared/timeline'
import { bindStoreToIpc } from '../../../src/renderer/src/ipc/bind-store-to-ipc'
import { renderConsole } from '../render-console'
import { at, jobEvents } from './timeline-events'

const bindings: Array<{ dispose: () => void }> = []
afterEach(() => {
  bindings.splice(0).forEach((binding) => binding.dispose())
  cleanup()
})

const AWAY: AwaySummary = {
  profileId: 'prod',
  since: at(10, 2),
  until: at(13, 40),
  changes: [
    {
      jobId: 100,
      taskId: 10,
      jobName: 'ods_order_cdc_to_doris',
      from: 'RUNNING',
      to: 'FAILED',
      restarts: 2
    },
    { jobId: 130, taskId: 40, jobName: 'brand_new_job', from: null, to: 'RUNNING', restarts: 0 }
  ],
  counts: { alert: 2, 'checkpoint-failures': 1, status: 3 },
  gaps: [{ from: at(10, 2), to: at(13, 40), reason: 'console-closed' }]
}

const stagingEvent: TimelineEvent = {
  id: `${at(13, 58)}-1`,
  at: at(13, 58),
  profileId: 'staging',
  jobId: 7,
  taskId: 3,
  jobName: 'staging_job',
  kind: 'restart',
  count: 1,
  total: 1
}

function renderOverview(away: AwaySummary[] = [AWAY]) {
  const rendered = renderConsole(<OverviewView />, {
    handlers: {
      'timeline:away': () => away,
      'timeline:away-seen': () => undefined,
      'timeline:events': ({ profileId, query }) =>
        profileId === 'prod'
          ? jobEvents().slice(0, query.limit)
          : profileId === 'staging'
            ? [stagingEvent]
            : [],
      'profiles:select': ({ profileId }) => ({
        profiles: PROFILES,
        selectedId: profileId,
        withPassword: []
      }),
      'session:snapshot': () => {
        throw new Error('not needed')
      }
    }
  })
  // Pushes reach the store as in the app: through the IPC binding.
  bindings.push(bindStoreToIpc(rendered.fake.api, rendered.store))
  return rendered
}

describe('While you were away', () => {
  it('tells what changed since the operator last looked, with the gap', async () => {
    renderOverview()
    const card = await screen.findByTestId('away-summary')
    expect(within(card).getByText('While you were away')).toBeTruthy()
    expect(within(card).getByTestId('away-since').textContent).toMatch(
      /^生产 Dinky: since 2026-12-07 10:02 \(.+\), up to 2026-12-07 13:40$/
    )
    const changes = within(card).getAllByTestId('away-change')
    expect(changes[0]!.textContent).toBe('ods_order_cdc_to_dorisRunning→Failed2 restarts')
    expect(changes[1]!.textContent).toBe('brand_new_jobnew→Running')
    expect(within(card).getByTestId('away-counts').textContent).toBe(
      'Alerts: 2Checkpoint failures: 1Status changes: 3'
    )
    expect(within(card).getByTestId('away-gap').textContent).toBe(
      'No data: console closed 10:02–13:40 (3h 38m)'
    )
  })

  it('follows timeline:away pushes and is dismissed per server', async () => {
    const { fake, store } = renderOverview([])
    await waitFor(() => expect(fake.callsTo('timeline:away')).toHaveLength(1))
    await waitFor(() => expect(store.getState().awaySummaries.prod).toBeNull())
    expect(screen.queryByTestId('away-summary')).toBeNull()
    act(() => fake.push('timeline:away', [{ profileId: 'prod', summary: AWAY }]))
    const card = await screen.findByTestId('away-summary')
    fireEvent.click(within(card).getByTestId('away-dismiss'))
    await waitFor(() => expect(screen.queryByTestId('away-summary')).toBeNull())
    expect(fake.callsTo('timeline:away-seen')).toEqual([{ profileId: 'prod' }])
  })

  it('opens a changed job on its Timeline tab', async () => {
    const { store } = renderOverview()
    const card = await screen.findByTestId('away-summary')
    fireEvent.click(within(card).getByText('ods_order_cdc_to_doris'))
    await waitFor(() => expect(store.getState().openJobId).toBe(100))
    expect(store.getState().openJobTab).toBe('timeline')
  })
})

describe('Recent events', () => {
  it('lists events of every server newest first, bounded, named by server and job', async () => {
    const { fake } = renderOverview()
    const card = await screen.findByTestId('recent-events')
    await waitFor(() =>
      expect(within(card).getAllByTestId(/^timeline-(event|gap)$/)).toHaveLength(8)
    )
    expect(fake.callsTo('timeline:events')).toEqual(
      PROFILES.map((p) => ({ profileId: p.id, query: { limit: 12 } }))
    )
    const rows = within(card).getAllByTestId(/^timeline-(event|gap)$/)
    expect(rows[0]!.textContent).toContain('Staging · staging_job')
    expect(rows[1]!.textContent).toContain('生产 Dinky · ods_order_cdc_to_doris')
    expect(rows.at(-1)!.textContent).toContain('生产 Dinky · Server')
  })

  it('shows a pushed event at the top', async () => {
    const { fake } = renderOverview()
    const card = await screen.findByTestId('recent-events')
    await waitFor(() =>
      expect(within(card).getAllByTestId(/^timeline-(event|gap)$/)).toHaveLength(8)
    )
    act(() =>
      fake.push('timeline:event', [
        { ...stagingEvent, id: `${at(14, 5)}-2`, at: at(14, 5), count: 3, total: 4 }
      ])
    )
    await waitFor(() =>
      expect(within(card).getAllByTestId('timeline-headline')[0]!.textContent).toBe(
        'Restarted 3 times (4 in all)'
      )
    )
  })

  it("opens another server's job on its Timeline tab after switching to that server", async () => {
    const { fake, store } = renderOverview()
    const card = await screen.findByTestId('recent-events')
    fireEvent.click(await within(card).findByText('Staging · staging_job'))
    await waitFor(() => expect(store.getState().openJobId).toBe(7))
    expect(fake.callsTo('profiles:select')).toEqual([{ profileId: 'staging' }])
    expect(store.getState().selectedProfileId).toBe('staging')
    expect(store.getState().openJobTab).toBe('timeline')
  })
})
