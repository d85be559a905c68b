/**
 * The job drawer's Timeline tab (issue 22): every kind in words, newest first, the console-closed period drawn as a
 * gap band (not as calm), server text inert, live events appended from `timeline:event`, filter and export.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { TimelineTab } from '../../../src/renderer/src/features/timeline/TimelineTab'
import type { TimelineEvent } from '../../../src/shared/timeline'
import { demoJobs } from '../preview/demo-world'
import { bindStoreToIpc } from '../../../src/renderer/src/ipc/bind-store-to-ipc'
import { renderConsole } from '../render-console'
import { at, jobEvents } from './timeline-events'

const bindings: Array<{ dispose: () => void }> = []
afterEach(() => {
  bindings.splice(0).forEach((binding) => binding.dispose())
  cleanup()
})

const job = demoJobs()[0]!

function renderTab(language: 'en-US' | 'zh-CN' = 'en-US', events = jobEvents()) {
  const rendered = renderConsole(<TimelineTab job={job} />, {
    language,
    handlers: {
      'timeline:events': () => events,
      'timeline:export': ({ format }) => ({ path: `/home/op/timeline.${format}` }),
      'alerts:snooze': () => undefined
    }
  })
  // Pushes reach the store as in the app: through the IPC binding.
  bindings.push(bindStoreToIpc(rendered.fake.api, rendered.store))
  return rendered
}

const kinds = () =>
  screen.getAllByTestId(/^timeline-(event|gap)$/).map((row) => row.getAttribute('data-kind'))

describe('Timeline tab', () => {
  it("asks main for the job's events and shows each kind in words, newest first", async () => {
    const { fake } = renderTab()
    await screen.findAllByTestId('timeline-event')
    expect(fake.callsTo('timeline:events')).toEqual([
      { profileId: 'prod', query: { jobId: job.id, limit: 500 } }
    ])
    expect(kinds()).toEqual([
      'action',
      'alert',
      'savepoint',
      'checkpoint-failures',
      'restart',
      'status',
      'gap'
    ])
    const headlines = screen.getAllByTestId('timeline-headline').map((h) => h.textContent)
    expect(headlines).toEqual([
      'Restart from the console: failed',
      'Alert fired',
      'Savepoint taken',
      '3 checkpoints failed, 13:42–13:44',
      'Restarted 2 times (5 in all)',
      'Status Running → Failed',
      'No data: console closed 10:02–13:40 (3h 38m)'
    ])
    expect(screen.getByText('Critical')).toBeTruthy()
    expect(screen.getByText('rule cp')).toBeTruthy()
    expect(screen.getByTestId('timeline-path').textContent).toContain('hdfs:///savepoints/sp-1')
    // Each row has its absolute time and how long ago.
    const time = screen.getAllByTestId('timeline-time')[0]!.textContent
    expect(time).toMatch(/^2026-12-07 13:55:00 · /)
  })

  it('draws the console-closed period as a gap band, apart from the events', async () => {
    renderTab()
    const gap = await screen.findByTestId('timeline-gap')
    expect(gap.className).toContain('timeline-gap')
    expect(gap.textContent).toContain('No data: console closed 10:02–13:40 (3h 38m)')
    expect(
      screen.getAllByTestId('timeline-event').every((row) => !row.textContent?.includes('No data'))
    ).toBe(true)
  })

  it('keeps server text inert', async () => {
    renderTab()
    await screen.findAllByTestId('timeline-message')
    const text = screen
      .getAllByTestId('timeline-message')
      .map((m) => m.textContent)
      .join('\n')
    expect(text).toContain('<img src=x onerror=alert(1)> Checkpoint expired')
    expect(text).toContain('Dinky said: <b>no</b>')
    expect(document.querySelector('[data-testid="timeline-tab"] img')).toBeNull()
    expect(document.querySelector('[data-testid="timeline-tab"] b')).toBeNull()
  })

  it('appends live events of this job from timeline:event, and replaces a grown streak', async () => {
    const { fake } = renderTab()
    await screen.findAllByTestId('timeline-event')
    const newer: TimelineEvent = {
      id: `${at(14, 0)}-8`,
      at: at(14, 0),
      profileId: 'prod',
      jobId: job.id,
      taskId: job.taskId,
      jobName: job.name,
      kind: 'status',
      from: 'FAILED',
      to: 'RUNNING'
    }
    const otherJob: TimelineEvent = { ...newer, id: `${at(14, 1)}-9`, at: at(14, 1), jobId: 999 }
    const streak = jobEvents()[3]!
    const grown = { ...streak, count: 5, until: at(13, 49) } as TimelineEvent
    act(() => fake.push('timeline:event', [newer, otherJob, grown]))
    await waitFor(() => expect(kinds()[0]).toBe('status'))
    expect(screen.getAllByTestId('timeline-headline')[0]!.textContent).toBe(
      'Status Failed → Running'
    )
    expect(kinds()).toHaveLength(8)
    expect(screen.getByText('5 checkpoints failed, 13:42–13:49')).toBeTruthy()
    expect(screen.queryByText('3 checkpoints failed, 13:42–13:44')).toBeNull()
  })

  it('filters by kind', async () => {
    renderTab()
    await screen.findAllByTestId('timeline-event')
    const filter = screen.getByTestId('timeline-filter')
    fireEvent.mouseDown(within(filter).getByRole('combobox'))
    fireEvent.click(await screen.findByTitle('Gaps'))
    await waitFor(() => expect(kinds()).toEqual(['gap']))
  })

  it('says so when no event is of the chosen kinds', async () => {
    renderTab(
      'en-US',
      jobEvents().filter((event) => event.kind !== 'gap')
    )
    await screen.findAllByTestId('timeline-event')
    fireEvent.mouseDown(within(screen.getByTestId('timeline-filter')).getByRole('combobox'))
    fireEvent.click(await screen.findByTitle('Gaps'))
    await screen.findByText('No events of the chosen kinds.')
  })

  it('exports the job as CSV and as JSON through main, and says where it went', async () => {
    const { fake } = renderTab()
    await screen.findAllByTestId('timeline-event')
    fireEvent.click(screen.getByTestId('timeline-export-csv'))
    await screen.findByText('Saved to /home/op/timeline.csv')
    fireEvent.click(screen.getByTestId('timeline-export-json'))
    await screen.findByText('Saved to /home/op/timeline.json')
    expect(fake.callsTo('timeline:export')).toEqual([
      { profileId: 'prod', jobId: job.id, format: 'csv' },
      { profileId: 'prod', jobId: job.id, format: 'json' }
    ])
  })

  it("shows the job's open alerts on top, and snoozes one from there", async () => {
    const { fake, store } = renderTab()
    const base = {
      ruleName: 'job-failed',
      kind: 'job-status' as const,
      severity: 'critical' as const,
      profileId: 'prod',
      serverName: 'Production',
      taskId: job.taskId,
      jobName: job.name,
      state: 'firing' as const,
      since: Date.now() - 60_000,
      unknownSince: null,
      detail: 'status FAILED',
      acknowledgedAt: null,
      snoozedUntil: null,
      silencedBy: null
    }
    act(() =>
      store.getState().setActiveAlerts([
        { ...base, key: 'mine', ruleId: 'job-failed', jobId: job.id },
        { ...base, key: 'other-job', ruleId: 'job-failed', jobId: job.id + 1 },
        { ...base, key: 'other-server', ruleId: 'job-failed', jobId: job.id, profileId: 'staging' }
      ])
    )
    const strip = await screen.findByTestId('timeline-open-alerts')
    const rows = within(strip).getAllByTestId('open-alert')
    expect(rows).toHaveLength(1)
    fireEvent.click(within(rows[0]!).getByTestId('alert-snooze'))
    fireEvent.click(await screen.findByTestId('alert-snooze-resolved'))
    await waitFor(() =>
      expect(fake.callsTo('alerts:snooze')).toEqual([{ key: 'mine', until: 'resolved' }])
    )
  })

  it('speaks Chinese', async () => {
    renderTab('zh-CN')
    const gap = await screen.findByTestId('timeline-gap')
    expect(gap.textContent).toContain('无数据：控制台已关闭，10:02–13:40（3小时 38分）')
    expect(screen.getByText('状态 运行中 → 已失败')).toBeTruthy()
    // The alert's English detail line (the core's, for the CLI) is not shown in Chinese.
    expect(screen.queryByText('3 failed checkpoints in 10 min')).toBeNull()
  })

  it('names a streak within one minute by its minute, not as a span', async () => {
    const streak = { ...jobEvents()[3]!, count: 2, until: at(13, 42) + 30_000 } as TimelineEvent
    renderTab('en-US', [streak])
    await screen.findByText('2 checkpoints failed at 13:42')
  })

  it('says so when nothing was recorded', async () => {
    renderTab('en-US', [])
    await screen.findByText('Nothing recorded for this job yet.')
  })
})
