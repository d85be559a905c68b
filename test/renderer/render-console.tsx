/** Renders a piece of the console the way main.tsx does (store, API, i18n, antd App) for component tests. */
import { render } from '@testing-library/react'
import { App as AntApp } from 'antd'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createI18n, type UiLanguage } from '../../src/renderer/src/i18n/setup-i18n'
import { createSnapshotSync } from '../../src/renderer/src/ipc/snapshot-sync'
import { createConsoleStore, type ConsoleStore } from '../../src/renderer/src/store/console-store'
import { ConsoleProvider } from '../../src/renderer/src/store/store-context'
import { createFakeApi, type FakeApi, type FakeHandlers } from './fake-api'
import { demoSnapshot, PROFILES } from './preview/demo-world'

export interface RenderedConsole {
  store: ConsoleStore
  fake: FakeApi
  unmount: () => void
  /** Renders another node in the same providers (the same store, API and language). */
  rerender: (node: ReactNode) => void
}

/** A store loaded with the demo world's `prod` server, as after a first snapshot. */
export function demoStore(logCapacity?: number): ConsoleStore {
  const store = createConsoleStore({ logCapacity })
  store.getState().setProfiles({ profiles: PROFILES, selectedId: 'prod', withPassword: [] })
  store.getState().applySnapshot(demoSnapshot('prod', 50))
  return store
}

export function renderConsole(
  node: ReactNode,
  options: { handlers?: FakeHandlers; store?: ConsoleStore; language?: UiLanguage } = {}
): RenderedConsole {
  const store = options.store ?? demoStore()
  const fake = createFakeApi(options.handlers)
  const sync = createSnapshotSync(fake.api, store)
  const i18n = createI18n(options.language ?? 'en-US')
  const within = (inner: ReactNode) => (
    <ConsoleProvider store={store} api={fake.api} sync={sync}>
      <I18nextProvider i18n={i18n}>
        <AntApp>{inner}</AntApp>
      </I18nextProvider>
    </ConsoleProvider>
  )
  const { unmount, rerender } = render(within(node))
  return { store, fake, unmount, rerender: (next) => rerender(within(next)) }
}
