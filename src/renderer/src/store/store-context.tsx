/**
 * Hands the store, the API and the snapshot sync to components. Components read state through `useConsole` with
 * an atomic selector (or `useShallow`) and call main through `useConsoleApi`.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { ConsoleApi } from '../ipc/console-api'
import type { SnapshotSync } from '../ipc/snapshot-sync'
import type { ConsoleState, ConsoleStore } from './console-store'

export interface ConsoleContextValue {
  store: ConsoleStore
  api: ConsoleApi
  sync: SnapshotSync
}

const ConsoleContext = createContext<ConsoleContextValue | null>(null)

export function ConsoleProvider(props: ConsoleContextValue & { children: ReactNode }) {
  const { store, api, sync, children } = props
  // The same value while its parts are: a provider's re-render (a kept view's, on each change of view) re-renders
  // no consumer by itself.
  const value = useMemo(() => ({ store, api, sync }), [store, api, sync])
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>
}

function useConsoleContext(): ConsoleContextValue {
  const value = useContext(ConsoleContext)
  if (!value) throw new Error('ConsoleProvider is missing')
  return value
}

/** Subscribes to one slice of the store. */
export function useConsole<T>(selector: (state: ConsoleState) => T): T {
  return useStore(useConsoleContext().store, selector)
}

export function useConsoleApi(): ConsoleApi {
  return useConsoleContext().api
}

export function useConsoleSync(): SnapshotSync {
  return useConsoleContext().sync
}

export function useConsoleStore(): ConsoleStore {
  return useConsoleContext().store
}
