/**
 * The tray icon: its colour is the worst connection state across servers; its menu reaches each server and, while
 * alerts fire, the list of open alerts (the words and entries come from `tray-content.ts`).
 */
import { join } from 'node:path'
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron'
import { worstState } from '../../shared/connection'
import type { MainStrings } from '../desktop/main-strings'
import { trayIconFile } from '../desktop/tray-icons'
import { trayMenu, trayTooltip, type TrayCommand, type TrayServer } from '../desktop/tray-content'

export type { TrayServer } from '../desktop/tray-content'

export interface TrayActions {
  show(profileId?: string): void
  /** Opens the open-alerts list. */
  showAlerts(): void
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

  const run = (command: TrayCommand) => {
    if (command.kind === 'show') actions.show(command.profileId)
    else if (command.kind === 'alerts') actions.showAlerts()
    else if (command.kind === 'retry-all') actions.retryAll()
    else actions.quit()
  }

  return {
    update(servers: TrayServer[], strings: MainStrings, firing = 0): void {
      const worst = worstState(servers.flatMap((s) => (s.state ? [s.state] : [])))
      const icon = trayIconFile(worst?.kind, process.platform)
      if (icon !== lastIcon) {
        tray.setImage(trayImage(resourcesDir, icon))
        lastIcon = icon
      }
      tray.setToolTip(trayTooltip(servers, strings, firing))
      const template: MenuItemConstructorOptions[] = trayMenu(servers, strings, firing).map(
        (entry) =>
          'command' in entry
            ? {
                label: entry.label,
                ...(entry.id ? { id: entry.id } : {}),
                click: () => run(entry.command)
              }
            : { type: 'separator' }
      )
      tray.setContextMenu(Menu.buildFromTemplate(template))
    },
    destroy: () => tray.destroy()
  }
}
