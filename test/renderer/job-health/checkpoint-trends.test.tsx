/**
 * The Checkpoints tab's trends (issue 24): three charts with dots, failed crosses and the interval/timeout line, the
 * trend in words in both languages, and the latest checkpoint by operator or why it is unavailable.
 */
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { CheckpointsTab } from '../../../src/renderer/src/features/job-health/CheckpointsTab'
import type {
  CheckpointEntry,
  CheckpointOperators,
  JobHealthDetail
} from '../../../src/shared/job-health'
import { demoStore, renderConsole } from '../render-console'

afterEach(cleanup)

const T0 = Date.UTC(2026, 11, 7, 14, 0)
const TIMEOUT = 10_000

/** Checkpoint `i` of a creep: 30 % of the timeout rising 6 % per checkpoint; #8 failed. */
function creep(count: number): CheckpointEntry[] {
  const entries: CheckpointEntry[] = []
  for (let i = 1; i <= count; i++) {
    const failed = i === 8
    entries.push({
      id: i,
      status: failed ? 'FAILED' : 'COMPLETED',
      isSavepoint: false,
      triggerAt: T0 + i * 60_000,
      ackAt: T0 + i * 60_000 + 1000,
      stateSize: failed ? 0 : 100_000_000 + i * 5_000_000,
      checkpointedSize: failed ? 0 : 1_000_000 + i * 100_000,
      durationMs: Math.round(TIMEOUT * (0.3 + i * 0.06)),
      numSubtasks: 4,
      numAcknowledged: failed ? 1 : 4,
      externalPath: null,
      failureMessage: failed ? 'Checkpoint expired before completing.' : null
    })
  }
  return entries.reverse()
}

function renderTab(
  history: CheckpointEntry[],
  operators: CheckpointOperators | null,
  language?: 'zh-CN'
) {
  const store = demoStore()
  const job = store.getState().jobs.prod!.value.find((j) => j.status === 'RUNNING')!
  const value: JobHealthDetail = {
    instanceId: job.id,
    taskId: job.taskId,
    name: job.name,
    status: 'RUNNING',
    jid: job.jid,
    clusterName: 'prod',
    jobManagerAddress: null,
    flinkLost: false,
    errorMsg: null,
    startTime: null,
    durationMs: null,
    parallelism: null,
    restartStrategy: null,
    executionMode: null,
    vertices: [],
    checkpoints: {
      total: history.length,
      completed: history.length,
      failed: 0,
      inProgress: 0,
      restored: 0,
      latestCompleted: history[0] ?? null,
      latestSavepoint: null,
      latestFailed: null,
      restoredFrom: null,
      history
    },
    checkpointConfig: {
      mode: 'EXACTLY_ONCE',
      intervalMs: TIMEOUT,
      timeoutMs: TIMEOUT,
      minPauseMs: 0,
      maxConcurrent: 1,
      externalized: true,
      stateBackend: 'rocksdb',
      unaligned: false,
      tolerableFailed: 0
    },
    exceptions: null,
    checkpointOperators: operators
  }
  store.getState().setHealthDetail('prod', { value, asOf: Date.now(), stale: false })
  renderConsole(<CheckpointsTab instanceId={job.id} />, { store, language })
}

const UNAVAILABLE: CheckpointOperators = {
  checkpointId: 10,
  unavailable: 'Dinky 1.1.0 does not serve checkpoint details by operator'
}

describe('checkpoint trends', () => {
  it('draws duration, checkpointed and state size, with dots, the failed cross and the timeout line', () => {
    renderTab(creep(10), UNAVAILABLE)
    const trends = screen.getByTestId('checkpoint-trends')
    const charts = within(trends).getAllByTestId('trend-chart')
    expect(charts.map((c) => c.dataset.field)).toEqual([
      'durationMs',
      'checkpointedSize',
      'stateSize'
    ])
    for (const chart of charts) {
      expect(within(chart).getAllByTestId('trend-dot')).toHaveLength(9)
      expect(within(chart).getAllByTestId('trend-failed')).toHaveLength(1)
    }
    const refs = within(charts[0]).getAllByTestId('trend-ref')
    expect(refs.map((r) => r.dataset.ref)).toEqual(['interval-timeout'])
    expect(refs[0].textContent).toBe('Interval = timeout 10s')
    expect(within(charts[1]).queryAllByTestId('trend-ref')).toHaveLength(0)
    // Axes carry units.
    expect(charts[0].textContent).toContain('10s')
    expect(charts[2].textContent).toMatch(/MB/)
    // The legend names the cross and the line (not colour alone).
    const legend = screen.getByTestId('checkpoint-trend-legend').textContent
    expect(legend).toContain('Failed')
    expect(legend).toContain('Interval = timeout 10s')
  })

  it('says the timeout first, then the failures', () => {
    renderTab(creep(10), UNAVAILABLE)
    expect(screen.getByTestId('checkpoint-trend-words').textContent).toBe(
      'The latest checkpoint took 90 % of the timeout. 1 of the last 10 checkpoints failed.'
    )
  })

  it('says the state growth when the duration changes less than ×1.5, in Chinese', () => {
    const early = creep(6)
    renderTab(early, null, 'zh-CN')
    // 36 % → 66 %: medians of the ends 42 % vs 60 % (×1.43, under ×1.5: not said); state 105 → 130 MB.
    expect(screen.getByTestId('checkpoint-trend-words').textContent).toBe(
      '最近一次检查点耗时达到超时的 66 %。状态大小在 5分 内增长 24 %。'
    )
  })

  it('is honest with too few checkpoints', () => {
    renderTab(creep(2), null)
    expect(screen.getByTestId('checkpoint-trend-words').textContent).toBe(
      'Too few checkpoints to tell a trend (2 completed).'
    )
    expect(screen.queryByTestId('checkpoint-operators-unavailable')).toBeNull()
  })

  it('says why the operators are not broken down, as plain text', () => {
    renderTab(creep(3), UNAVAILABLE)
    expect(screen.getByTestId('checkpoint-operators-unavailable').textContent).toBe(
      'Not available: Dinky 1.1.0 does not serve checkpoint details by operator'
    )
  })

  it('shows the latest checkpoint by operator', () => {
    renderTab(creep(3), {
      checkpointId: 3,
      operators: [
        {
          vertexId: 'v1',
          name: 'Source: orders',
          acknowledged: 2,
          subtasks: 2,
          stateSize: 2048,
          checkpointedSize: 1024,
          endToEndMs: 850,
          syncMs: 3,
          asyncMs: 400,
          alignmentMs: null
        },
        {
          vertexId: 'v2',
          name: 'Sink: totals',
          acknowledged: null,
          subtasks: 1,
          stateSize: null,
          checkpointedSize: 0,
          endToEndMs: 900,
          syncMs: null,
          asyncMs: null,
          alignmentMs: 12
        }
      ]
    })
    const table = screen.getByTestId('checkpoint-operators')
    const cells = [...table.querySelectorAll('tbody tr:not([aria-hidden]) td')].map(
      (c) => c.textContent
    )
    expect(cells).toEqual([
      'Source: orders',
      '2/2',
      '2.0 KB',
      '1.0 KB',
      '850 ms',
      '3 ms / 400 ms',
      '—',
      // Flink's sync/async times are per subtask: unknown here, one dash.
      ...['Sink: totals', '—/1', '—', '0 B', '900 ms', '—', '12 ms']
    ])
    expect(screen.getByText('Latest checkpoint by operator (#3)')).toBeTruthy()
  })
})
