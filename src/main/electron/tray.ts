/** The tray icon: its colour is the worst connection state across servers; its menu reaches each server. */
import { join } from 'node:path'
import { Menu, Tray, nativeImage } from 'electron'
import { worstState, type ConnectionState } from '../../shared/connection'
import type { MainStrings } from '../desktop/main-strings'

export interface TrayServer {
  profileId: string
  name: string
  state: ConnectionState | undefined
}

export interface TrayActions {
  show(profileId?: string): void
  retryAll(): void
  quit(): void
}

const ICON_BY_KIND: Record<ConnectionState['kind'], string> = {
  live: 'tray-live.png',
  connecting: 'tray-warn.png',
  reconnecting: 'tray-warn.png',
  stopped: 'tray-idle.png',
  offline: 'tray-error.png',
  'auth-expired': 'tray-error.png',
  degraded: 'tray-warn.png'
}

export function createTray(resourcesDir: string, actions: TrayActions) {
  const tray = new Tray(nativeImage.createFromPath(join(resourcesDir, 'tray-idle.png')))
  tray.setToolTip('Dinky Console')
  tray.on('click', () => actions.show())
  let lastIcon = ''

  return {
    update(servers: TrayServer[], strings: MainStrings): void {
      const worst = worstState(servers.flatMap((s) => (s.state ? [s.state] : [])))
      const icon = ICON_BY_KIND[worst?.kind ?? 'stopped']
      if (icon !== lastIcon) {
        tray.setImage(nativeImage.createFromPath(join(resourcesDir, icon)))
        lastIcon = icon
      }
      const stateOf = (server: TrayServer) => strings.state[server.state?.kind ?? 'stopped']
      tray.setToolTip(
        ['Dinky Console', ...servers.map((s) => `${s.name}: ${stateOf(s)}`)].join('\n')
      )
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: strings.show, click: () => actions.show() },
          { type: 'separator' },
          ...servers.map((s) => ({
            label: `${s.name} — ${stateOf(s)}`,
            click: () => actions.show(s.profileId)
          })),
          { type: 'separator' },
          { label: strings.retryAll, click: () => actions.retryAll() },
          { label: strings.quit, click: () => actions.quit() }
        ])
      )
    },
    destroy: () => tray.destroy()
  }
}
