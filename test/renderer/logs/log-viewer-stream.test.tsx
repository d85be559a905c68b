/**
 * The log viewer fed the way main feeds it on a loaded machine: batches of very different sizes, back to back or
 * faster than the viewer samples, and snapshot tails replacing the ring mid-stream (a resync after a gap or after
 * `logs:follow`). Whatever the timing, the rows on screen are a contiguous run of the log and the store holds every
 * line once. (Whether the newest line reaches the bottom of the view needs layout, which happy-dom does not do: the
 * e2e scenario `job-failure-and-log` checks that in Chromium.)
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { LogViewer } from '../../../src/renderer/src/features/logs/LogViewer'
import { LineRing } from '../../../src/renderer/src/logs/line-ring'
import { logKey } from '../../../src/renderer/src/store/logs-slice'
import { selectLog } from '../../../src/renderer/src/store/selectors'
import { useConsole } from '../../../src/renderer/src/store/store-context'
import { demoStore, renderConsole } from '../render-console'

afterEach(cleanup)

// happy-dom does no layout: give elements a size so the virtualizer has a viewport to fill.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
})
afterAll(() => vi.restoreAllMocks())

const PROCESS = 'FlinkSubmit/3'

function ConnectedViewer() {
  const stream = useConsole(selectLog(PROCESS))
  return <LogViewer stream={stream} height={600} name={PROCESS} />
}

/** A small deterministic generator, so a failure replays the same batches. */
function lcg(seed: number): (below: number) => number {
  let state = seed
  return (below) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state % below
  }
}

const text = (n: number) => `2026-11-30 08:00:00.000 INFO  org.dinky.sim - line ${n}`

/** The log numbers of the rows on screen, in DOM order; throws unless they are consecutive. */
function shownNumbers(): number[] {
  const numbers = screen
    .queryAllByTestId('log-line')
    .map((row) => Number(/line (\d+)$/.exec(row.textContent ?? '')?.[1] ?? NaN))
  numbers.forEach((n, i) => {
    if (i > 0 && n !== numbers[i - 1] + 1) {
      throw new Error(`rows are not a contiguous run of the log: ${numbers.join(',')}`)
    }
  })
  return numbers
}

/** Resolves once the viewer has sampled the store: its line count shows what the ring holds now. */
async function waitForSample(store: ReturnType<typeof demoStore>): Promise<void> {
  const held = store.getState().logs[logKey('prod', PROCESS)].ring.size.toLocaleString('en-US')
  await waitFor(
    () => expect(screen.getByTestId('log-count').textContent).toBe(`${held} of ${held} lines`),
    { timeout: 10_000 }
  )
}

describe('LogViewer under a bursty stream with resyncs', () => {
  it.each([1, 2])(
    'shows a contiguous run of the log at every step (seed %i)',
    async (seed) => {
      const random = lcg(seed)
      const store = demoStore()
      renderConsole(<ConnectedViewer />, { store })
      let written = 0
      let sessionSeq = 10
      const batch = (count: number) => {
        const lines = Array.from({ length: count }, (_, i) => text(written + i))
        written += count
        return lines
      }
      for (let step = 0; step < 40; step++) {
        const kind = random(10)
        act(() => {
          if (kind === 0) {
            // A resync: the snapshot's tail (the last ≤ 300 lines) replaces the ring.
            const from = Math.max(0, written - 300)
            const lines = Array.from({ length: written - from }, (_, i) => text(from + i))
            store
              .getState()
              .applyLogTails('prod', [{ process: PROCESS, run: 'r1', lines, stale: false }])
          } else {
            const count = kind < 4 ? 1 + random(3) : kind < 8 ? 10 + random(40) : 200 + random(400)
            sessionSeq += 1
            store.getState().applyPush('logs:append', [
              {
                profileId: 'prod',
                process: PROCESS,
                run: 'r1',
                lines: batch(count),
                stale: false,
                sessionSeq
              }
            ])
          }
        })
        shownNumbers()
        // Sometimes the next batch comes before the viewer's next sample, sometimes after it: then the test waits
        // for that sample itself (the count on screen catching up with the store), not for a guessed time.
        if (random(3) === 0) await waitForSample(store)
        shownNumbers()
      }
      // Every line written is in the store once, in order, and the viewer counts all of them once sampled.
      const ring = store.getState().logs[logKey('prod', PROCESS)].ring.toArray()
      const numbers = ring.map((line) => Number(/line (\d+)$/.exec(line)?.[1]))
      expect(numbers.at(-1)).toBe(written - 1)
      expect(numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1)).toBe(true)
      const count = ring.length.toLocaleString('en-US')
      await waitFor(() =>
        expect(screen.getByTestId('log-count').textContent).toBe(`${count} of ${count} lines`)
      )
      expect(shownNumbers().length).toBeGreaterThan(20)
    },
    30_000
  )

  it('does not redraw its rows for pushes that arrive between two samples', async () => {
    const store = demoStore()
    renderConsole(<ConnectedViewer />, { store })
    let written = 0
    const push = (sessionSeq: number, count = 5) =>
      act(() => {
        const lines = Array.from({ length: count }, (_, i) => text(written + i))
        written += lines.length
        store
          .getState()
          .applyPush('logs:append', [
            { profileId: 'prod', process: PROCESS, run: 'r1', lines, stale: false, sessionSeq }
          ])
      })
    push(10, 200)
    await waitFor(() =>
      expect(screen.getByTestId('log-count').textContent).toBe('200 of 200 lines')
    )
    expect(shownNumbers().length).toBeGreaterThan(20)
    // Twenty pushes inside one sampling interval (150 ms): the rows on screen cannot change, so drawing them again
    // (reading every row's text from the ring) is work a loaded renderer cannot afford twenty times a second.
    const reads = vi.spyOn(LineRing.prototype, 'line')
    for (let i = 0; i < 20; i++) push(11 + i)
    const perPush = reads.mock.calls.length / 20
    reads.mockRestore()
    expect(perPush).toBeLessThan(1)
    // The next sample takes them all in.
    await waitFor(() =>
      expect(screen.getByTestId('log-count').textContent).toBe('300 of 300 lines')
    )
  })

  it('is checked by a rule that fails on a repeated line', () => {
    render(
      <div>
        {[text(1), text(2), text(2), text(3)].map((line, i) => (
          <div key={i} data-testid="log-line">
            {line}
          </div>
        ))}
      </div>
    )
    expect(shownNumbers).toThrow(/not a contiguous run/)
  })
})
