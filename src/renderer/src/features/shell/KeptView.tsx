/**
 * A view the shell keeps mounted while another shows (the Jobs view: opening it again shows what is there instead of
 * building 6,000 jobs' table and its filters anew, and its filters, sort and scroll stay as the operator left them).
 *
 * Hidden, it costs next to nothing: it reads the store as it was when hidden (`pausable-store`), so pushes re-render
 * nothing in it, and its clocks stop (`ViewShown`); the page skips its styles, layout and paint
 * (`content-visibility: hidden`), and it is out of the accessibility tree and the focus order (`inert`). Shown again,
 * it renders once with what is current, and the page reuses the styles and layout it kept (after `display: none`, as
 * React's `<Activity>` hides, the page works both out anew: the scale bench's first render of Jobs).
 */
import { useLayoutEffect, useState, type ReactNode } from 'react'
import { ViewShown } from '../../components/view-shown'
import { createPausableStore } from '../../store/pausable-store'
import {
  ConsoleProvider,
  useConsoleApi,
  useConsoleStore,
  useConsoleSync
} from '../../store/store-context'

const HIDDEN = { contentVisibility: 'hidden', height: 0, overflow: 'hidden' } as const

export function KeptView(props: { name: string; shown: boolean; children: ReactNode }) {
  const { name, shown, children } = props
  const store = useConsoleStore()
  const api = useConsoleApi()
  const sync = useConsoleSync()
  const [pausable] = useState(() => createPausableStore(store))
  // While rendering, so this render already reads the state it will show; subscribers hear of it before the paint.
  pausable.setPaused(!shown)
  useLayoutEffect(() => {
    if (shown) pausable.catchUp()
  }, [pausable, shown])
  return (
    <div
      className="view-frame"
      data-testid={`view-${name}`}
      style={shown ? undefined : HIDDEN}
      inert={!shown}
    >
      <ConsoleProvider store={pausable.store} api={api} sync={sync}>
        <ViewShown.Provider value={shown}>{children}</ViewShown.Provider>
      </ConsoleProvider>
    </div>
  )
}
