/** Renderer entry, wiring only: store, IPC binding (once, outside React), i18n, render. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createI18n } from './i18n/setup-i18n'
import { bindStoreToIpc } from './ipc/bind-store-to-ipc'
import { createConsoleStore } from './store/console-store'
import { ConsoleProvider } from './store/store-context'
import './styles.css'

const store = createConsoleStore()
const binding = bindStoreToIpc(window.api, store)
const i18n = createI18n(navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US')

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConsoleProvider store={store} api={window.api} sync={binding.sync}>
      <App i18n={i18n} />
    </ConsoleProvider>
  </StrictMode>
)
