/**
 * The application menu as plain data: a View menu that reaches every view (Ctrl/⌘+1…7, from VIEW_SHORTCUTS, the
 * table the renderer's keys and shortcut sheet use) and opens the command palette (Ctrl/⌘+K), a Help menu with the
 * shortcut sheet (Ctrl/⌘+/), and the platform's usual menus (macOS's app, Edit and Window menus, which its copy and
 * paste keys need). Electron-free, so the entries and accelerators are tested in Node; `electron/app-menu.ts`
 * turns them into Electron's menu. The `?` key is not an accelerator: it would be taken from every text field.
 */
import type { PushChannels } from '../../shared/ipc/contract'
import {
  PALETTE_KEY,
  SHORTCUT_SHEET_KEY,
  VIEW_SHORTCUTS,
  type NavigableView
} from '../../shared/view-shortcuts'
import type { MenuStrings } from './menu-strings'

export type AppMenuCommand =
  { kind: 'view'; view: NavigableView } | { kind: 'palette' } | { kind: 'shortcuts' }

/** Electron roles the menu uses (their actions and default keys are Electron's own). */
export type AppMenuRole =
  | 'appMenu'
  | 'editMenu'
  | 'windowMenu'
  | 'quit'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'

export type AppMenuEntry =
  | { type: 'separator' }
  | { role: AppMenuRole; label?: string }
  | { label: string; id: string; accelerator: string; command: AppMenuCommand }
  | { label: string; submenu: AppMenuEntry[]; role?: 'help' | 'windowMenu' }

/** Item ids, so tests and the e2e harness can click them in any language. */
export const MENU_IDS = {
  palette: 'menu-palette',
  shortcuts: 'menu-shortcuts',
  view: (view: NavigableView) => `menu-view-${view}`
}

/**
 * The whole menu for a platform. `devTools` adds the developer tools toggle (unpackaged builds only: a packaged
 * console has no use for it).
 */
export function appMenuTemplate(
  strings: MenuStrings,
  platform: NodeJS.Platform,
  options: { devTools: boolean }
): AppMenuEntry[] {
  const mac = platform === 'darwin'
  const separator = { type: 'separator' } as const
  const view: AppMenuEntry = {
    label: strings.view,
    submenu: [
      {
        label: strings.palette,
        id: MENU_IDS.palette,
        accelerator: `CmdOrCtrl+${PALETTE_KEY.toUpperCase()}`,
        command: { kind: 'palette' }
      },
      separator,
      ...VIEW_SHORTCUTS.map(({ view: name, digit }) => ({
        label: strings.views[name],
        id: MENU_IDS.view(name),
        accelerator: `CmdOrCtrl+${digit}`,
        command: { kind: 'view', view: name } as const
      })),
      separator,
      { role: 'resetZoom', label: strings.resetZoom },
      { role: 'zoomIn', label: strings.zoomIn },
      { role: 'zoomOut', label: strings.zoomOut },
      separator,
      { role: 'togglefullscreen', label: strings.fullScreen },
      ...(options.devTools ? [{ role: 'toggleDevTools', label: strings.devTools } as const] : [])
    ]
  }
  const help: AppMenuEntry = {
    label: strings.help,
    role: 'help',
    submenu: [
      {
        label: strings.shortcuts,
        id: MENU_IDS.shortcuts,
        accelerator: `CmdOrCtrl+${SHORTCUT_SHEET_KEY}`,
        command: { kind: 'shortcuts' }
      }
    ]
  }
  if (mac) {
    return [{ role: 'appMenu' }, { role: 'editMenu' }, view, { role: 'windowMenu' }, help]
  }
  return [{ label: strings.file, submenu: [{ role: 'quit', label: strings.quit }] }, view, help]
}

/** What the renderer is asked to show for a menu command (the server shown stays). */
export function menuNavigation(command: AppMenuCommand): PushChannels['app:navigate'][number] {
  if (command.kind === 'view') return { view: command.view }
  return { panel: command.kind === 'palette' ? 'palette' : 'shortcuts' }
}
