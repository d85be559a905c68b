/**
 * The application menu, installed from `desktop/app-menu.ts`'s plain entries: each command item sends the renderer
 * an `app:navigate` (a view, the palette, the shortcut sheet). Rebuilt when the language setting changes.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import {
  appMenuTemplate,
  menuNavigation,
  type AppMenuCommand,
  type AppMenuEntry
} from '../desktop/app-menu'
import type { MenuStrings } from '../desktop/menu-strings'

export interface AppMenuDeps {
  strings: () => MenuStrings
  /** Brings the window forward and sends it the command (as `app:navigate`). */
  run: (navigation: ReturnType<typeof menuNavigation>) => void
}

function toElectron(
  entry: AppMenuEntry,
  run: (command: AppMenuCommand) => void
): MenuItemConstructorOptions {
  if ('type' in entry) return { type: 'separator' }
  if ('submenu' in entry) {
    return {
      label: entry.label,
      ...(entry.role ? { role: entry.role } : {}),
      submenu: entry.submenu.map((inner) => toElectron(inner, run))
    }
  }
  if ('command' in entry) {
    const { command } = entry
    return {
      label: entry.label,
      id: entry.id,
      accelerator: entry.accelerator,
      click: () => run(command)
    }
  }
  return entry.label === undefined ? { role: entry.role } : { role: entry.role, label: entry.label }
}

/** Sets the menu now; `refresh()` sets it again in the current language. */
export function installAppMenu(deps: AppMenuDeps): { refresh: () => void } {
  const refresh = () => {
    const entries = appMenuTemplate(deps.strings(), process.platform, { devTools: !app.isPackaged })
    const run = (command: AppMenuCommand) => deps.run(menuNavigation(command))
    Menu.setApplicationMenu(Menu.buildFromTemplate(entries.map((entry) => toElectron(entry, run))))
  }
  refresh()
  return { refresh }
}
