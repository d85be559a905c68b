/**
 * Screens in every look a person may get: en-US and zh-CN, light and dark, the app following the system's language
 * and theme as a first run does. `screenshotMatrix` declares one describe block per look, each with its own app
 * launched (and Live) on the scenario's server, so a screenshot scenario says only what it opens and captures.
 */
import { describe } from 'vitest'
import { useScenarioApp, type ScenarioApp } from './scenario-fixture'

export const LOOKS = [
  { locale: 'en-US', dark: false },
  { locale: 'en-US', dark: true },
  { locale: 'zh-CN', dark: false },
  { locale: 'zh-CN', dark: true }
] as const

export interface Look {
  readonly locale: (typeof LOOKS)[number]['locale']
  readonly dark: boolean
  readonly chinese: boolean
  /** `<locale>-<light|dark>`: the end of every screenshot name taken in this look. */
  readonly suffix: string
}

/** A look with what its screens need: whether it is Chinese, and the end of its screenshot names. */
export function lookOf(locale: Look['locale'], dark: boolean): Look {
  return {
    locale,
    dark,
    chinese: locale === 'zh-CN',
    suffix: `${locale}-${dark ? 'dark' : 'light'}`
  }
}

/**
 * `describe.each` over LOOKS, titled `<title> in <locale>, dark: <dark>`; `body` runs inside each block with the
 * look and the app launched in it on `server()`.
 */
export function screenshotMatrix(
  title: string,
  server: () => string,
  body: (look: Look, scenario: ScenarioApp) => void
): void {
  describe.each(LOOKS)(`${title} in $locale, dark: $dark`, ({ locale, dark }) => {
    const look = lookOf(locale, dark)
    const scenario = useScenarioApp({
      server,
      settings: { language: 'system', theme: 'system' },
      launch: { locale, darkMode: dark }
    })
    body(look, scenario)
  })
}
