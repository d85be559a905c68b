/**
 * The stand-in `nativeTheme`. The OS setting starts from the launcher (DINKY_E2E_DARK=1) and a test can flip it;
 * the effective scheme is mirrored into every page's prefers-color-scheme, as Electron does.
 */
import { EventEmitter } from 'node:events'
import { notifyTest } from './test-link'

type ThemeSource = 'system' | 'light' | 'dark'

export class StandInNativeTheme extends EventEmitter {
  readonly shouldUseHighContrastColors = false
  readonly shouldUseInvertedColorScheme = false
  readonly inForcedColorsMode = false
  readonly prefersReducedTransparency = false
  private source: ThemeSource = 'system'
  private systemDark = process.env['DINKY_E2E_DARK'] === '1'

  get shouldUseDarkColors(): boolean {
    return this.source === 'dark' || (this.source === 'system' && this.systemDark)
  }
  get themeSource(): ThemeSource {
    return this.source
  }
  set themeSource(source: ThemeSource) {
    this.change(() => (this.source = source))
  }

  /** The OS switched between light and dark. */
  _setSystemDark(dark: boolean): void {
    this.change(() => (this.systemDark = dark))
  }

  private change(apply: () => void): void {
    const before = this.shouldUseDarkColors
    apply()
    if (before === this.shouldUseDarkColors) return
    notifyTest({ kind: 'theme', dark: this.shouldUseDarkColors })
    this.emit('updated')
  }
}

export const nativeTheme = new StandInNativeTheme()
