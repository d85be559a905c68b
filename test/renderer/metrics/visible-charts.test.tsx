/**
 * Only the charts in view redraw on a sample: a chart the IntersectionObserver reports out of view keeps its last
 * drawing, and catches up as soon as it is reported in view again.
 */
import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { JobMetricsTab } from '../../../src/renderer/src/features/metrics/JobMetricsTab'
import type { JobMetricsView } from '../../../src/shared/metrics'
import type { Job } from '../../../src/shared/models'
import { renderConsole } from '../render-console'

const JID = 'b'.repeat(32)
const SRC = 'cbc357ccb763df2852fee8c4fc7d55f2'
const SINK = '0a448493b4782967b150582570326227'
const job = { id: 8, taskId: 4, name: 'clicks', status: 'RUNNING', jid: JID } as Job

function viewAt(now: number, src: string, sink: string): JobMetricsView {
  return {
    jid: JID,
    points: [
      { at: now - 5_000, source: 'push', values: { [SRC]: { rate: src }, [SINK]: { rate: sink } } }
    ],
    outages: [],
    lastSampleAt: now - 5_000,
    intervalMs: 5_000,
    diagnosis: 'ok',
    layout: null,
    stale: false,
    asOf: null
  }
}

/** An observer the test drives: `report({ vertex: inView })` tells every observer about those charts. */
function fakeObserver() {
  const observers: Array<{ callback: IntersectionObserverCallback; targets: Element[] }> = []
  class FakeObserver {
    entry: { callback: IntersectionObserverCallback; targets: Element[] }
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, targets: [] }
      observers.push(this.entry)
    }
    observe(target: Element) {
      this.entry.targets.push(target)
    }
    disconnect() {
      observers.splice(observers.indexOf(this.entry), 1)
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver)
  return (inView: Record<string, boolean>) =>
    act(() => {
      for (const o of [...observers]) {
        const entries = o.targets.map((target) => ({
          target,
          isIntersecting:
            inView[(JSON.parse((target as HTMLElement).dataset.chartKey!) as string[])[0]] ?? false
        }))
        o.callback(entries as unknown as IntersectionObserverEntry[], o as never)
      }
    })
}

afterEach(() => vi.unstubAllGlobals())

describe('JobMetricsTab visible charts', () => {
  it('redraws the charts in view on a sample and the others once they come into view', async () => {
    const report = fakeObserver()
    const now = Date.now()
    const { store } = renderConsole(<JobMetricsTab job={job} address={null} />, {
      handlers: { 'metrics:open': () => viewAt(now, '11', '22'), 'metrics:close': () => undefined }
    })
    await screen.findByText('11')
    expect(screen.getByText('22')).toBeTruthy()
    expect(document.querySelectorAll('[data-chart-key]')).toHaveLength(2)
    report({ [SRC]: true, [SINK]: false })

    act(() =>
      store.getState().applyPush('metrics:update', [
        {
          profileId: 'prod',
          ...viewAt(now, '11', '22'),
          added: [
            { at: now, source: 'push', values: { [SRC]: { rate: '33' }, [SINK]: { rate: '44' } } }
          ]
        }
      ])
    )
    await waitFor(() => expect(screen.getByText('33')).toBeTruthy())
    expect(screen.queryByText('44')).toBeNull()
    expect(screen.getByText('22')).toBeTruthy()

    report({ [SRC]: true, [SINK]: true })
    await waitFor(() => expect(screen.getByText('44')).toBeTruthy())
  })
})
