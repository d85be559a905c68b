/**
 * Screens of the three-server scenario in every look (en-US and zh-CN, light and dark) at both window sizes the
 * issue asks for: `fleetScreenshotMatrix` declares one describe block per look with its own `useFleetScenario`, so
 * a screenshot scenario (the fleet overview, the all-servers jobs table, the palette) says only what it opens.
 */
import { describe } from 'vitest'
import { LOOKS, lookOf, type Look } from './screenshot-matrix'
import { useFleetScenario, type FleetScenario, type FleetScenarioOptions } from './fleet-scenario'

/** The smallest window the console supports and a common laptop one. */
export const SCREEN_SIZES = [
  { width: 960, height: 600 },
  { width: 1440, height: 900 }
] as const

export type ScreenSize = (typeof SCREEN_SIZES)[number]

/** `<name>-<locale>-<light|dark>-<width>x<height>`: the screenshot name for a look and a size. */
export function screenName(name: string, look: Look, size: ScreenSize): string {
  return `${name}-${look.suffix}-${size.width}x${size.height}`
}

/**
 * `describe.each` over LOOKS, titled `<title> in <locale>, dark: <dark>`; `body` runs inside each block with the
 * look and the fleet scenario launched in it (`options` apply to every look; its locale and dark are the look's).
 */
export function fleetScreenshotMatrix(
  title: string,
  options: Omit<FleetScenarioOptions, 'locale' | 'dark'>,
  body: (look: Look, scenario: FleetScenario) => void
): void {
  describe.each(LOOKS)(`${title} in $locale, dark: $dark`, ({ locale, dark }) => {
    const look = lookOf(locale, dark)
    body(look, useFleetScenario({ ...options, locale, dark }))
  })
}
