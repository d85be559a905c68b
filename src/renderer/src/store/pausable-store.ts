/**
 * The store as a hidden view sees it: while paused, it reads the state as it was when paused and hears of no change,
 * so pushes re-render nothing in a view nobody looks at. Resumed, it reads what is current; `catchUp` then tells the
 * view's subscribers whether anything changed meanwhile, once. Writes always go to the store itself.
 *
 * Why two steps: the view's own render after it shows again already reads the current state, and telling subscribers
 * during that render would update components while another renders (React forbids it), so the shell resumes while
 * rendering and catches up in a layout effect, before the paint.
 */
import type { ConsoleState, ConsoleStore } from './console-store'

type Listener = (state: ConsoleState, previous: ConsoleState) => void

export interface PausableStore {
  /** The store for the view (getState, subscribe, setState, getInitialState). */
  readonly store: ConsoleStore
  /** Paused: holds the current state and stops telling subscribers; unpaused: reads through again. Idempotent. */
  setPaused(paused: boolean): void
  /** After a resume: tells subscribers the state changed if it did while paused. */
  catchUp(): void
}

export function createPausableStore(source: ConsoleStore): PausableStore {
  const listeners = new Set<Listener>()
  let held: ConsoleState | null = null
  /** The state subscribers last heard of (or read) before a pause: what `catchUp` compares with. */
  let heard: ConsoleState | null = null
  let detach: (() => void) | null = null

  const forward: Listener = (state, previous) => {
    if (held !== null) return
    for (const listener of [...listeners]) listener(state, previous)
  }

  const store: ConsoleStore = {
    getState: () => held ?? source.getState(),
    getInitialState: () => source.getInitialState(),
    setState: source.setState,
    subscribe(listener) {
      listeners.add(listener)
      detach ??= source.subscribe(forward)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && detach) {
          detach()
          detach = null
        }
      }
    }
  }

  return {
    store,
    setPaused(paused) {
      if (paused && held === null) {
        held = source.getState()
        heard = held
      } else if (!paused) {
        held = null
      }
    },
    catchUp() {
      if (held !== null || heard === null) return
      const before = heard
      heard = null
      const current = source.getState()
      if (current !== before) forward(current, before)
    }
  }
}
