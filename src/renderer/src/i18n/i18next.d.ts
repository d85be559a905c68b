/** Types `t()` keys from the English catalogue, so a misspelt key is a type error. */
import 'i18next'
import type { enUS } from './en-US'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof enUS }
  }
}
