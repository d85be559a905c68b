/**
 * A kept view while hidden and shown again (features/shell/KeptView, store/pausable-store): hidden, store changes
 * re-render nothing in it and its clocks stop; shown, it shows what is current before the paint, memoized parts too.
 */
import { act, screen } from '@testing-library/react'
import { memo } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useNow } from '../../../src/renderer/src/components/use-now'
import { KeptView } from '../../../src/renderer/src/features/shell/KeptView'
import { createConsoleStore } from '../../../src/renderer/src/store/console-store'
import { createPausableStore } from '../../../src/renderer/src/store/pausable-store'
import { useConsole } from '../../../src/renderer/src/store/store-context'
import { PROFILES } from '../preview/demo-world'
import { demoStore, renderConsole } from '../render-console'

describe('pausable store', () => {
  it('reads and tells through while running, holds the state while paused, tells once on catching up', () => {
    const source = createConsoleStore()
    const pausable = createPausableStore(source)
    const heard: string[] = []
    const stop = pausable.store.subscribe((state, previous) =>
      heard.push(`${previous.view}>${state.view}`)
    )
    source.getState().navigate('jobs')
    expect(heard).toEqual([`${source.getInitialState().view}>jobs`])

    pausable.setPaused(true)
    const held = source.getState()
    source.getState().navigate('logs')
    source.getState().navigate('clusters')
    expect(pausable.store.getState()).toBe(held)
    expect(heard).toHaveLength(1)
    // Writes reach the store itself.
    pausable.store.getState().navigate('settings')
    expect(source.getState().view).toBe('settings')
    expect(pausable.store.getState().view).toBe('jobs')

    pausable.setPaused(false)
    expect(pausable.store.getState()).toBe(source.getState())
    pausable.catchUp()
    pausable.catchUp()
    expect(heard).toEqual([`${source.getInitialState().view}>jobs`, 'jobs>settings'])
    stop()
    source.getState().navigate('logs')
    expect(heard).toHaveLength(2)
  })

  it('tells nothing on catching up when nothing changed while paused', () => {
    const source = createConsoleStore()
    const pausable = createPausableStore(source)
    const listener = vi.fn()
    pausable.store.subscribe(listener)
    pausable.setPaused(true)
    pausable.setPaused(false)
    pausable.catchUp()
    expect(listener).not.toHaveBeenCalled()
  })
})

describe('KeptView', () => {
  afterEach(() => vi.useRealTimers())

  const renders = { view: 0, memoized: 0, clock: 0 }
  const ViewName = () => {
    renders.view += 1
    return <span data-testid="kept-view-name">{useConsole((state) => state.view)}</span>
  }
  // Memoized without props: only the store's news re-renders it.
  const Memoized = memo(function Memoized() {
    renders.memoized += 1
    return (
      <span data-testid="kept-memo-name">{useConsole((state) => state.selectedProfileId)}</span>
    )
  })
  const Clock = () => {
    renders.clock += 1
    useNow(1_000)
    return null
  }
  const kept = (shown: boolean) => (
    <KeptView name="jobs" shown={shown}>
      <ViewName />
      <Memoized />
      <Clock />
    </KeptView>
  )

  it('renders nothing while hidden, then what is current as soon as it shows', () => {
    vi.useFakeTimers()
    const store = demoStore()
    const { rerender } = renderConsole(kept(true), { store })
    const frame = screen.getByTestId('view-jobs')
    expect(frame.hasAttribute('inert')).toBe(false)

    rerender(kept(false))
    expect(frame.hasAttribute('inert')).toBe(true)
    expect(frame.style.contentVisibility).toBe('hidden')
    const before = { ...renders }
    const shownView = screen.getByTestId('kept-view-name').textContent
    act(() => {
      store.getState().navigate('settings')
      store.getState().setProfiles({ profiles: PROFILES, selectedId: 'staging', withPassword: [] })
      vi.advanceTimersByTime(5_000)
    })
    expect(renders).toEqual(before)
    expect(screen.getByTestId('kept-view-name').textContent).toBe(shownView)

    rerender(kept(true))
    expect(frame.hasAttribute('inert')).toBe(false)
    expect(frame.style.contentVisibility).toBe('')
    expect(screen.getByTestId('kept-view-name').textContent).toBe('settings')
    expect(screen.getByTestId('kept-memo-name').textContent).toBe('staging')
    const shown = { ...renders }
    act(() => vi.advanceTimersByTime(1_000))
    expect(renders.clock).toBeGreaterThan(shown.clock)
  })
})
