/**
 * The Jobs table's duration of a running job: Dinky's list carries the figure of its last row save (up to ~5 min
 * old on a real 1.1.0), so the table adds the time since `updateTime`, ticking on its own; a stale list and a done
 * job keep the saved figure.
 */
import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { JobsView } from '../../../src/renderer/src/features/jobs/JobsView'
import type { Job } from '../../../src/shared/models'
import { demoStore, renderConsole } from '../render-console'
import { demoJobs } from '../preview/demo-world'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const NOW = Date.UTC(2026, 11, 7, 8, 30, 0)

function show(stale: boolean) {
  const saved = new Date(NOW - 4 * 60_000).toISOString()
  const [first, second, ...rest] = demoJobs()
  const running: Job = { ...first, status: 'RUNNING', durationMs: 60_000, updateTime: saved }
  const failed: Job = { ...second, status: 'FAILED', durationMs: 60_000, updateTime: saved }
  const store = demoStore()
  store.setState({
    jobs: { prod: { value: [running, failed, ...rest], asOf: NOW, stale } }
  })
  renderConsole(<JobsView />, { store })
  const rowOf = (job: Job) =>
    screen.getAllByTestId('job-row').find((r) => r.dataset.jobId === String(job.id))!
  const duration = (job: Job) => rowOf(job).querySelector('[data-testid="job-duration"]')!
  return { running: duration(running), failed: duration(failed) }
}

describe('JobsView duration', () => {
  it('grows a running job from the last save and keeps ticking', () => {
    vi.useFakeTimers({ now: NOW })
    const { running, failed } = show(false)
    expect(running.textContent).toBe('5m')
    expect(failed.textContent).toBe('1m')
    act(() => void vi.advanceTimersByTime(60_000))
    expect(running.textContent).toBe('6m')
  })

  it('keeps the saved figure on a stale list', () => {
    vi.useFakeTimers({ now: NOW })
    expect(show(true).running.textContent).toBe('1m')
  })
})
