import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { LogViewer } from '../../../src/renderer/src/features/logs/LogViewer'
import { logKey } from '../../../src/renderer/src/store/logs-slice'
import { selectLog } from '../../../src/renderer/src/store/selectors'
import { useConsole } from '../../../src/renderer/src/store/store-context'
import { demoStore, renderConsole } from '../render-console'
import { demoLogLines } from '../preview/demo-world'

afterEach(cleanup)

// happy-dom does no layout: give elements a size so the virtualizer has a viewport to fill.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
})
afterAll(() => vi.restoreAllMocks())

const PROCESS = 'FlinkSubmit/10'

function ConnectedViewer() {
  const stream = useConsole(selectLog(PROCESS))
  return <LogViewer stream={stream} height={600} name={PROCESS} />
}

function storeWith(lines: number) {
  const store = demoStore()
  store
    .getState()
    .applyLogTails('prod', [
      { process: PROCESS, run: 'r1', lines: demoLogLines(lines), stale: false }
    ])
  return store
}

const append = (store: ReturnType<typeof demoStore>, count: number, seq: number) =>
  act(() =>
    store.getState().applyPush('logs:append', [
      {
        profileId: 'prod',
        process: PROCESS,
        run: 'r1',
        lines: demoLogLines(count, 200_000),
        stale: false,
        sessionSeq: seq
      }
    ])
  )

describe('LogViewer', () => {
  it('renders only a window of a 100,000-line log', async () => {
    const store = storeWith(100_000)
    renderConsole(<ConnectedViewer />, { store })
    expect(screen.getByTestId('log-count').textContent).toBe('100,000 of 100,000 lines')
    const rendered = await screen.findAllByTestId('log-line')
    expect(rendered.length).toBeGreaterThan(0)
    expect(rendered.length).toBeLessThan(200)
  })

  it('counts new lines while paused and follows again on request', async () => {
    const store = storeWith(1_000)
    renderConsole(<ConnectedViewer />, { store })
    fireEvent.click(screen.getByTestId('log-pause'))
    append(store, 40, 10)
    expect((await screen.findByTestId('log-new-lines')).textContent).toBe('40 new lines')
    expect(screen.getByTestId('log-count').textContent).toBe('1,000 of 1,040 lines')
    fireEvent.click(screen.getByTestId('log-new-lines'))
    await waitFor(() =>
      expect(screen.getByTestId('log-count').textContent).toBe('1,040 of 1,040 lines')
    )
    expect(screen.queryByTestId('log-new-lines')).toBeNull()
  })

  it('counts the lines it draws while following, not lines still waiting for the next sample', async () => {
    const store = storeWith(1_000)
    renderConsole(<ConnectedViewer />, { store })
    append(store, 40, 10)
    // The store already holds 1,040 lines; the rows are sampled, so the count waits with them.
    expect(screen.getByTestId('log-count').textContent).toBe('1,000 of 1,000 lines')
    await waitFor(() =>
      expect(screen.getByTestId('log-count').textContent).toBe('1,040 of 1,040 lines')
    )
  })

  it('pauses when the operator scrolls up', () => {
    renderConsole(<ConnectedViewer />, { store: storeWith(500) })
    fireEvent.wheel(screen.getByTestId('log-scroll'), { deltaY: -120 })
    expect(screen.getByTestId('log-follow')).toBeTruthy()
  })

  it('filters by level and shows an invalid regex inline', async () => {
    const store = storeWith(10_000)
    renderConsole(<ConnectedViewer />, { store })
    for (const level of ['WARN', 'INFO', 'DEBUG']) fireEvent.click(screen.getByLabelText(level))
    await waitFor(() =>
      expect(screen.getByTestId('log-count').textContent).toMatch(/^\d{3} of 10,000 lines$/)
    )
    const ring = store.getState().logs[logKey('prod', PROCESS)].ring
    for (const line of screen.getAllByTestId('log-line')) {
      expect(ring.level(Number(line.dataset.line))).toBe(1)
    }
    fireEvent.change(screen.getByTestId('log-search'), { target: { value: '([a-z' } })
    expect(screen.getByTestId('log-search-error').textContent).toMatch(
      /^Invalid regular expression: /
    )
  })

  it('steps to the next match and says where it is', async () => {
    renderConsole(<ConnectedViewer />, { store: storeWith(5_000) })
    fireEvent.change(screen.getByTestId('log-search'), {
      target: { value: 'checkpoint \\d+ expired' }
    })
    fireEvent.click(screen.getByTestId('log-next'))
    await waitFor(() =>
      expect(screen.getByTestId('log-match-count').textContent).toMatch(/^1 \/ \d+$/)
    )
    fireEvent.click(screen.getByTestId('log-next'))
    await waitFor(() =>
      expect(screen.getByTestId('log-match-count').textContent).toMatch(/^2 \/ \d+$/)
    )
    fireEvent.click(screen.getByTestId('log-prev'))
    fireEvent.click(screen.getByTestId('log-prev'))
    await waitFor(() =>
      expect(screen.getByTestId('log-match-count').textContent).toMatch(/^(\d+) \/ \1$/)
    )
    // Searching pauses following, so the match stays in view.
    expect(screen.getByTestId('log-follow')).toBeTruthy()
  })
})
