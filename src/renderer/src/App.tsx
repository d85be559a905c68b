/**
 * The root component: antd's ConfigProvider (theme and locale), antd's App (message/modal context) and i18next,
 * all following the store's resolved language and theme.
 */
import IconContext from '@ant-design/icons/es/components/Context'
import { App as AntApp, ConfigProvider } from 'antd'
import enUSLocale from 'antd/locale/en_US'
import zhCNLocale from 'antd/locale/zh_CN'
import type { i18n } from 'i18next'
import { useEffect } from 'react'
import { I18nextProvider } from 'react-i18next'
import { AppShell } from './features/shell/AppShell'
import { UpdateReadyPrompt } from './features/updates/UpdateReadyPrompt'
import { selectDark, selectLanguage } from './store/selectors'
import { consoleTheme, statusTagTextVars } from './theme-config'
import { useConsole } from './store/store-context'

/**
 * Icons add no styles of their own: ConfigProvider already injects the same `.anticon` rules once, and each icon's
 * own insertion searched every style element of the page on every mount (2 ms of each Jobs table reveal).
 */
const ICONS = { zeroRuntime: true }

export function App({ i18n }: { i18n: i18n }) {
  const dark = useConsole(selectDark)
  const language = useConsole(selectLanguage)
  const setSystemDark = useConsole((state) => state.setSystemDark)

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language)
    document.documentElement.lang = language
  }, [i18n, language])

  // The focus ring (styles.css) and anything else drawn outside antd's tokens follow the resolved theme.
  useEffect(() => {
    const root = document.documentElement
    root.dataset['theme'] = dark ? 'dark' : 'light'
    for (const [name, value] of Object.entries(statusTagTextVars(dark))) {
      if (value === null) root.style.removeProperty(name)
      else root.style.setProperty(name, value)
    }
  }, [dark])

  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)')
    if (!query) return
    const listener = (event: MediaQueryListEvent) => setSystemDark(event.matches)
    query.addEventListener('change', listener)
    return () => query.removeEventListener('change', listener)
  }, [setSystemDark])

  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider
        locale={language === 'zh-CN' ? zhCNLocale : enUSLocale}
        theme={consoleTheme(dark)}
      >
        <IconContext.Provider value={ICONS}>
          <AntApp style={{ height: '100%' }}>
            <AppShell />
            <UpdateReadyPrompt />
          </AntApp>
        </IconContext.Provider>
      </ConfigProvider>
    </I18nextProvider>
  )
}
