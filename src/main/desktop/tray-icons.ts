/**
 * Which tray image shows a connection state on which OS. Each name has a 1x file (16 px) and an `@2x` file (32 px)
 * beside it, which Electron's nativeImage loads for HiDPI screens; macOS gets black-and-alpha template images
 * (`…Template.png`) that the menu bar tints for light and dark, so there the state is a marker's shape, not a colour.
 * scripts/make-tray-icons.sh draws them.
 */
import type { ConnectionState } from '../../shared/connection'

const ICON_BY_KIND: Record<ConnectionState['kind'], 'live' | 'warn' | 'idle' | 'error'> = {
  live: 'live',
  connecting: 'warn',
  reconnecting: 'warn',
  stopped: 'idle',
  offline: 'error',
  'auth-expired': 'error',
  // Live by polling: data flows, but a proxy needs fixing.
  degraded: 'warn'
}

/** The 1x file name (under resources/) for a state; `kind` undefined means no server has a state yet. */
export function trayIconFile(kind: ConnectionState['kind'] | undefined, platform: string): string {
  const icon = ICON_BY_KIND[kind ?? 'stopped']
  return platform === 'darwin' ? `tray-${icon}Template.png` : `tray-${icon}.png`
}

/** Every file the tray may load, 1x and 2x, for the packaging check. */
export function allTrayIconFiles(): string[] {
  const icons = [...new Set(Object.values(ICON_BY_KIND))]
  return icons.flatMap((icon) =>
    [`tray-${icon}`, `tray-${icon}Template`].flatMap((base) => [`${base}.png`, `${base}@2x.png`])
  )
}
