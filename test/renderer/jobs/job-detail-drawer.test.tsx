import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as OverviewHealthModule from '../../../src/renderer/src/features/job-health/OverviewHealth'
import type * as StatusTagModule from '../../../src/renderer/src/components/JobStatusTag'
import { JobDetailDrawer } from '../../../src/renderer/src/features/jobs/JobDetailDrawer'
import { demoStore, renderConsole } from '../render-console'
import { demoJobs } from '../preview/demo-world'

/** Counts renders of the drawer's header (its status tag) and of its Overview tab (the health card). */
const renders = vi.hoisted(() => ({ header: 0, overview: 0 }))
vi.mock('../../../src/renderer/src/components/JobStatusTag', async (importOriginal) => {
  const real = await importOriginal<typeof StatusTagModule>()
  return {
    ...real,
    JobStatusTag: (props: Parameters<typeof real.JobStatusTag>[0]) => {
      renders.header++
      return real.JobStatusTag(props)
    }
  }
})
vi.mock('../../../src/renderer/src/features/job-health/OverviewHealth', async (importOriginal) => {
  const real = await importOriginal<typeof OverviewHealthModule>()
  return {
    ...real,
    OverviewHealth: (props: Parameters<typeof real.OverviewHealth>[0]) => {
      renders.overview++
      return real.OverviewHealth(props)
    }
  }
})

afterEach(cleanup)

// happy-dom does no layout: give elements a size so the log's virtualizer has a viewport to fill.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
})
afterAll(() => vi.restoreAllMocks())

describe('JobDetailDrawer', () => {
  it(
    'shows pushed console lines without re-rendering its header or other tabs',
    { timeout: 20_000 },
    async () => {
      const job = demoJobs()[0]
      const store = demoStore()
      store.getState().openJob(job.id)
      renderConsole(<JobDetailDrawer />, {
        store,
        handlers: {
          'jobs:detail': () => ({
            job,
            clusterName: 'yarn-session',
            jobManagerAddress: null,
            rootException: null,
            exceptionTimestamp: null,
            statement: null
          }),
          'logs:follow': () => []
        }
      })
      await screen.findByText('yarn-session')
      fireEvent.click(screen.getByRole('tab', { name: 'Console log' }))
      await screen.findAllByTestId('log-line')
      expect(screen.getByTestId('log-count').textContent).toBe('50 of 50 lines')
      const drawn = { ...renders }
      expect(drawn.header).toBeGreaterThan(0)
      expect(drawn.overview).toBeGreaterThan(0)

      for (let i = 1; i <= 5; i++) {
        act(() =>
          store.getState().applyPush('logs:append', [
            {
              profileId: 'prod',
              process: `FlinkSubmit/${job.taskId}`,
              run: 'run-a',
              lines: [`pushed line ${i}`],
              stale: false,
              sessionSeq: 1_000 + i
            }
          ])
        )
      }
      await waitFor(() =>
        expect(screen.getByTestId('log-count').textContent).toBe('55 of 55 lines')
      )
      expect(renders).toEqual(drawn)
    }
  )

  it(
    'does not re-render for a jobs poll that changed nothing of its job',
    { timeout: 20_000 },
    async () => {
      const job = demoJobs()[0]
      const store = demoStore()
      store.getState().openJob(job.id)
      renderConsole(<JobDetailDrawer />, { store })
      await screen.findByText(job.name, { exact: false })
      const drawn = renders.header
      const poll = (jobs: (typeof job)[], asOf: number) =>
        act(() =>
          store
            .getState()
            .applyPush('jobs:snapshot', [
              { profileId: 'prod', jobs: { value: jobs, asOf, stale: false }, counts: null }
            ])
        )
      const asOf = store.getState().jobs.prod.asOf
      poll(demoJobs(), asOf + 1)
      poll(demoJobs(), asOf + 2)
      expect(renders.header).toBe(drawn)
      poll(
        demoJobs().map((j) => (j.id === job.id ? { ...j, status: 'FAILED' as const } : j)),
        asOf + 3
      )
      expect(renders.header).toBe(drawn + 1)
      expect(screen.getByText('Failed')).toBeTruthy()
    }
  )
})
