/**
 * The stand-in `Menu` and `MenuItem`: built from templates, recorded when set as the application menu or popped up,
 * and clickable by label (or id) from a test, which calls the item's `click` as Electron would.
 */
import { EventEmitter } from 'node:events'
import type { RecordedMenuItem } from '../protocol'
import { records } from './records'

type ClickHandler = (
  item: StandInMenuItem,
  window: unknown,
  event: { triggeredByAccelerator: boolean }
) => void

export interface MenuItemOptions {
  label?: string
  id?: string
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio'
  role?: string
  enabled?: boolean
  visible?: boolean
  checked?: boolean
  accelerator?: string
  click?: ClickHandler
  submenu?: MenuItemOptions[] | StandInMenu
}

export class StandInMenuItem {
  label: string
  id?: string
  type: string
  role?: string
  enabled: boolean
  visible: boolean
  checked: boolean
  accelerator?: string
  click?: ClickHandler
  submenu?: StandInMenu

  constructor(options: MenuItemOptions) {
    this.label = options.label ?? ''
    this.id = options.id
    this.role = options.role
    this.enabled = options.enabled ?? true
    this.visible = options.visible ?? true
    this.checked = options.checked ?? false
    this.accelerator = options.accelerator
    this.click = options.click
    const submenu = options.submenu
    this.submenu = Array.isArray(submenu) ? StandInMenu.buildFromTemplate(submenu) : submenu
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal')
  }
}

let applicationMenu: StandInMenu | null = null

export class StandInMenu extends EventEmitter {
  readonly items: StandInMenuItem[] = []

  static buildFromTemplate(template: Array<MenuItemOptions | StandInMenuItem>): StandInMenu {
    const menu = new StandInMenu()
    for (const entry of template) {
      menu.append(entry instanceof StandInMenuItem ? entry : new StandInMenuItem(entry))
    }
    return menu
  }
  static setApplicationMenu(menu: StandInMenu | null): void {
    applicationMenu = menu
  }
  static getApplicationMenu(): StandInMenu | null {
    return applicationMenu
  }

  append(item: StandInMenuItem): void {
    this.items.push(item)
  }
  insert(position: number, item: StandInMenuItem): void {
    this.items.splice(position, 0, item)
  }
  getMenuItemById(id: string): StandInMenuItem | null {
    return findMenuItem(this, id)
  }
  popup(_options?: unknown): void {
    records.menuPopups.push(describeMenu(this) ?? [])
    this.emit('menu-will-show')
  }
  closePopup(): void {
    this.emit('menu-will-close')
  }
}

/** Plain data for a test: labels, ids, types and states, recursively. */
export function describeMenu(menu: StandInMenu | null): RecordedMenuItem[] | null {
  if (!menu) return null
  return menu.items.map((item) => ({
    label: item.label,
    ...(item.id === undefined ? {} : { id: item.id }),
    type: item.type,
    enabled: item.enabled,
    checked: item.checked,
    ...(item.submenu ? { submenu: describeMenu(item.submenu) ?? [] } : {})
  }))
}

/** Depth-first search by label or id. */
export function findMenuItem(menu: StandInMenu | null, labelOrId: string): StandInMenuItem | null {
  for (const item of menu?.items ?? []) {
    if (item.label === labelOrId || item.id === labelOrId) return item
    const inner = item.submenu ? findMenuItem(item.submenu, labelOrId) : null
    if (inner) return inner
  }
  return null
}

/** A person clicking the item: checkboxes toggle, disabled items do nothing, then `click` runs. */
export function clickMenuItem(menu: StandInMenu | null, labelOrId: string, window: unknown): void {
  const item = findMenuItem(menu, labelOrId)
  if (!item) throw new Error(`No menu item labelled '${labelOrId}'`)
  if (!item.enabled) throw new Error(`Menu item '${labelOrId}' is disabled`)
  if (item.type === 'checkbox') item.checked = !item.checked
  if (item.type === 'radio') item.checked = true
  item.click?.(item, window, { triggeredByAccelerator: false })
}
