/**
 * i18next with the two catalogues bundled (no loading over the network: the CSP forbids it). The language follows
 * the store (settings, else the OS locale from `app:info`); `changeLanguage` is called by the App when it changes.
 */
import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { enUS } from './en-US'
import { zhCN } from './zh-CN'

export const SUPPORTED_LANGUAGES = ['en-US', 'zh-CN'] as const
export type UiLanguage = (typeof SUPPORTED_LANGUAGES)[number]

/** Creates an initialised i18next instance; each test gets its own. */
export function createI18n(language: UiLanguage = 'en-US'): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en-US',
    resources: { 'en-US': { translation: enUS }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    initAsync: false
  })
  return instance
}
