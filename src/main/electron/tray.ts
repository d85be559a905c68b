/** The tray icon: its colour is the worst connection state across servers; its menu reaches each server. */
import { join } from 'node:path'
import { Menu, Tray, nativeImage } from 'electron'
import { worstState, type ConnectionState } from '../../shared/connection'
import type { MainStrings } from '../desktop/main-strings'
import { trayIconFile } from '../desktop/tray-icons'

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

/** Loads `name` (and `name@2x` beside it); on macOS the template flag makes the menu bar tint it. */
function trayImage(resourcesDir: string, name: string) {
  const image = nativeImage.createFromPath(join(resourcesDir, name))
  if (process.platform === 'darwin') image.setTemplateImage(true)
  return image
}

export function createTray(resourcesDir: string, actions: TrayActions) {
  const tray = new Tray(trayImage(resourcesDir, trayIconFile(undefined, process.platform)))
  tray.setToolTip('Dinky Console')
  tray.on('click', () => actions.show())
  let lastIcon = ''

  return {
    update(servers: TrayServer[], strings: MainStrings): void {
      const worst = worstState(servers.flatMap((s) => (s.state ? [s.state] : [])))
      const icon = trayIconFile(worst?.kind, process.platform)
      if (icon !== lastIcon) {
        tray.setImage(trayImage(resourcesDir, icon))
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
