/**
 * The Jobs table at scale (issue 23): 2,000 jobs on each of three servers as one virtualized list, all servers at
 * once with a Server column, filtered and sorted together; a row of another server opens its drawer there.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as StatusTagModule from '../../../src/renderer/src/components/JobStatusTag'
import { JobsView } from '../../../src/renderer/src/features/jobs/JobsView'
import type { JobStatus } from '../../../src/shared/models'
import { PROFILES } from '../preview/demo-world'
import { renderConsole } from '../render-console'
import { LONG_NAME, storeWithManyJobs } from './many-jobs'

/** Counts the status tags drawn: one per row each time a row is drawn. */
const statusTags = vi.hoisted(() => ({ renders: 0 }))
vi.mock('../../../src/renderer/src/components/JobStatusTag', async (importOriginal) => {
  const real = await importOriginal<typeof StatusTagModule>()
  return {
    ...real,
    JobStatusTag: (props: Parameters<typeof real.JobStatusTag>[0]) => {
      statusTags.renders++
      return real.JobStatusTag(props)
    }
  }
})

afterEach(cleanup)

/** A test DOM draws antd slowly on a busy two-core machine; the deadline only ends a stuck test. */
const SLOW = { timeout: 30_000 }

const PER_SERVER = 2_000
const ALL = PER_SERVER * PROFILES.length

function grid(): HTMLElement {
  return screen.getByTestId('jobs-table')
}

/** Rows in scope, from the grid's own count (the heading row is row 1). */
function rowCount(): number {
  return Number(grid().getAttribute('aria-rowcount')) - 1
}

/** The name filter's text box (antd puts the test id on the input itself or on its wrapper). */
function nameInput(): HTMLElement {
  const element = screen.getByTestId('jobs-filter-name')
  return element.tagName === 'INPUT' ? element : element.querySelector('input')!
}

function renderedRows(): HTMLElement[] {
  return screen.getAllByTestId('job-row')
}

function showAll() {
  const store = storeWithManyJobs(PER_SERVER)
  store.getState().setJobsScope('all')
  const rendered = renderConsole(<JobsView />, { store })
  return rendered
}

describe('Jobs table at 6,000 rows', SLOW, () => {
  it('lists one server by default and every server in the all-servers scope', () => {
    const store = storeWithManyJobs(PER_SERVER)
    renderConsole(<JobsView />, { store })
    expect(rowCount()).toBe(PER_SERVER)
    expect(screen.queryByTestId('job-server')).toBeNull()
    act(() => store.getState().setJobsScope('all'))
    expect(rowCount()).toBe(ALL)
    expect(screen.getByTestId('jobs-count').textContent).toBe(`${ALL} jobs`)
    // Virtualized: a window's worth of rows exists, not 6,000.
    expect(renderedRows().length).toBeGreaterThan(10)
    expect(renderedRows().length).toBeLessThan(60)
    expect(renderedRows()[0].querySelector('[data-testid="job-server"]')).not.toBeNull()
  })

  it('switches scope from the jobs-scope control into the store', () => {
    const { store } = renderConsole(<JobsView />, { store: storeWithManyJobs(PER_SERVER) })
    fireEvent.click(screen.getByText('All servers'))
    expect(store.getState().jobsScope).toBe('all')
    expect(rowCount()).toBe(ALL)
  })

  it('filters by name across every server', () => {
    showAll()
    fireEvent.change(nameInput(), { target: { value: '_0042' } })
    expect(rowCount()).toBe(3)
    const servers = renderedRows().map((row) => row.dataset.profileId)
    expect(new Set(servers)).toEqual(new Set(PROFILES.map((profile) => profile.id)))
    expect(renderedRows().every((row) => row.textContent!.includes('_0042'))).toBe(true)
  })

  it('sorts by name and by server over all rows, both ways', () => {
    showAll()
    const names = () =>
      renderedRows()
        .slice(0, 8)
        .map((row) => row.querySelector('[data-testid="job-name"]')!.textContent!)
    fireEvent.click(screen.getByTestId('jobs-sort-name'))
    const ascending = names()
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)))
    expect(ascending[0].startsWith('ads_')).toBe(true)
    const header = screen.getByTestId('jobs-sort-name').closest('[role="columnheader"]')!
    expect(header.getAttribute('aria-sort')).toBe('ascending')
    fireEvent.click(screen.getByTestId('jobs-sort-name'))
    expect(names()[0].startsWith('ods_')).toBe(true)

    fireEvent.click(screen.getByTestId('jobs-sort-server'))
    // Server names in order: 'Demo server', 'Staging', '生产 Dinky'.
    expect(renderedRows()[0].dataset.profileId).toBe('demo')
    fireEvent.click(screen.getByTestId('jobs-sort-server'))
    expect(renderedRows()[0].dataset.profileId).toBe('prod')
  })

  it('filters by status and by server from their panels, with the keyboard, and shows all again', async () => {
    showAll()
    const status = screen.getByTestId('jobs-filter-status')
    expect(status.textContent).toBe('All statuses')
    fireEvent.click(status)
    const panel = await screen.findByTestId('filter-panel')
    expect(panel.getAttribute('aria-label')).toBe('All statuses')
    // The first choice takes the focus, so the panel is reachable without a mouse.
    await waitFor(() => expect(document.activeElement).toBe(panel.querySelector('input')))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Failed' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Running' }))
    // Told in the statuses' own order, whatever the order they were ticked in.
    expect(status.textContent).toBe('Running, Failed')
    const both = rowCount()
    expect(both).toBeGreaterThan(0)
    expect(both).toBeLessThan(ALL)
    expect(renderedRows().every((row) => ['RUNNING', 'FAILED'].includes(row.dataset.status!))).toBe(
      true
    )

    fireEvent.click(screen.getByTestId('jobs-filter-server'))
    const servers = await screen.findAllByTestId('filter-panel')
    fireEvent.click(within(servers[servers.length - 1]).getByRole('checkbox', { name: 'Staging' }))
    expect(rowCount()).toBeGreaterThan(0)
    expect(rowCount()).toBeLessThan(both)
    expect(renderedRows().every((row) => row.dataset.profileId === 'staging')).toBe(true)

    fireEvent.click(within(servers[servers.length - 1]).getByTestId('filter-clear'))
    expect(rowCount()).toBe(both)
    fireEvent.click(within(panel).getByTestId('filter-clear'))
    expect(rowCount()).toBe(ALL)
    expect(status.textContent).toBe('All statuses')
  })

  it('puts failed jobs first when sorting by status', () => {
    showAll()
    fireEvent.click(screen.getByTestId('jobs-sort-status'))
    expect(renderedRows()[0].dataset.status).toBe('FAILED')
    expect(renderedRows()[0].classList).toContain('job-row-alarm')
  })

  it('draws again only the row whose job changed when a poll resends every job', () => {
    const { store } = showAll()
    const target = renderedRows()[2]
    const profileId = target.dataset.profileId!
    const jobId = Number(target.dataset.jobId)
    const before = store.getState().jobs[profileId]
    const status: JobStatus = target.dataset.status === 'CANCELED' ? 'FINISHED' : 'CANCELED'
    const drawn = statusTags.renders
    const resent = before.value.map((job) => (job.id === jobId ? { ...job, status } : { ...job }))
    act(() =>
      store
        .getState()
        .applyPush('jobs:snapshot', [
          { profileId, jobs: { value: resent, asOf: before.asOf + 1, stale: false }, counts: null }
        ])
    )
    expect(renderedRows()[2].dataset.status).toBe(status)
    expect(statusTags.renders - drawn).toBe(1)
  })

  it('opens a row of another server on that server, as the switcher would', async () => {
    const store = storeWithManyJobs(PER_SERVER)
    store.getState().setJobsScope('all')
    const { fake } = renderConsole(<JobsView />, {
      store,
      handlers: {
        'profiles:select': ({ profileId }) => ({
          profiles: PROFILES,
          selectedId: profileId,
          withPassword: []
        }),
        'session:snapshot': () => {
          throw new Error('not in this test')
        }
      }
    })
    const row = renderedRows().find((r) => r.dataset.profileId === 'staging')!
    fireEvent.click(row.querySelector('[data-testid="job-name"]')!)
    await waitFor(() => expect(store.getState().openJobId).toBe(Number(row.dataset.jobId)))
    expect(fake.callsTo('profiles:select')).toEqual([{ profileId: 'staging' }])
    expect(store.getState().selectedProfileId).toBe('staging')
    expect(fake.callsTo('session:snapshot')).toEqual([{ profileId: 'staging' }])
  })
})

describe('Jobs table keyboard', SLOW, () => {
  it('is one tab stop; arrows, Home and End move a focused, selected row; Enter opens it', async () => {
    const { store } = showAll()
    const tabStops = renderedRows().filter((row) => row.tabIndex === 0)
    expect(tabStops).toHaveLength(1)
    const first = tabStops[0]
    act(() => first.focus())
    expect(first.getAttribute('aria-selected')).toBe('true')

    fireEvent.keyDown(first, { key: 'ArrowDown' })
    const second = document.activeElement as HTMLElement
    expect(second.dataset.index).toBe('1')
    expect(second.getAttribute('aria-selected')).toBe('true')
    expect(second.tabIndex).toBe(0)
    expect(first.getAttribute('aria-selected')).toBe('false')

    fireEvent.keyDown(second, { key: 'End' })
    const last = document.activeElement as HTMLElement
    expect(last.dataset.index).toBe(String(ALL - 1))
    expect(last.getAttribute('aria-rowindex')).toBe(String(ALL + 1))

    fireEvent.keyDown(last, { key: 'ArrowUp' })
    expect((document.activeElement as HTMLElement).dataset.index).toBe(String(ALL - 2))
    fireEvent.keyDown(document.activeElement!, { key: 'Home' })
    const top = document.activeElement as HTMLElement
    expect(top.dataset.index).toBe('0')

    fireEvent.keyDown(top, { key: 'Enter' })
    await waitFor(() => expect(store.getState().openJobId).toBe(Number(top.dataset.jobId)))
  })

  it('keeps the active job active, and focused, while the list is sorted again', () => {
    showAll()
    const row = renderedRows()[3]
    act(() => row.focus())
    const jobId = row.dataset.jobId
    const profileId = row.dataset.profileId
    fireEvent.click(screen.getByTestId('jobs-sort-name'))
    const selected = renderedRows().filter((r) => r.getAttribute('aria-selected') === 'true')
    expect(selected.map((r) => [r.dataset.profileId, r.dataset.jobId])).toEqual([
      [profileId, jobId]
    ])
    // Rows are keyed by place, but the focused one by its job: the focus moved with it, not onto another job.
    const focused = document.activeElement as HTMLElement
    expect([focused.dataset.profileId, focused.dataset.jobId]).toEqual([profileId, jobId])
  })
})

describe('Jobs table with a very long name', SLOW, () => {
  it('keeps the whole name as text and tooltip, cut by the cell, with the status beside it', () => {
    const store = storeWithManyJobs(50, true)
    store.getState().setJobsScope('all')
    renderConsole(<JobsView />, { store })
    fireEvent.change(nameInput(), { target: { value: 'cdc_mysql' } })
    const [row] = renderedRows()
    const name = row.querySelector<HTMLElement>('[data-testid="job-name"]')!
    expect(name.textContent).toBe(LONG_NAME)
    expect(name.title).toBe(LONG_NAME)
    expect(name.className).toContain('jobs-grid-name')
    const cells = [...row.querySelectorAll('[role="gridcell"]')]
    expect(cells[2].querySelector('[data-testid="job-status"]')).not.toBeNull()
    // The name column may grow but has a floor; every other column has a fixed width.
    const template = grid().style.getPropertyValue('--jobs-grid-columns')
    expect(template).toMatch(/^minmax\(200px, 1fr\) 150px 140px /)
  })
})
