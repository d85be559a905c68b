import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as StatusTagModule from '../../../src/renderer/src/components/JobStatusTag'
import { JobsView } from '../../../src/renderer/src/features/jobs/JobsView'
import { filterJobs, jobRowClass } from '../../../src/renderer/src/features/jobs/job-filters'
import { demoStore, renderConsole } from '../render-console'
import { demoJobs } from '../preview/demo-world'

/** Counts the status tags drawn: one per row each time the table renders its rows. */
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

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('job filters', () => {
  it('filters by name substring and by status', () => {
    const jobs = demoJobs()
    expect(
      filterJobs(jobs, { name: 'ODS_', statuses: [] }).every((job) => job.name.startsWith('ods_'))
    ).toBe(true)
    expect(filterJobs(jobs, { name: '', statuses: ['FAILED'] }).map((job) => job.name)).toEqual([
      'ads_gmv_realtime_dashboard',
      'tmp_backfill_2024q4'
    ])
  })

  it('marks failed and failing rows red, restarting amber', () => {
    expect(jobRowClass('FAILED')).toBe('job-row-alarm')
    expect(jobRowClass('FAILING')).toBe('job-row-alarm')
    expect(jobRowClass('RESTARTING')).toBe('job-row-restarting')
    expect(jobRowClass('RUNNING')).toBe('')
  })
})

describe('JobsView', () => {
  it('lists jobs with their live status and colours alarm rows', () => {
    renderConsole(<JobsView />)
    const rows = screen.getAllByTestId('job-row')
    expect(rows).toHaveLength(demoJobs().length)
    const failed = rows.filter((row) => row.dataset.status === 'FAILED')
    expect(failed).toHaveLength(2)
    expect(failed.every((row) => row.classList.contains('job-row-alarm'))).toBe(true)
    expect(rows.find((row) => row.dataset.status === 'RESTARTING')!.classList).toContain(
      'job-row-restarting'
    )
    expect(screen.queryByTestId('stale-marker')).toBeNull()
  })

  it('follows status pushes without reloading', async () => {
    const store = demoStore()
    renderConsole(<JobsView />, { store })
    const jobs = demoJobs().map((job) => ({ ...job, status: 'FAILED' as const }))
    const asOf = store.getState().jobs.prod.asOf + 1
    store
      .getState()
      .applyPush('jobs:snapshot', [
        { profileId: 'prod', jobs: { value: jobs, asOf, stale: false }, counts: null }
      ])
    await waitFor(() =>
      expect(screen.getAllByTestId('job-row').every((row) => row.dataset.status === 'FAILED')).toBe(
        true
      )
    )
  })

  it('marks cached data with its age and keeps showing it', () => {
    const store = demoStore()
    const jobs = store.getState().jobs.prod
    store.setState({ jobs: { prod: { ...jobs, stale: true } } })
    renderConsole(<JobsView />, { store })
    expect(screen.getByTestId('stale-marker').textContent).toMatch(/^as of \d\d:\d\d, /)
    expect(screen.getAllByTestId('job-row')).toHaveLength(demoJobs().length)
  })

  it('opens the detail of a job on click', () => {
    const { store } = renderConsole(<JobsView />)
    fireEvent.click(screen.getByText('risk_rule_engine_cep'))
    expect(store.getState().openJobId).toBe(
      demoJobs().find((job) => job.name === 'risk_rule_engine_cep')!.id
    )
  })

  it('ticks the last checkpoint ages without re-rendering the table', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 30, 8, 0, 0) })
    const store = demoStore()
    const job = demoJobs()[0]
    store.getState().setHealthSummaries('prod', [
      {
        instanceId: job.id,
        name: job.name,
        lastCompletedAt: Date.now() - 50_000,
        failedCheckpoints: 0,
        backpressure: 'ok',
        intervalMs: 60_000,
        reasons: [],
        asOf: Date.now()
      }
    ])
    renderConsole(<JobsView />, { store })
    const row = screen.getAllByTestId('job-row').find((r) => r.dataset.jobId === String(job.id))!
    expect(row.textContent).toContain('50 seconds ago')
    const drawn = statusTags.renders
    expect(drawn).toBeGreaterThanOrEqual(demoJobs().length)
    act(() => void vi.advanceTimersByTime(10_000))
    expect(row.textContent).toContain('1 minute ago')
    expect(statusTags.renders).toBe(drawn)
  })
})
