/** The stand-in `Tray`: its image, tooltip, title and context menu are recorded; a test can click it. */
import { EventEmitter } from 'node:events'
import type { TrayState } from '../protocol'
import { describeMenu, type StandInMenu } from './menu'
import { describeImage } from './native-image'

const trays: StandInTray[] = []

export class StandInTray extends EventEmitter {
  private image: string
  private tooltip = ''
  private title = ''
  private menu: StandInMenu | null = null
  private destroyed = false

  constructor(image: unknown) {
    super()
    this.image = describeImage(image)
    trays.push(this)
  }

  setImage(image: unknown): void {
    this.image = describeImage(image)
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip
  }
  setTitle(title: string): void {
    this.title = title
  }
  getTitle(): string {
    return this.title
  }
  setContextMenu(menu: StandInMenu | null): void {
    this.menu = menu
  }
  popUpContextMenu(): void {
    this.menu?.popup()
  }
  setIgnoreDoubleClickEvents(_ignore: boolean): void {}
  destroy(): void {
    this.destroyed = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }

  _menu(): StandInMenu | null {
    return this.menu
  }

  _describe(): TrayState {
    return {
      image: this.image,
      tooltip: this.tooltip,
      title: this.title,
      menu: describeMenu(this.menu),
      destroyed: this.destroyed
    }
  }
}

/** The most recently created tray (the app has one). */
export function currentStandInTray(): StandInTray | null {
  return trays.at(-1) ?? null
}
