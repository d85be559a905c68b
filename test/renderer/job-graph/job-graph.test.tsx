/**
 * The drawer's Graph tab (issue 24): dagre runs only when the plan's structure changes (a detail update recolours
 * and relabels), vertices are coloured by busy %, hatched and labelled when backpressured, marked when skewed,
 * reachable by keyboard with accessible names, and open the vertex panel; both languages.
 */
import dagre from '@dagrejs/dagre'
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { JobGraphTab } from '../../../src/renderer/src/features/job-graph/JobGraphTab'
import { selectJobs } from '../../../src/renderer/src/store/selectors'
import { demoStore, renderConsole } from '../render-console'
import { planDetail } from '../../support/job-plan-fixture'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function setup(count: number, language: 'en-US' | 'zh-CN' = 'en-US') {
  const store = demoStore()
  const job = selectJobs(store.getState())!.value[0]
  const push = (vertices: number, tick: number) =>
    act(() => store.getState().setHealthDetail('prod', planDetail(vertices, tick, job.id)))
  push(count, 0)
  renderConsole(<JobGraphTab job={job} />, { store, language })
  return { store, job, push }
}

const vertexEl = (id: string) =>
  screen.getAllByTestId('graph-vertex').find((el) => el.getAttribute('data-vertex-id') === id)!
/** What a vertex shows in words: its lines are drawn beside its button (which is named by its label). */
const vertexText = (id: string) => vertexEl(id).nextElementSibling!.textContent

describe('JobGraphTab', () => {
  it('lays the plan out once per structure: a detail update only changes the figures', () => {
    const layout = vi.spyOn(dagre, 'layout')
    // 29 vertices: a structure no other test lays out (layouts are kept by structure across mounts).
    const { push } = setup(29)
    expect(layout).toHaveBeenCalledTimes(1)
    expect(screen.getAllByTestId('graph-vertex')).toHaveLength(29)
    const busyBefore = vertexEl('v1').getAttribute('data-busy')
    const placedBefore = vertexEl('v1').getAttribute('transform')
    push(29, 1)
    push(29, 2)
    expect(layout).toHaveBeenCalledTimes(1)
    expect(vertexEl('v1').getAttribute('data-busy')).not.toBe(busyBefore)
    expect(vertexEl('v1').getAttribute('transform')).toBe(placedBefore)
    push(27, 3)
    expect(layout).toHaveBeenCalledTimes(2)
    expect(screen.getAllByTestId('graph-vertex')).toHaveLength(27)
  })

  it('colours idle blue and busy red, hatches and names backpressure, marks skew in words', () => {
    setup(4)
    const fill = (id: string) => vertexEl(id).querySelector('rect')!.getAttribute('fill')!
    expect(fill('v0')).toMatch(/^hsl\((19\d|20\d), /) // 5 % busy: blue
    expect(fill('v2')).toMatch(/^hsl\(1\d?, /) // 92 % busy: red
    const bp = vertexEl('v1')
    expect(bp.getAttribute('data-backpressure')).toBe('high')
    expect(bp.querySelectorAll('rect')[1].getAttribute('fill')).toBe('url(#graph-hatch-high)')
    expect(vertexText('v1')).toContain('BP HIGH')
    expect(vertexEl('v0').querySelectorAll('rect')).toHaveLength(1)
    const skewed = vertexEl('v2')
    expect(skewed.getAttribute('data-skewed')).toBe('true')
    expect(vertexText('v2')).toContain('SKEWED 3.2×')
    expect(vertexEl('v3').getAttribute('data-skewed')).toBe('false')
    expect(screen.getByTestId('job-graph').textContent).toContain('HASH')
  })

  it('gives vertices accessible names and opens the panel with Enter', () => {
    setup(4)
    const v1 = screen.getByRole('button', {
      name: /Calc\(select=\[id, amount\]\): parallelism 4, busy 12 %, backpressure HIGH/
    })
    expect(v1.getAttribute('tabindex')).toBe('0')
    expect(screen.queryByTestId('graph-vertex-panel')).toBeNull()
    v1.focus()
    fireEvent.keyDown(v1, { key: 'Enter' })
    const panel = screen.getByTestId('graph-vertex-panel')
    expect(panel.getAttribute('data-vertex-id')).toBe('v1')
    expect(within(panel).getByTestId('graph-vertex-backpressure').textContent).toContain(
      'Backpressure HIGH'
    )
    fireEvent.click(within(panel).getByRole('button', { name: 'Close vertex panel' }))
    expect(screen.queryByTestId('graph-vertex-panel')).toBeNull()
    fireEvent.keyDown(v1, { key: ' ' })
    fireEvent.keyDown(screen.getByTestId('graph-vertex-panel'), { key: 'Escape' })
    expect(screen.queryByTestId('graph-vertex-panel')).toBeNull()
  })

  it('shows a clicked vertex’s subtasks and skew, and opens the Metrics tab at its charts from the panel', () => {
    const { store, job } = setup(4)
    fireEvent.click(vertexEl('v2'))
    const panel = screen.getByTestId('graph-vertex-panel')
    expect(panel.textContent).toContain('the busiest subtask handles 3.2 times the mean')
    const bars = within(panel).getByTestId('graph-subtask-bars').querySelectorAll('li')
    expect(bars).toHaveLength(4)
    expect(bars[0].getAttribute('data-top')).toBe('true')
    expect(panel.textContent).toContain('Calc(select=[id, amount]) (HASH)')
    fireEvent.click(within(panel).getByTestId('graph-vertex-metrics'))
    expect(store.getState().openJobId).toBe(job.id)
    expect(store.getState().openJobTab).toBe('metrics')
    expect(store.getState().metricsVertex).toBe('v2')
  })

  it('speaks Chinese', () => {
    setup(4, 'zh-CN')
    expect(vertexText('v1')).toContain('反压 高')
    expect(vertexText('v2')).toContain('倾斜 3.2×')
    expect(screen.getByRole('button', { name: '适应视图' })).toBeTruthy()
    expect(screen.getByTestId('job-graph').getAttribute('aria-label')).toContain('4 个节点')
  })

  it('says so when the detail has no vertices', () => {
    const { push } = setup(4)
    push(0, 1)
    expect(screen.queryByTestId('job-graph')).toBeNull()
    expect(screen.getByText(/No plan known yet/)).toBeTruthy()
  })
})
