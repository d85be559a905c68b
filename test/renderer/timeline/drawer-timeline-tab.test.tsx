/**
 * The job drawer opens on the Timeline tab when asked to (the Overview's recent events and away summary), also when
 * it is already open on the job's details.
 */
import { act, cleanup, screen } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { JobDetailDrawer } from '../../../src/renderer/src/features/jobs/JobDetailDrawer'
import { demoJobs } from '../preview/demo-world'
import { demoStore, renderConsole } from '../render-console'
import { jobEvents } from './timeline-events'

afterEach(cleanup)
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
})
afterAll(() => vi.restoreAllMocks())

const job = demoJobs()[0]!

function renderDrawer(tab?: string) {
  const store = demoStore()
  store.getState().openJob(job.id, tab)
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
      'logs:follow': () => [],
      'timeline:events': () => jobEvents(job.id)
    }
  })
  return store
}

const activeTab = () => document.querySelector('.ant-tabs-tab-active')?.textContent

describe('job drawer and its Timeline tab', { timeout: 20_000 }, () => {
  it('opens on the Timeline tab when asked', async () => {
    renderDrawer('timeline')
    await screen.findByTestId('timeline-gap')
    expect(activeTab()).toBe('Timeline')
  })

  it('switches to the Timeline tab when asked while open on the details', async () => {
    const store = renderDrawer()
    await screen.findByText('yarn-session')
    expect(activeTab()).toBe('Details')
    act(() => store.getState().openJob(job.id, 'timeline'))
    await screen.findByTestId('timeline-gap')
    expect(activeTab()).toBe('Timeline')
  })
})
