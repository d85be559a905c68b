import { act, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PinnedMetricsCard } from '../../../src/renderer/src/features/metrics/PinnedMetricsCard'
import type { JobMetricsView } from '../../../src/shared/metrics'
import { demoStore, renderConsole } from '../render-console'

const JID = 'b'.repeat(32)

describe('charts pinned to the Overview', () => {
  it('holds the job’s metrics open while shown, draws the pinned chart, and unpins', async () => {
    const store = demoStore()
    const now = Date.now()
    const view: JobMetricsView = {
      jid: JID,
      points: [0, 1, 2].map((i) => ({
        at: now - (3 - i) * 5_000,
        source: 'push' as const,
        values: { v1: { rate: String(10 + i) } }
      })),
      outages: [],
      lastSampleAt: now - 5_000,
      intervalMs: 5_000,
      diagnosis: 'ok',
      layout: null,
      stale: false,
      asOf: null
    }
    act(() =>
      store.getState().pinChart({
        profileId: 'prod',
        jid: JID,
        jobName: 'orders',
        vertex: 'v1',
        vertexTitle: 'Source',
        metric: 'rate'
      })
    )
    const { fake, unmount } = renderConsole(<PinnedMetricsCard />, {
      store,
      handlers: { 'metrics:open': () => view, 'metrics:close': () => undefined }
    })
    expect(await screen.findByText('12')).toBeTruthy()
    expect(screen.getByText('orders · Source')).toBeTruthy()
    expect(fake.callsTo('metrics:open')).toEqual([expect.objectContaining({ jid: JID })])
    act(() => screen.getByText('Unpin').click())
    expect(store.getState().pinnedCharts).toEqual([])
    expect(fake.callsTo('metrics:close')).toHaveLength(1)
    unmount()
  })
})
