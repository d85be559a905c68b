import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { JobMetricsTab } from '../../../src/renderer/src/features/metrics/JobMetricsTab'
import { buildChart } from '../../../src/renderer/src/features/metrics/chart-geometry'
import type { JobMetricsView, MetricsPoint } from '../../../src/shared/metrics'
import type { Job } from '../../../src/shared/models'
import { renderConsole } from '../render-console'

const JID = 'a'.repeat(32)
const SRC = 'cbc357ccb763df2852fee8c4fc7d55f2'
const SINK = '0a448493b4782967b150582570326227'
const job = { id: 7, taskId: 3, name: 'orders', status: 'RUNNING', jid: JID } as Job

function viewAt(now: number): JobMetricsView {
  const points: MetricsPoint[] = []
  for (let i = 60; i >= 1; i--) {
    const at = now - i * 5_000
    points.push({
      at,
      source: i > 40 && i < 50 ? 'backfill' : 'push',
      values: { [SRC]: { rate: String(100 + i) }, [SINK]: { rate: String(i), state: 'RUNNING' } }
    })
  }
  return {
    jid: JID,
    points,
    outages: [{ from: now - 30 * 5_000, to: now - 28 * 5_000 }],
    lastSampleAt: points.at(-1)!.at,
    intervalMs: 5_000,
    diagnosis: 'ok',
    layout: {
      name: 'orders-3',
      taskId: 3,
      entries: [
        { vertex: SRC, vertexTitle: 'Source: Kafka', metric: 'rate' },
        { vertex: SINK, vertexTitle: 'Sink: Hudi', metric: 'rate' },
        { vertex: SINK, vertexTitle: 'Sink: Hudi', metric: 'state' }
      ]
    },
    stale: false,
    asOf: null
  }
}

describe('JobMetricsTab', () => {
  it('draws one chart per vertex × metric grouped by vertex, subscribes while shown, merges pushes', async () => {
    const now = Date.now()
    const { fake, store, unmount, container } = Object.assign(
      renderConsole(<JobMetricsTab job={job} address="127.0.0.1:8081" />, {
        handlers: { 'metrics:open': () => viewAt(now), 'metrics:close': () => undefined }
      }),
      { container: document.body }
    )
    await screen.findByText('Source: Kafka')
    expect(screen.getByText('Sink: Hudi')).toBeTruthy()
    expect(container.querySelectorAll('[data-testid="metric-chart"]')).toHaveLength(3)
    expect(fake.callsTo('metrics:open')).toEqual([
      expect.objectContaining({ profileId: 'prod', jid: JID })
    ])
    // A text value is shown as text, not drawn as 0.
    expect(screen.getByText('text: RUNNING')).toBeTruthy()
    expect(container.querySelectorAll('polyline[data-source="backfill"]').length).toBeGreaterThan(0)
    expect(container.querySelectorAll('rect[data-band="outage"]').length).toBeGreaterThan(0)

    act(() =>
      store.getState().applyPush('metrics:update', [
        {
          profileId: 'prod',
          ...viewAt(now),
          added: [{ at: now, source: 'push', values: { [SRC]: { rate: '999' } } }]
        }
      ])
    )
    await waitFor(() => expect(screen.getByText('999')).toBeTruthy())
    unmount()
    expect(fake.callsTo('metrics:close')).toEqual([
      expect.objectContaining({ profileId: 'prod', jid: JID })
    ])
  })

  it('brings the vertex the job graph asked for into view, outlined', async () => {
    const now = Date.now()
    const scrolled: string[] = []
    const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (
      this: HTMLElement
    ) {
      scrolled.push(this.getAttribute('data-vertex') ?? '')
    })
    const { store } = renderConsole(<JobMetricsTab job={job} address="127.0.0.1:8081" />, {
      handlers: { 'metrics:open': () => viewAt(now), 'metrics:close': () => undefined }
    })
    act(() => store.getState().openVertexMetrics(job.id, SINK))
    await screen.findByText('Sink: Hudi')
    await waitFor(() => expect(scrolled).toEqual([SINK]))
    const cards = screen.getAllByTestId('metrics-vertex')
    const focused = cards.filter((card) => card.classList.contains('metrics-vertex-focused'))
    expect(focused.map((card) => card.getAttribute('data-vertex'))).toEqual([SINK])
    scroll.mockRestore()
  })

  it('says when Dinky collects nothing and where to switch it on, in Chinese too', async () => {
    const now = Date.now()
    const disabled = {
      ...viewAt(now),
      points: [],
      lastSampleAt: null,
      diagnosis: 'collection-disabled' as const
    }
    renderConsole(<JobMetricsTab job={job} address={null} />, {
      language: 'zh-CN',
      handlers: { 'metrics:open': () => disabled, 'metrics:close': () => undefined }
    })
    expect(await screen.findByText('服务端的指标采集似乎未开启')).toBeTruthy()
    expect(screen.getByText(/配置中心 → 全局配置 → Metrics 配置/)).toBeTruthy()
  })
})

describe('buildChart', () => {
  it('splits pushed and backfilled runs, marks holes apart from outages, thins long windows', () => {
    const points: MetricsPoint[] = [0, 5, 10, 15, 60, 65, 70].map((s, i) => ({
      at: s * 1000,
      source: i >= 2 && i <= 3 ? 'backfill' : 'push',
      values: { v: { m: String(i) } }
    }))
    const shape = buildChart({
      points,
      vertex: 'v',
      metric: 'm',
      from: 0,
      to: 70_000,
      outages: [],
      intervalMs: 5_000,
      width: 140,
      height: 40
    })
    expect(shape.segments.map((s) => s.source)).toEqual(['push', 'backfill', 'push'])
    expect(shape.bands).toEqual([{ x: 30, width: 90, kind: 'hole' }])
    expect(shape.last).toEqual({ value: '6', numeric: true, at: 70_000 })
    const many = Array.from({ length: 5000 }, (_, i) => ({
      at: i * 1000,
      source: 'push' as const,
      values: { v: { m: String(i % 7) } }
    }))
    const thin = buildChart({
      ...{ points: many, vertex: 'v', metric: 'm', from: 0, to: 5_000_000 },
      outages: [],
      intervalMs: 1000,
      width: 100,
      height: 40
    })
    expect(thin.segments[0].points.split(' ').length).toBeLessThanOrEqual(201)
  })
})
